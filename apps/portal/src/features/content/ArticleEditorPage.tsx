import { useApolloClient, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { articleDraftSchema, SEO_DESCRIPTION_MAX, SEO_TITLE_MAX } from '@attune/domain';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import { applyProblem, Field, LoadProblem, loadProblemMessage, readProblem, textOrNone } from '../../app/form-kit';
import { usePageTitle } from '../../app/usePageTitle';
import { ArchiveArticleDocument, ArticleAuthorsDocument, ArticleEditorDocument, CreateArticleDocument, PreviewMarkdownDocument, PublishArticleDocument, UnpublishArticleDocument, UpdateArticleDocument, type EditableArticleFragment } from './content.generated';
import { formatDate } from '../../app/format';
import { viewerTimeZone, zoneLabel } from '../../app/time-zone';
import { fromLocalInput, STATUS_LABELS, toLocalInput, whenText } from './articleStatus';
import { RevisionHistory } from './RevisionHistory';
import { splitList } from './splitList';
import { useDebouncedValue } from './useDebouncedValue';
import './content.css';

interface ArticleForm {
  title: string;
  summary: string;
  slug: string;
  tags: string;
  authorId: string;
  coverImageUrl: string;
  coverImageAlt: string;
  seoTitle: string;
  seoDescription: string;
  bodyMarkdown: string;
}

// What the browser can check before a save, by the domain's rules; the API checks the rest (a cover image needs its description).
const draft = articleDraftSchema.shape;
const editorSchema = z.object({
  title: draft.title,
  summary: draft.summary,
  bodyMarkdown: draft.bodyMarkdown,
  tags: z.preprocess((line) => splitList(String(line)), draft.tags),
  slug: textOrNone(draft.slug),
  authorId: z.string(),
  coverImageUrl: draft.coverImageUrl,
  coverImageAlt: draft.coverImageAlt,
  seoTitle: draft.seoTitle,
  seoDescription: draft.seoDescription,
  /** "Publish at", in the viewer's time zone (chosen, else the browser's): only the schedule button reads it. */
  at: z.string(),
});
/** The fields in the order the page shows them, for putting the API's problems beside them. */
const FIELDS = ['title', 'summary', 'slug', 'tags', 'authorId', 'coverImageUrl', 'coverImageAlt', 'seoTitle', 'seoDescription', 'bodyMarkdown', 'at'] as const;

type EditorValues = ArticleForm & { at: string };

const EMPTY: ArticleForm = { title: '', summary: '', slug: '', tags: '', authorId: '', coverImageUrl: '', coverImageAlt: '', seoTitle: '', seoDescription: '', bodyMarkdown: '' };

const fromArticle = (article: EditableArticleFragment): ArticleForm => ({
  title: article.title,
  summary: article.summary,
  slug: article.slug,
  tags: article.tags.join(', '),
  authorId: article.authorId ?? '',
  coverImageUrl: article.coverImageUrl ?? '',
  coverImageAlt: article.coverImageAlt ?? '',
  seoTitle: article.seoTitle ?? '',
  seoDescription: article.seoDescription ?? '',
  bodyMarkdown: article.bodyMarkdown,
});

const sameForm = (a: ArticleForm, b: ArticleForm) => (Object.keys(a) as (keyof ArticleForm)[]).every((key) => a[key] === b[key]);

const toInput = (form: ArticleForm) => ({
  title: form.title,
  summary: form.summary,
  bodyMarkdown: form.bodyMarkdown,
  tags: splitList(form.tags),
  slug: form.slug.trim() || null,
  coverImageUrl: form.coverImageUrl,
  coverImageAlt: form.coverImageAlt,
  seoTitle: form.seoTitle,
  seoDescription: form.seoDescription,
  authorId: form.authorId || null,
});

/** Admins write in Markdown with a live preview through the same sanitizer the site uses, then schedule or publish. */
export function ArticleEditorPage() {
  // One route for new and existing articles, so the page stays put when a new draft gets its id.
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const navigate = useNavigate();
  const client = useApolloClient();

  const loaded = useQuery(ArticleEditorDocument, { variables: { id }, skip: isNew, fetchPolicy: 'network-only' });
  const authors = useQuery(ArticleAuthorsDocument);
  const [article, setArticle] = useState<EditableArticleFragment | null>(null);
  const form = useForm<EditorValues, unknown, z.output<typeof editorSchema>>({
    // The domain's optional fields take unknown input (the API parses with them too); here they get strings.
    resolver: zodResolver(editorSchema) as Resolver<EditorValues, unknown, z.output<typeof editorSchema>>,
    defaultValues: { ...EMPTY, at: '' },
  });
  const values = useWatch({ control: form.control }) as EditorValues;
  const { errors } = form.formState;
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ mine: ArticleForm; reloaded: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);

  usePageTitle(isNew ? 'Write a new article' : article ? `Editing “${article.title}”` : 'Editing an article');

  // The article as loaded becomes the form, once; after that the form is the editor's.
  useEffect(() => {
    const fetched = loaded.data?.adminArticle;
    if (fetched && (!article || article.id !== fetched.id)) {
      setArticle(fetched);
      form.reset({ ...fromArticle(fetched), at: fetched.status === 'SCHEDULED' && fetched.publishedAt ? toLocalInput(fetched.publishedAt) : '' });
    }
  }, [loaded.data, article, form]);

  // Typing replaces the last "saved" notice with "You have unsaved changes".
  useEffect(() => {
    const watching = form.watch((_values, { type }) => {
      if (type === 'change') setNotice(null);
    });
    return () => watching.unsubscribe();
  }, [form]);

  // A new article names the admin writing it, until they choose someone else.
  useEffect(() => {
    if (isNew && !values.authorId && authors.data?.me) form.setValue('authorId', authors.data.me.id);
  }, [isNew, values.authorId, authors.data, form]);

  const markdown = useDebouncedValue(values.bodyMarkdown, 300);
  const preview = useQuery(PreviewMarkdownDocument, { variables: { markdown }, fetchPolicy: 'no-cache' });
  const previewHtml = preview.data?.previewMarkdown ?? preview.previousData?.previewMarkdown ?? '';

  const unsaved = article ? !sameForm(fromArticle(article), values) : !sameForm({ ...EMPTY, authorId: values.authorId }, values);
  /** What the editor holds now, without the publishing time. */
  const mine = (): ArticleForm => {
    const { at: _at, ...written } = form.getValues();
    return written;
  };

  function fail(caught: unknown) {
    const found = readProblem(caught);
    if (found.reason === 'STALE_VERSION') {
      setConflict({ mine: mine(), reloaded: false });
      setProblem(null);
    } else {
      // A problem with a field goes beside it, and that field takes focus; anything else is said at the top.
      setProblem(applyProblem(form, found, FIELDS)?.message ?? null);
    }
    // Keyboard and screen reader users land on what went wrong.
    if (found.reason === 'STALE_VERSION' || Object.keys(found.fields).length === 0) setTimeout(() => problemRef.current?.focus(), 0);
  }

  function accept(saved: EditableArticleFragment, message: string) {
    setArticle(saved);
    form.reset({ ...fromArticle(saved), at: form.getValues('at') });
    setProblem(null);
    setNotice(message);
  }

  /** Saves unsaved changes (or creates the article) and returns the article as stored. */
  async function save(): Promise<EditableArticleFragment | null> {
    if (!article) {
      const result = await client.mutate({ mutation: CreateArticleDocument, variables: { input: toInput(mine()) } });
      const created = result.data!.createArticle;
      accept(created, `Draft saved at ${formatDate(new Date().toISOString(), { timeStyle: 'short' })}.`);
      navigate(`/admin/articles/${created.id}`, { replace: true });
      return created;
    }
    if (!unsaved) return article;
    const result = await client.mutate({ mutation: UpdateArticleDocument, variables: { id: article.id, input: { ...toInput(mine()), version: article.version } } });
    const updated = result.data!.updateArticle;
    accept(updated, `Saved at ${formatDate(new Date().toISOString(), { timeStyle: 'short' })}.`);
    return updated;
  }

  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  }

  const onSave = form.handleSubmit(() =>
    run(async () => {
      await save();
    }),
  );

  const publish = (at: string | null) =>
    run(async () => {
      // What the browser can check comes first, with focus on the first problem.
      if (!(await form.trigger(undefined, { shouldFocus: true }))) return;
      const current = await save();
      if (!current) return;
      const result = await client.mutate({ mutation: PublishArticleDocument, variables: { id: current.id, at, version: current.version } });
      const published = result.data!.publishArticle;
      accept(published, published.status === 'SCHEDULED' ? `${whenText(published.status, published.publishedAt)}. It will appear on the site then.` : 'Published. It is on the site now.');
    });

  const changeState = (kind: 'unpublish' | 'archive') =>
    run(async () => {
      if (!article) return;
      const result =
        kind === 'unpublish'
          ? (await client.mutate({ mutation: UnpublishArticleDocument, variables: { id: article.id, version: article.version } })).data!.unpublishArticle
          : (await client.mutate({ mutation: ArchiveArticleDocument, variables: { id: article.id, version: article.version } })).data!.archiveArticle;
      // Unsaved words stay in the editor; only the state changed.
      setArticle(result);
      setNotice(kind === 'unpublish' ? 'Unpublished. It is a draft again, and no longer on the site.' : 'Archived. It is no longer on the site.');
    });

  async function reloadTheirs() {
    if (!article || !conflict) return;
    const result = await client.query({ query: ArticleEditorDocument, variables: { id: article.id }, fetchPolicy: 'network-only' });
    const theirs = result.data!.adminArticle;
    setArticle(theirs);
    form.reset({ ...fromArticle(theirs), at: form.getValues('at') });
    setConflict({ ...conflict, reloaded: true });
    setNotice('Their version is loaded. Your unsaved text is below: copy what you need, then save.');
  }

  if (!isNew && loaded.loading && !article) return <p role="status" className="page">Loading the article…</p>;
  if (!isNew && loaded.error)
    return (
      <div className="page narrow">
        <LoadProblem error={loaded.error} what="this article" />
        <p>
          <Link to="/admin/articles">Back to the articles</Link>
        </p>
      </div>
    );

  const status = article?.status ?? 'DRAFT';
  const live = status === 'PUBLISHED' || status === 'SCHEDULED';
  const when = article ? whenText(status, article.publishedAt) : null;
  const problemOf = (key: (typeof FIELDS)[number]) => errors[key]?.message;

  return (
    <section className="page editor-page" aria-labelledby="editor-heading">
      <p>
        <Link to="/admin/articles">All articles</Link>
      </p>
      <h1 id="editor-heading">{isNew ? 'Write a new article' : 'Edit the article'}</h1>
      <p className="meta">
        <span className={`status status--${status.toLowerCase()}`}>{STATUS_LABELS[status]}</span>
        {when && <> · {when}</>}
        {article && (status === 'PUBLISHED' ? <> · <a href={`/articles/${article.slug}`}>View it on the site</a></> : null)}
      </p>

      <div ref={problemRef} tabIndex={-1} className="focus-target">
        {conflict && (
          <div role="alert" className="notice notice--problem">
            <h2 className="notice__title">Someone else saved this article after you opened it</h2>
            {conflict.reloaded ? (
              <p>Their version is now in the editor. Your unsaved text is kept below, so nothing is lost: copy what you need back in, then save.</p>
            ) : (
              <>
                <p>To keep both of your work, load their version first. Your unsaved text stays on this page.</p>
                <button type="button" className="button" onClick={() => void reloadTheirs()}>
                  Load their version
                </button>
              </>
            )}
          </div>
        )}
        {problem && (
          <div role="alert" className="notice notice--problem">
            <p>{problem}</p>
          </div>
        )}
      </div>
      <p role="status" className="status-line">
        {notice ?? (unsaved ? 'You have unsaved changes.' : article ? 'All changes saved.' : '')}
      </p>

      {conflict?.reloaded && (
        <details className="card mine" open>
          <summary>Your unsaved version</summary>
          <p className="hint">This is what you had typed. It is not saved anywhere yet.</p>
          <Field label="Your title">{(control) => <input {...control} readOnly value={conflict.mine.title} />}</Field>
          <Field label="Your summary">{(control) => <textarea {...control} readOnly rows={2} value={conflict.mine.summary} />}</Field>
          <Field label="Your article text">{(control) => <textarea {...control} readOnly rows={8} value={conflict.mine.bodyMarkdown} />}</Field>
          <p>
            <button type="button" className="button button--quiet" onClick={() => form.reset({ ...conflict.mine, at: form.getValues('at') })}>
              Put my version back in the editor
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={() => setConflict(null)}>
              I have what I need
            </button>
          </p>
        </details>
      )}

      <form className="editor" onSubmit={(event) => void onSave(event)} noValidate>
        <div className="editor__fields">
          <Field label="Title" problem={problemOf('title')}>
            {(control) => <input {...control} required maxLength={200} {...form.register('title')} />}
          </Field>
          <Field label="Summary" hint="One or two sentences. It appears in the list of articles and in link previews." problem={problemOf('summary')}>
            {(control) => <textarea {...control} required rows={2} maxLength={500} {...form.register('summary')} />}
          </Field>
          <Field
            label="Address"
            hint={isNew ? 'Made from the title if you leave it empty, like what-to-expect.' : 'If you change it, links to the old address keep working.'}
            problem={problemOf('slug')}
          >
            {(control) => <input {...control} maxLength={100} {...form.register('slug')} />}
          </Field>
          <Field label="Topics" hint="Separated by commas, like starting-therapy, grief. At most 10." problem={problemOf('tags')}>
            {(control) => <input {...control} {...form.register('tags')} />}
          </Field>
          <Field label="Author" hint="An admin, or a therapist: their public profile is linked from the article." problem={problemOf('authorId')}>
            {(control) => (
              <select {...control} {...form.register('authorId')}>
                {(authors.data?.articleAuthors ?? []).map((author) => (
                  <option key={author.id} value={author.id}>
                    {author.displayName} ({author.role === 'ADMIN' ? 'admin' : 'therapist'})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="fieldset">
            <legend>Cover image (optional)</legend>
            <Field label="Image address" hint="An https:// link to the image." problem={problemOf('coverImageUrl')}>
              {(control) => <input {...control} type="url" inputMode="url" {...form.register('coverImageUrl')} />}
            </Field>
            <Field label="What the image shows" hint="Needed with an image, for people who cannot see it." problem={problemOf('coverImageAlt')}>
              {(control) => <input {...control} maxLength={300} {...form.register('coverImageAlt')} />}
            </Field>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Search engines and link previews (optional)</legend>
            <Field label="Search title" hint={`The title is used if you leave this empty. ${values.seoTitle.length} of ${SEO_TITLE_MAX} characters.`} problem={problemOf('seoTitle')}>
              {(control) => <input {...control} maxLength={SEO_TITLE_MAX} {...form.register('seoTitle')} />}
            </Field>
            <Field
              label="Search description"
              hint={`The summary is used if you leave this empty. ${values.seoDescription.length} of ${SEO_DESCRIPTION_MAX} characters.`}
              problem={problemOf('seoDescription')}
            >
              {(control) => <textarea {...control} rows={2} maxLength={SEO_DESCRIPTION_MAX} {...form.register('seoDescription')} />}
            </Field>
          </fieldset>
        </div>

        <div className="editor__body">
          <Field label="Article text (Markdown)" hint="Use ## for headings, **bold**, *italic*, - for lists and [words](https://…) for links." problem={problemOf('bodyMarkdown')}>
            {(control) => <textarea {...control} className="editor__markdown" rows={18} {...form.register('bodyMarkdown')} />}
          </Field>
          <section className="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">Preview</h2>
            {previewHtml ? (
              // Rendered and sanitized by the API, exactly as the published page will be.
              <div className="prose" dangerouslySetInnerHTML={{ __html: previewHtml }} />
            ) : (
              <p className="meta">{preview.error ? loadProblemMessage(preview.error, 'the preview') : 'Nothing to preview yet.'}</p>
            )}
          </section>
        </div>

        <div className="editor__actions">
          <button type="submit" className="button" disabled={busy}>
            {live ? 'Save changes' : 'Save draft'}
          </button>
        </div>
      </form>

      <section className="card publishing" aria-labelledby="publishing-heading">
        <h2 id="publishing-heading">Publishing</h2>
        <p>
          {status === 'PUBLISHED'
            ? 'It is on the site. Saving changes updates it there at once.'
            : status === 'SCHEDULED'
              ? 'It will appear on the site at the time below. Until then, only admins and its author can see it.'
              : 'Only admins and its author can see it until it is published.'}
        </p>
        {status !== 'PUBLISHED' && (
          <p>
            <button type="button" className="button" disabled={busy} onClick={() => void publish(null)}>
              Publish now
            </button>
          </p>
        )}
        <div className="schedule">
          <Field label={`Publish at (your time, ${zoneLabel(viewerTimeZone())})`} problem={problemOf('at')}>
            {(control) => <input {...control} type="datetime-local" {...form.register('at')} />}
          </Field>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy || !values.at}
            onClick={() => {
              // Only a real time schedules; an empty or impossible one must never mean "now".
              const at = fromLocalInput(values.at);
              if (at) void publish(at);
            }}
          >
            {status === 'SCHEDULED' ? 'Change the time' : 'Schedule'}
          </button>
        </div>
        {article && (
          <p className="actions">
            {live && (
              <button type="button" className="button button--quiet" disabled={busy} onClick={() => void changeState('unpublish')}>
                Unpublish
              </button>
            )}{' '}
            {status !== 'ARCHIVED' && (
              <button type="button" className="button button--quiet" disabled={busy} onClick={() => void changeState('archive')}>
                Archive
              </button>
            )}
          </p>
        )}
      </section>

      {article && (
        <RevisionHistory
          key={article.version}
          article={article}
          hasUnsavedChanges={unsaved}
          onRestored={(restored) => accept(restored, 'Restored. The earlier words are now the newest revision.')}
          onConflict={() => setConflict({ mine: mine(), reloaded: false })}
        />
      )}
    </section>
  );
}
