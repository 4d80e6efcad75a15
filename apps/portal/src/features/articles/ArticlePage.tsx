import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../app/format';
import { NotFoundPage } from '../../app/NotFoundPage';
import { usePageTitle } from '../../app/usePageTitle';
import { ArticlePageDocument } from './articles.generated';
import { LoadProblem } from '../../app/form-kit';

export function ArticlePage() {
  const { slug = '' } = useParams();
  const { data, loading, error } = useQuery(ArticlePageDocument, { variables: { slug } });
  const article = data?.article;
  usePageTitle(article?.title ?? (loading ? 'Loading' : null));

  if (loading && !data) return <p role="status" className="page">Loading the article…</p>;
  if (error)
    return <LoadProblem className="page" error={error} what="this article" />;
  if (!article) return <NotFoundPage />;

  return (
    <article className="page narrow">
      <p>
        <Link to="/articles">All articles</Link>
      </p>
      <h1>{article.title}</h1>
      <p className="meta">
        {article.author.displayName}
        {article.publishedAt && <> · {formatDate(article.publishedAt)}</>}
      </p>
      <p className="lead">{article.summary}</p>
      {/* bodyHtml is sanitized by the API when the article is saved. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
    </article>
  );
}
