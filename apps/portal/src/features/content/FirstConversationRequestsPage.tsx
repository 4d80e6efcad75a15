import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/usePageTitle';
import { FirstConversationRequestsPageDocument, MarkFirstConversationRequestHandledDocument } from './content.generated';
import type { FirstConversationRequestStatus } from '../../gql/types';
import { Field, loadProblemMessage, readProblem } from '../../app/form-kit';
import './content.css';

/** Admins: people who asked for a first conversation. What they wrote is private; it is shown here only. */
export function FirstConversationRequestsPage() {
  usePageTitle('Requests for a first conversation');
  const client = useApolloClient();
  const [status, setStatus] = useState<FirstConversationRequestStatus | ''>('NEW');
  const { data, loading, error, refetch } = useQuery(FirstConversationRequestsPageDocument, { variables: { first: 50, status: status || null }, fetchPolicy: 'network-only' });
  const [problem, setProblem] = useState<string | null>(null);
  const edges = data?.firstConversationRequests.edges ?? [];

  async function markHandled(id: string) {
    setProblem(null);
    try {
      await client.mutate({ mutation: MarkFirstConversationRequestHandledDocument, variables: { id } });
      await refetch();
    } catch (caught) {
      setProblem(readProblem(caught).message);
    }
  }

  return (
    <section className="page" aria-labelledby="requests-heading">
      <h1 id="requests-heading">Requests for a first conversation</h1>
      <p className="lead">People who asked to talk. Please get back to them the way they chose.</p>
      <Field label="Show" className="field--inline">
        {(control) => (
          <select {...control} value={status} onChange={(event) => setStatus(event.target.value as FirstConversationRequestStatus | '')}>
            <option value="NEW">Waiting for a reply</option>
            <option value="HANDLED">Handled</option>
            <option value="">All requests</option>
          </select>
        )}
      </Field>
      {loading && !data && <p role="status">Loading requests…</p>}
      {(error || problem) && (
        <p role="alert" className="notice notice--problem">
          {problem ?? loadProblemMessage(error, 'the requests')}
        </p>
      )}
      {data && edges.length === 0 && <p>No requests here.</p>}
      <ul className="card-list">
        {edges.map(({ node }) => (
          <li key={node.id} className="card">
            <article aria-labelledby={`request-${node.id}`}>
              <h2 id={`request-${node.id}`}>{node.name}</h2>
              <p className="meta">Asked {formatDate(node.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</p>
              <dl className="details">
                <dt>Prefers</dt>
                <dd>{node.preferredContact === 'PHONE' ? 'A phone call' : 'Email'}</dd>
                <dt>Email</dt>
                <dd>
                  <a href={`mailto:${node.email}`}>{node.email}</a>
                </dd>
                {node.phone && (
                  <>
                    <dt>Phone</dt>
                    <dd>
                      <a href={`tel:${node.phone.replace(/[^0-9+]/g, '')}`}>{node.phone}</a>
                    </dd>
                  </>
                )}
                {node.therapistName && (
                  <>
                    <dt>Would like to talk to</dt>
                    <dd>{node.therapistName}</dd>
                  </>
                )}
              </dl>
              {node.message && <blockquote className="note">{node.message}</blockquote>}
              {node.status === 'HANDLED' ? (
                <p className="meta">
                  Handled{node.handledByName && ` by ${node.handledByName}`}
                  {node.handledAt && `, ${formatDate(node.handledAt, { dateStyle: 'medium' })}`}
                </p>
              ) : (
                <button type="button" className="button button--quiet" onClick={() => void markHandled(node.id)}>
                  Mark {node.name}’s request as handled
                </button>
              )}
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
