import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { useViewer } from '../identity/useViewer';
import { SignedInHome } from './SignedInHome';

export function HomePage() {
  const { viewer, loading } = useViewer();
  if (loading) return null;
  if (viewer) return <SignedInHome viewer={viewer} />;
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
