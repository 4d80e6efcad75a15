import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { AdminHomeClinicalAccessDocument } from './home.generated';
import { DevOutboxAvailableDocument } from '../admin/admin.generated';
import type { Viewer } from '../identity/viewer-context';

/** Where an admin starts: the practice's people, writing and records, one click each. */
export function AdminHome({ viewer }: { viewer: Viewer }) {
  usePageTitle('Home');
  // The outbox exists outside production only: the link appears when the API serves it.
  const outbox = useQuery(DevOutboxAvailableDocument, { errorPolicy: 'all' });
  const outboxAvailable = Boolean(outbox.data?.devOutbox) && !outbox.error;
  // An admin who also practises, through a therapist account of their own, is told so plainly.
  const clinicalAccess = useQuery(AdminHomeClinicalAccessDocument, { errorPolicy: 'all' }).data?.myClinicalAccess ?? [];
  return (
    <section className="page narrow">
      <h1>Hello, {viewer.displayName}</h1>
      <p className="lead">You look after the practice's people and writing. Clinical records stay between clients and their therapists.</p>
      {clinicalAccess.map((account) => (
        <div key={account.id} className="notice" role="note" aria-label="Your clinical access">
          <p>
            You have clinical access through {account.displayName} ({account.email}), a therapist account of your own with{' '}
            {account.activeClients === 1 ? '1 client' : `${account.activeClients} clients`} in its care. Assigning clients to it is marked in the audit log.
          </p>
        </div>
      ))}
      <h2>People</h2>
      <ul className="link-list">
        <li>
          <Link to="/admin/people">People: who can sign in, deactivate and reactivate</Link>
        </li>
        <li>
          <Link to="/admin/care">Care relationships: assign and hand over clients</Link>
        </li>
        <li>
          <Link to="/admin/invite">Invite someone</Link>
        </li>
        <li>
          <Link to="/admin/first-conversations">Requests for a first conversation</Link>
        </li>
      </ul>
      <h2>Writing</h2>
      <ul className="link-list">
        <li>
          <Link to="/admin/articles">Articles: write, schedule and publish</Link>
        </li>
      </ul>
      <h2>Records</h2>
      <ul className="link-list">
        <li>
          <Link to="/admin/audit">Audit log</Link>
        </li>
        {outboxAvailable && (
          <li>
            <Link to="/admin/outbox">Development outbox</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
