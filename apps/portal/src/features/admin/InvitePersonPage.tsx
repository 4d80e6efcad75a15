import { usePageTitle } from '../../app/usePageTitle';
import { InviteForm } from '../identity/InviteForm';

export function InvitePersonPage() {
  usePageTitle('Invite someone');
  return (
    <section className="page narrow">
      <h1>Invite someone</h1>
      <p className="lead">We'll email them a single-use link to choose a password and set up their account.</p>
      <p>If the email already has an account, they get a note saying so instead, and nothing changes.</p>
      <InviteForm />
    </section>
  );
}
