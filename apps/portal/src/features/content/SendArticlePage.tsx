import { useApolloClient, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { shareArticleSchema } from '@attune/domain';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, LoadProblem, readProblem, type FormProblemState } from '../../app/form-kit';
import { usePageTitle } from '../../app/usePageTitle';
import { SendArticlePageDocument, ShareArticleDocument } from './content.generated';
import './content.css';

const schema = shareArticleSchema.extend({
  articleId: z.string().min(1, { message: 'Please choose an article.' }).pipe(shareArticleSchema.shape.articleId),
  clientId: z.string().min(1, { message: 'Please choose a client.' }).pipe(shareArticleSchema.shape.clientId),
});

/** A therapist sends a published article to a client in their care, with a line of their own. */
export function SendArticlePage() {
  usePageTitle('Send an article to a client');
  const [params] = useSearchParams();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(SendArticlePageDocument);
  const articles = data?.articles.edges.map((edge) => edge.node);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { articleId: '', clientId: '', note: '' } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [sent, setSent] = useState<string | null>(null);
  const { errors, isSubmitting } = form.formState;

  // ?article=<slug or id> preselects an article, e.g. from a link beside it, once the list is here.
  const wanted = params.get('article');
  useEffect(() => {
    const found = wanted ? data?.articles.edges.find(({ node }) => node.id === wanted || node.slug === wanted) : undefined;
    if (found && !form.getValues('articleId')) form.setValue('articleId', found.node.id);
  }, [wanted, data, form]);

  const onSubmit = form.handleSubmit(async (input) => {
    setProblem(null);
    setSent(null);
    try {
      const result = await client.mutate({ mutation: ShareArticleDocument, variables: { input } });
      const recipient = data?.articleRecipients.find((item) => item.id === input.clientId)?.displayName ?? 'your client';
      setSent(`Sent “${result.data!.shareArticle.article.title}” to ${recipient}. They will find it under “Shared with you”.`);
      form.setValue('note', '');
    } catch (caught) {
      setProblem(applyProblem(form, readProblem(caught), ['articleId', 'clientId', 'note']));
    }
  });

  if (loading && !data) return <p role="status" className="page">Loading…</p>;
  if (error)
    return (
      <LoadProblem className="page" error={error} what="this page" />
    );

  return (
    <section className="page narrow" aria-labelledby="send-heading">
      <h1 id="send-heading">Send an article to a client</h1>
      <p className="lead">Your note is seen only by you and your client.</p>
      <FormProblem problem={problem} />
      <p role="status" className={sent ? 'notice' : undefined}>
        {sent}
      </p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="form">
        <Field label="Article" problem={errors.articleId?.message}>
          {(control) => (
            <select {...control} required {...form.register('articleId')}>
              <option value="">Choose an article</option>
              {(articles ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Client" hint="Clients in your care now." problem={errors.clientId?.message}>
          {(control) => (
            <select {...control} required {...form.register('clientId')}>
              <option value="">Choose a client</option>
              {(data?.articleRecipients ?? []).map((item) => (
                <option key={item.id} value={item.id}>
                  {item.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Your note (optional)" hint="Like “this made me think of what you said”. At most 500 characters." problem={errors.note?.message}>
          {(control) => <textarea {...control} rows={3} maxLength={500} {...form.register('note')} />}
        </Field>
        <p>
          <button type="submit" className="button" disabled={isSubmitting}>
            Send to client
          </button>
        </p>
      </form>
    </section>
  );
}
