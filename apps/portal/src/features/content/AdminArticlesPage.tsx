import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/usePageTitle';
import { AdminArticlesPageDocument } from './content.generated';
import type { ArticleStatus } from '../../gql/types';
import { Field, LoadProblem } from '../../app/form-kit';
import { STATUS_LABELS, whenText } from './articleStatus';
import './content.css';
import { ShowMore } from '../../app/ListControls';

const PAGE_SIZE = 25;

/** Admins: every article with its state, newest change first. */
export function AdminArticlesPage() {
  usePageTitle('Articles: writing and publishing');
  const [status, setStatus] = useState<ArticleStatus | ''>('');
  const [search, setSearch] = useState('');
  const { data, loading, error, fetchMore } = useQuery(AdminArticlesPageDocument, {
    variables: { first: PAGE_SIZE, status: status || null, search: search.trim() || null },
    fetchPolicy: 'cache-and-network',
  });
  const edges = data?.adminArticles.edges ?? [];

  return (
    <section className="page" aria-labelledby="admin-articles-heading">
      <div className="page-head">
        <h1 id="admin-articles-heading">Articles</h1>
        <Link className="button" to="/admin/articles/new">
          Write a new article
        </Link>
      </div>
      <form className="filters" role="search" aria-label="Find articles" onSubmit={(event) => event.preventDefault()}>
        <Field label="Show" className="field--inline">
          {(control) => (
            <select {...control} value={status} onChange={(event) => setStatus(event.target.value as ArticleStatus | '')}>
              <option value="">All articles</option>
              {(Object.keys(STATUS_LABELS) as ArticleStatus[]).map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Title contains" className="field--inline">
          {(control) => <input {...control} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />}
        </Field>
      </form>
      {loading && !data && <p role="status">Loading articles…</p>}
      {error && (
        <LoadProblem error={error} what="the articles" />
      )}
      {data && edges.length === 0 && <p>No articles match. Try another filter, or write a new one.</p>}
      {edges.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Articles, most recently changed first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">State</th>
              <th scope="col">Author</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  <Link to={`/admin/articles/${node.id}`}>{node.title}</Link>
                </td>
                <td>
                  <span className={`status status--${node.status.toLowerCase()}`}>{STATUS_LABELS[node.status]}</span>
                  {whenText(node.status, node.publishedAt) && <span className="meta block">{whenText(node.status, node.publishedAt)}</span>}
                </td>
                <td>{node.author.displayName}</td>
                <td>{formatDate(node.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ShowMore pageInfo={data?.adminArticles.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        Show more articles
      </ShowMore>
    </section>
  );
}
