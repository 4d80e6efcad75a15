import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/usePageTitle';
import { ArticlesPageDocument } from './articles.generated';
import { ShowMore } from '../../app/ListControls';
import { LoadProblem } from '../../app/form-kit';

const PAGE_SIZE = 10;

export function ArticlesPage() {
  const [params] = useSearchParams();
  const tag = params.get('tag');
  usePageTitle(tag ? `Articles about ${tag}` : 'Articles');
  const { data, loading, error, fetchMore } = useQuery(ArticlesPageDocument, { variables: { first: PAGE_SIZE, tag } });
  const articles = data?.articles.edges ?? [];

  return (
    <section className="page">
      <h1>{tag ? `Articles about ${tag.replace(/-/g, ' ')}` : 'Articles'}</h1>
      {tag && (
        <p>
          <Link to="/articles">Show all articles</Link>
        </p>
      )}
      {loading && !data && <p role="status">Loading articles…</p>}
      {error && (
        <LoadProblem error={error} what="the articles" />
      )}
      {data && articles.length === 0 && <p>There are no articles here yet.</p>}
      <ul className="card-list">
        {articles.map(({ node }) => (
          <li key={node.id} className="card">
            <article aria-labelledby={`article-${node.id}`}>
              <h2 id={`article-${node.id}`}>
                <Link to={`/articles/${node.slug}`}>{node.title}</Link>
              </h2>
              <p className="meta">
                {node.author.displayName}
                {node.publishedAt && <> · {formatDate(node.publishedAt)}</>}
              </p>
              <p>{node.summary}</p>
              {node.tags.length > 0 && (
                <ul className="tags" aria-label="Tags">
                  {node.tags.map((name) => (
                    <li key={name}>
                      <Link to={`/articles?tag=${encodeURIComponent(name)}`}>{name.replace(/-/g, ' ')}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </article>
          </li>
        ))}
      </ul>
      <ShowMore pageInfo={data?.articles.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        Show more articles
      </ShowMore>
    </section>
  );
}
