import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section className="page narrow">
      <h1>We couldn't find that page</h1>
      <p>It may have moved, or the link may be incomplete.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
