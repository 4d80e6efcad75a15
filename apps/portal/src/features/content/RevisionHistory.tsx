import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { formatDate } from '../../app/format';
import { ArticleRevisionsDocument, RestoreArticleRevisionDocument, type EditableArticleFragment } from './content.generated';
import { LoadProblem, readProblem } from '../../app/form-kit';
import { ShowMore } from '../../app/ListControls';

const EVENT_LABELS: Record<string, string> = { CREATED: 'Written', SAVED: 'Saved', RESTORED: 'Restored' };

interface Props {
  article: EditableArticleFragment;
  /** Unsaved text in the editor would be replaced by a restore: the editor says so first. */
  hasUnsavedChanges: boolean;
  onRestored: (article: EditableArticleFragment) => void;
  onConflict: () => void;
}

/** Every save of the article, newest first; any of them can be restored as a new revision. */
export function RevisionHistory({ article, hasUnsavedChanges, onRestored, onConflict }: Props) {
  const client = useApolloClient();
  const { data, loading, error, fetchMore } = useQuery(ArticleRevisionsDocument, {
    variables: { articleId: article.id, first: 20 },
    fetchPolicy: 'network-only',
  });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function restore(revisionId: string) {
    setBusy(true);
    setProblem(null);
    try {
      const result = await client.mutate({ mutation: RestoreArticleRevisionDocument, variables: { articleId: article.id, revisionId, version: article.version } });
      setConfirming(null);
      onRestored(result.data!.restoreArticleRevision);
    } catch (caught) {
      const found = readProblem(caught);
      if (found.reason === 'STALE_VERSION') onConflict();
      else setProblem(found.message);
    } finally {
      setBusy(false);
    }
  }

  const edges = data?.articleRevisions.edges ?? [];
  return (
    <section className="card revisions" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revision history</h2>
      <p className="hint">Each save keeps a revision. Restoring one saves its words as the newest revision; the address and the author stay as they are.</p>
      {loading && !data && <p role="status">Loading revisions…</p>}
      {error && (
        <LoadProblem error={error} what="the revisions" />
      )}
      {problem && (
        <p role="alert" className="notice notice--problem">
          {problem}
        </p>
      )}
      <ol className="revision-list" reversed>
        {edges.map(({ node }, index) => (
          <li key={node.id}>
            <p>
              <strong>
                {EVENT_LABELS[node.event] ?? node.event} {formatDate(node.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </strong>
              {node.editedBy && <> by {node.editedBy.displayName}</>}
              <span className="meta block">
                Version {node.version}: “{node.title}”
              </span>
            </p>
            {index === 0 ? (
              <p className="meta">{hasUnsavedChanges ? 'The last saved words.' : 'The words the article has now.'}</p>
            ) : confirming === node.id ? (
              <div className="confirm" role="group" aria-label={`Restore version ${node.version}?`}>
                <p>
                  Restore version {node.version}?{hasUnsavedChanges && ' Your unsaved changes in the editor will be replaced.'}
                </p>
                <button type="button" className="button" disabled={busy} onClick={() => void restore(node.id)}>
                  Restore version {node.version}
                </button>{' '}
                <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
                  Keep the current version
                </button>
              </div>
            ) : (
              <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(node.id)}>
                Restore version {node.version}
              </button>
            )}
          </li>
        ))}
      </ol>
      <ShowMore pageInfo={data?.articleRevisions.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        Show older revisions
      </ShowMore>
    </section>
  );
}
