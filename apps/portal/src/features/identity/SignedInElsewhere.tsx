import { useLocation } from 'react-router';
import { useViewer } from './useViewer';

/**
 * On a page meant for someone signing in afresh (a reset or invitation link), say who is signed in
 * on this browser and offer to sign out, keeping the link so the page comes back.
 */
export function SignedInElsewhere() {
  const { viewer, signOut } = useViewer();
  const location = useLocation();
  if (!viewer) return null;
  return (
    <div className="notice">
      <p>
        You're signed in as {viewer.displayName}. If this link is for a different account, sign out first.
      </p>
      <button type="button" className="button button--quiet button--small" onClick={() => void signOut(location.pathname + location.hash)}>
        Sign out and use this link
      </button>
    </div>
  );
}
