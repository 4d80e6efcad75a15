import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import type { Viewer } from '../identity/viewer-context';

/** A small, role-aware welcome; the clinical pages will grow from here. */
export function SignedInHome({ viewer }: { viewer: Viewer }) {
  usePageTitle('Home');
  return (
    <section className="page narrow">
      <h1>Hello, {viewer.displayName}</h1>
      {viewer.role === 'CLIENT' && (
        <>
          <p className="lead">This is your space between sessions. Take what is useful, at your own pace.</p>
          <ul className="link-list">
            <li>
              <Link to="/articles">Read articles from your practice</Link>
            </li>
            <li>
              <Link to="/account">Your account and security</Link>
            </li>
          </ul>
        </>
      )}
      {viewer.role === 'THERAPIST' && (
        <>
          <p className="lead">Welcome back.</p>
          <ul className="link-list">
            <li>
              <Link to="/invite-client">Invite a client</Link>
            </li>
            <li>
              <Link to="/articles">Articles</Link>
            </li>
            <li>
              <Link to="/account">Your account and security</Link>
            </li>
          </ul>
        </>
      )}
      {viewer.role === 'ADMIN' && (
        <>
          <p className="lead">Welcome back. You look after the practice's people and writing.</p>
          <ul className="link-list">
            <li>
              <Link to="/admin/invite">Invite someone</Link>
            </li>
            <li>
              <Link to="/admin/audit">Audit log</Link>
            </li>
            <li>
              <Link to="/account">Your account and security</Link>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
