import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { SendArticlePageDocument, ShareArticleDocument } from '../../gql/graphql';
import { loadProblemMessage, toProblem } from './apiProblem';
import { Field } from './Field';
import './content.css';

/** A therapist sends a published article to a client in their care, with a line of their own. */
export function SendArticlePage() {
  usePageTitle('Send an article to a client');
  const [params] = useSearchParams();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(SendArticlePageDocument);
  const articles = data?.articles.edges.map((edge) => edge.node) ?? [];
  const [articleId, setArticleId] = useState(() => params.get('article') ?? '');
  const [clientId, setClientId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // ?article=<slug> preselects an article, e.g. from a link beside it.
  const chosenArticle = articleId ? (articles.find((item) => item.id === articleId || item.slug === articleId)?.id ?? articleId) : '';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setSent(null);
    try {
      const result = await client.mutate({ mutation: ShareArticleDocument, variables: { input: { articleId: chosenArticle, clientId, note } } });
      const recipient = data?.articleRecipients.find((item) => item.id === clientId)?.displayName ?? 'your client';
      setSent(`Sent “${result.data!.shareArticle.article.title}” to ${recipient}. They will find it under “Shared with you”.`);
      setNote('');
      setErrors({});
    } catch (caught) {
      const found = toProblem(caught);
      setErrors(found.fields);
      setProblem(Object.keys(found.fields).length ? 'Please check the form: your note is kept.' : found.message);
    } finally {
      setBusy(false);
    }
  }

  if (loading && !data) return <p role="status" className="page">Loading…</p>;
  if (error)
    return (
      <p role="alert" className="page notice notice--problem">
        {loadProblemMessage(error)}
      </p>
    );

  return (
    <section className="page narrow" aria-labelledby="send-heading">
      <h1 id="send-heading">Send an article to a client</h1>
      <p className="lead">Your note is seen only by you and your client.</p>
      {problem && (
        <p role="alert" className="notice notice--problem">
          {problem}
        </p>
      )}
      <p role="status" className={sent ? 'notice' : undefined}>
        {sent}
      </p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="form">
        <Field id="articleId" label="Article" error={errors.articleId}>
          {(props) => (
            <select {...props} value={chosenArticle} onChange={(event) => setArticleId(event.target.value)} required>
              <option value="">Choose an article</option>
              {articles.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="clientId" label="Client" hint="Clients in your care now." error={errors.clientId}>
          {(props) => (
            <select {...props} value={clientId} onChange={(event) => setClientId(event.target.value)} required>
              <option value="">Choose a client</option>
              {(data?.articleRecipients ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="note" label="Your note (optional)" hint="Like “this made me think of what you said”. At most 500 characters." error={errors.note}>
          {(props) => <textarea {...props} rows={3} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
        <p>
          <button type="submit" className="button" disabled={busy || !chosenArticle || !clientId}>
            Send to client
          </button>
        </p>
      </form>
    </section>
  );
}
