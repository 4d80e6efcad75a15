import { Link, Navigate } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { useViewer } from '../identity/useViewer';
import { AdminHome } from './AdminHome';

/** The public welcome, or each role's own starting place once signed in. */
export function HomePage() {
  const { viewer, loading } = useViewer();
  if (loading) return null;
  if (viewer?.role === 'CLIENT') return <Navigate to="/home" replace />;
  if (viewer?.role === 'THERAPIST') return <Navigate to="/caseload" replace />;
  if (viewer?.role === 'ADMIN') return <AdminHome viewer={viewer} />;
  return <PublicHome />;
}

function PublicHome() {
  usePageTitle(null);
  return (
    <section className="page">
      <div className="hero">
        <h1>Therapy that starts with feeling safe</h1>
        <p className="lead">
          How safe, heard and understood you feel with your therapist matters more than any single technique. Everything we do is
          built around that relationship.
        </p>
        <p>
          <Link className="button" to="/articles">
            Read our writing
          </Link>
        </p>
      </div>
    </section>
  );
}
