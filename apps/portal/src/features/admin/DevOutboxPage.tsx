import { useQuery } from '@apollo/client/react';
import { Fragment } from 'react';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/usePageTitle';
import { DevOutboxPageDocument } from './admin.generated';
import { readProblem } from '../../app/form-kit';

/** Plain email text with its links made clickable, so a developer can follow an invitation or reset link. */
function EmailText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="email-text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
}

export function DevOutboxPage() {
  usePageTitle('Development outbox');
  const { data, loading, error, refetch } = useQuery(DevOutboxPageDocument, { variables: { first: 30 }, fetchPolicy: 'cache-and-network' });
  const emails = data?.devOutbox ?? [];

  return (
    <section className="page narrow">
      <h1>Development outbox</h1>
      <p className="lead">
        No mail server is set up, so Attune keeps the emails it would have sent here, newest first. This page does not exist in
        production.
      </p>
      <p>
        <button type="button" className="button button--quiet button--small" onClick={() => void refetch()}>
          Check for new emails
        </button>
      </p>
      {loading && !data && <p role="status">Loading emails…</p>}
      {error && (
        <p role="alert" className="notice notice--problem">
          {readProblem(error).message}
        </p>
      )}
      {data && emails.length === 0 && <p>No emails yet.</p>}
      <ul className="card-list">
        {emails.map((email) => (
          <li key={email.id} className="card">
            <article aria-labelledby={`email-${email.id}`}>
              <h2 id={`email-${email.id}`}>{email.subject}</h2>
              <p className="meta">
                To {email.to} · {formatDate(email.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </p>
              <EmailText text={email.text} />
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
