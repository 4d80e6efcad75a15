import { useQuery } from '@apollo/client/react';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/usePageTitle';
import { SharedArticlesPageDocument } from './content.generated';
import { LoadProblem } from '../../app/form-kit';
import './content.css';
import { ShowMore } from '../../app/ListControls';

/** A client's page: articles their therapist sent them, each with the therapist's own note. */
export function SharedArticlesPage() {
  usePageTitle('Shared with you');
  const { data, loading, error, fetchMore } = useQuery(SharedArticlesPageDocument, { variables: { first: 20 }, fetchPolicy: 'cache-and-network' });
  const edges = data?.sharedArticles.edges ?? [];
  return (
    <section className="page narrow" aria-labelledby="shared-heading">
      <h1 id="shared-heading">Shared with you</h1>
      <p className="lead">Writing your therapist thought you might find helpful. Only you and your therapist can see their notes.</p>
      {loading && !data && <p role="status">Loading…</p>}
      {error && (
        <LoadProblem error={error} what="the articles shared with you" />
      )}
      {data && edges.length === 0 && <p>Nothing has been shared with you yet. When your therapist sends you something to read, you will find it here.</p>}
      <ul className="card-list">
        {edges.map(({ node }) => (
          <li key={node.id} className="card">
            <article aria-labelledby={`shared-${node.id}`}>
              <h2 id={`shared-${node.id}`}>
                <a href={`/articles/${node.article.slug}`}>{node.article.title}</a>
              </h2>
              <p className="meta">
                From {node.sharedBy.displayName}, {formatDate(node.sharedAt)}
              </p>
              {node.note && (
                <blockquote className="note">
                  <p>{node.note}</p>
                </blockquote>
              )}
              <p>{node.article.summary}</p>
            </article>
          </li>
        ))}
      </ul>
      <ShowMore pageInfo={data?.sharedArticles.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        Show more
      </ShowMore>
    </section>
  );
}
