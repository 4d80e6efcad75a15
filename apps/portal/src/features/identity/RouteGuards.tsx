import { Link, Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import type { Role } from '../../gql/types';
import { safeReturnPath, signInPath } from './return-path';
import { useViewer } from './useViewer';

function Checking() {
  return (
    <p role="status" className="page">
      Checking whether you're signed in…
    </p>
  );
}

function CouldNotCheck() {
  return (
    <p role="alert" className="page notice notice--problem">
      We couldn't reach Attune just now. Please check your connection and reload the page.
    </p>
  );
}

/** Pages for signed-in people: others go to sign in and come back here afterwards; roles keep to their own pages. */
export function RequireViewer({ roles }: { roles?: readonly Role[] }) {
  const { viewer, loading, failed, signingOut } = useViewer();
  const location = useLocation();
  if (loading || signingOut) return <Checking />;
  if (failed) return <CouldNotCheck />;
  if (!viewer) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (roles && !roles.includes(viewer.role)) return <NotYours />;
  return <Outlet />;
}

/** Sign-in and the single-use link pages: someone already signed in goes where they were heading. */
export function AnonymousOnly() {
  const { viewer, loading, signingOut } = useViewer();
  const [params] = useSearchParams();
  if (loading || signingOut) return <Checking />;
  if (viewer) return <Navigate to={safeReturnPath(params.get('next'))} replace />;
  return <Outlet />;
}

function NotYours() {
  usePageTitle('Not available');
  return (
    <section className="page narrow">
      <h1>This page isn't part of your account</h1>
      <p>It belongs to a different part of Attune, so we can't show it to you.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </section>
  );
}
