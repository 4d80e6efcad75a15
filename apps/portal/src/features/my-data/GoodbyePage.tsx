import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';

/** Where someone lands after closing their account: signed out, with what happens next said plainly. */
export function GoodbyePage() {
  usePageTitle('Your account is closed');
  return (
    <section className="page narrow">
      <h1>Your account is closed</h1>
      <p className="lead">Thank you for the work you did here. We hope it helped.</p>
      <p>
        You have been signed out on every device. Your private reflections have been deleted. The practice keeps your clinical
        record for the time the law asks, and then deletes it.
      </p>
      <p>If you'd like to talk with your therapist again, or ask for a copy of their notes, you can contact the practice directly.</p>
      <p>
        If things feel hard right now, <Link to="/help">help is here</Link>.
      </p>
    </section>
  );
}
