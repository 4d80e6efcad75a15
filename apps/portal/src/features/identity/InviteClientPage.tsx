import { usePageTitle } from '../../app/usePageTitle';
import { InviteForm } from './InviteForm';

export function InviteClientPage() {
  usePageTitle('Invite a client');
  return (
    <section className="page narrow">
      <h1>Invite a client</h1>
      <p className="lead">We'll email them a link to set up their account. When they accept, they join your caseload.</p>
      <p>Their reflections stay private to them unless they choose to share one with you.</p>
      <InviteForm fixedRole="CLIENT" />
    </section>
  );
}
