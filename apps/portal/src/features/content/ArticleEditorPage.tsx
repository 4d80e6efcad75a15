import { useApolloClient, useQuery } from '@apollo/client/react';
import { SEO_DESCRIPTION_MAX, SEO_TITLE_MAX } from '@attune/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import {
  ArchiveArticleDocument,
  ArticleAuthorsDocument,
  ArticleEditorDocument,
  CreateArticleDocument,
  PreviewMarkdownDocument,
  PublishArticleDocument,
  UnpublishArticleDocument,
  UpdateArticleDocument,
  type EditableArticleFragment,
} from '../../gql/graphql';
import { loadProblemMessage, toProblem } from './apiProblem';
import { STATUS_LABELS, toLocalInput, whenText } from './articleStatus';
import { Field } from './Field';
import { RevisionHistory } from './RevisionHistory';
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
  tags: form.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean),
  slug: form.slug.trim() || null,
  coverImageUrl: form.coverImageUrl,
  coverImageAlt: form.coverImageAlt,
  seoTitle: form.seoTitle,
  seoDescription: form.seoDescription,
  authorId: form.authorId || null,
});

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

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
  const [form, setForm] = useState<ArticleForm>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ mine: ArticleForm; reloaded: boolean } | null>(null);
  const [scheduleAt, setScheduleAt] = useState('');
  const [busy, setBusy] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);

  usePageTitle(isNew ? 'Write a new article' : article ? `Editing “${article.title}”` : 'Editing an article');

  // The article as loaded becomes the form, once; after that the form is the editor's.
  useEffect(() => {
    const fetched = loaded.data?.adminArticle;
    if (fetched && (!article || article.id !== fetched.id)) {
      setArticle(fetched);
      setForm(fromArticle(fetched));
      if (fetched.status === 'SCHEDULED' && fetched.publishedAt) setScheduleAt(toLocalInput(fetched.publishedAt));
    }
  }, [loaded.data, article]);

  // A new article names the admin writing it, until they choose someone else.
  useEffect(() => {
    if (isNew && !form.authorId && authors.data?.me) setForm((current) => ({ ...current, authorId: authors.data!.me!.id }));
  }, [isNew, form.authorId, authors.data]);

  const markdown = useDebouncedValue(form.bodyMarkdown, 300);
  const preview = useQuery(PreviewMarkdownDocument, { variables: { markdown }, fetchPolicy: 'no-cache' });
  const previewHtml = preview.data?.previewMarkdown ?? preview.previousData?.previewMarkdown ?? '';

  const unsaved = article ? !sameForm(form, fromArticle(article)) : !sameForm(form, { ...EMPTY, authorId: form.authorId });

  function set<K extends keyof ArticleForm>(key: K, value: ArticleForm[K]) {
    setForm((current) => ({ ...current, [key]: value }));
    setNotice(null);
  }

  function fail(caught: unknown) {
    const found = toProblem(caught);
    if (found.code === 'CONFLICT') {
      setConflict({ mine: form, reloaded: false });
      setProblem(null);
    } else {
      setFieldErrors(found.fields);
      setProblem(Object.keys(found.fields).length > 0 ? 'Some of what you entered needs another look. Your text is kept.' : found.message);
    }
    // Keyboard and screen reader users land on what went wrong.
    setTimeout(() => problemRef.current?.focus(), 0);
  }

  function accept(saved: EditableArticleFragment, message: string) {
    setArticle(saved);
    setForm(fromArticle(saved));
    setFieldErrors({});
    setProblem(null);
    setNotice(message);
  }

  /** Saves unsaved changes (or creates the article) and returns the article as stored. */
  async function save(): Promise<EditableArticleFragment | null> {
    if (!article) {
      const result = await client.mutate({ mutation: CreateArticleDocument, variables: { input: toInput(form) } });
      const created = result.data!.createArticle;
      accept(created, `Draft saved at ${new Date().toLocaleTimeString([], { timeStyle: 'short' })}.`);
      navigate(`/admin/articles/${created.id}`, { replace: true });
      return created;
    }
    if (!unsaved) return article;
    const result = await client.mutate({ mutation: UpdateArticleDocument, variables: { id: article.id, input: { ...toInput(form), version: article.version } } });
    const updated = result.data!.updateArticle;
    accept(updated, `Saved at ${new Date().toLocaleTimeString([], { timeStyle: 'short' })}.`);
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

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await save();
    });
  };

  const publish = (at: string | null) =>
    run(async () => {
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
    setForm(fromArticle(theirs));
    setConflict({ ...conflict, reloaded: true });
    setNotice('Their version is loaded. Your unsaved text is below: copy what you need, then save.');
  }

  if (!isNew && loaded.loading && !article) return <p role="status" className="page">Loading the article…</p>;
  if (!isNew && loaded.error)
    return (
      <div className="page narrow">
        <p role="alert" className="notice notice--problem">
          {loadProblemMessage(loaded.error)}
        </p>
        <p>
          <Link to="/admin/articles">Back to the articles</Link>
        </p>
      </div>
    );

  const status = article?.status ?? 'DRAFT';
  const live = status === 'PUBLISHED' || status === 'SCHEDULED';
  const when = article ? whenText(status, article.publishedAt) : null;
  const errorFor = (key: string) => fieldErrors[key];

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
          <Field id="mine-title" label="Your title">
            {(props) => <input {...props} readOnly value={conflict.mine.title} />}
          </Field>
          <Field id="mine-summary" label="Your summary">
            {(props) => <textarea {...props} readOnly rows={2} value={conflict.mine.summary} />}
          </Field>
          <Field id="mine-body" label="Your article text">
            {(props) => <textarea {...props} readOnly rows={8} value={conflict.mine.bodyMarkdown} />}
          </Field>
          <p>
            <button type="button" className="button button--quiet" onClick={() => setForm({ ...conflict.mine })}>
              Put my version back in the editor
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={() => setConflict(null)}>
              I have what I need
            </button>
          </p>
        </details>
      )}

      <form className="editor" onSubmit={onSave} noValidate>
        <div className="editor__fields">
          <Field id="title" label="Title" error={errorFor('title')}>
            {(props) => <input {...props} required maxLength={200} value={form.title} onChange={(event) => set('title', event.target.value)} />}
          </Field>
          <Field id="summary" label="Summary" hint="One or two sentences. It appears in the list of articles and in link previews." error={errorFor('summary')}>
            {(props) => <textarea {...props} required rows={2} maxLength={500} value={form.summary} onChange={(event) => set('summary', event.target.value)} />}
          </Field>
          <Field
            id="slug"
            label="Address"
            hint={isNew ? 'Made from the title if you leave it empty, like what-to-expect.' : 'If you change it, links to the old address keep working.'}
            error={errorFor('slug')}
          >
            {(props) => <input {...props} maxLength={100} value={form.slug} onChange={(event) => set('slug', event.target.value)} />}
          </Field>
          <Field id="tags" label="Topics" hint="Separated by commas, like starting-therapy, grief. At most 10." error={errorFor('tags')}>
            {(props) => <input {...props} value={form.tags} onChange={(event) => set('tags', event.target.value)} />}
          </Field>
          <Field id="authorId" label="Author" hint="An admin, or a therapist: their public profile is linked from the article." error={errorFor('authorId')}>
            {(props) => (
              <select {...props} value={form.authorId} onChange={(event) => set('authorId', event.target.value)}>
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
            <Field id="coverImageUrl" label="Image address" hint="An https:// link to the image." error={errorFor('coverImageUrl')}>
              {(props) => <input {...props} type="url" inputMode="url" value={form.coverImageUrl} onChange={(event) => set('coverImageUrl', event.target.value)} />}
            </Field>
            <Field id="coverImageAlt" label="What the image shows" hint="Needed with an image, for people who cannot see it." error={errorFor('coverImageAlt')}>
              {(props) => <input {...props} maxLength={300} value={form.coverImageAlt} onChange={(event) => set('coverImageAlt', event.target.value)} />}
            </Field>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Search engines and link previews (optional)</legend>
            <Field id="seoTitle" label="Search title" hint={`The title is used if you leave this empty. ${form.seoTitle.length} of ${SEO_TITLE_MAX} characters.`} error={errorFor('seoTitle')}>
              {(props) => <input {...props} maxLength={SEO_TITLE_MAX} value={form.seoTitle} onChange={(event) => set('seoTitle', event.target.value)} />}
            </Field>
            <Field
              id="seoDescription"
              label="Search description"
              hint={`The summary is used if you leave this empty. ${form.seoDescription.length} of ${SEO_DESCRIPTION_MAX} characters.`}
              error={errorFor('seoDescription')}
            >
              {(props) => <textarea {...props} rows={2} maxLength={SEO_DESCRIPTION_MAX} value={form.seoDescription} onChange={(event) => set('seoDescription', event.target.value)} />}
            </Field>
          </fieldset>
        </div>

        <div className="editor__body">
          <Field id="bodyMarkdown" label="Article text (Markdown)" hint="Use ## for headings, **bold**, *italic*, - for lists and [words](https://…) for links." error={errorFor('bodyMarkdown')}>
            {(props) => <textarea {...props} className="editor__markdown" rows={18} value={form.bodyMarkdown} onChange={(event) => set('bodyMarkdown', event.target.value)} />}
          </Field>
          <section className="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">Preview</h2>
            {previewHtml ? (
              // Rendered and sanitized by the API, exactly as the published page will be.
              <div className="prose" dangerouslySetInnerHTML={{ __html: previewHtml }} />
            ) : (
              <p className="meta">{preview.error ? loadProblemMessage(preview.error) : 'Nothing to preview yet.'}</p>
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
          <Field id="scheduleAt" label={`Publish at (your time, ${timeZone})`} error={errorFor('at')}>
            {(props) => <input {...props} type="datetime-local" value={scheduleAt} onChange={(event) => setScheduleAt(event.target.value)} />}
          </Field>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy || !scheduleAt}
            onClick={() => void publish(scheduleAt ? new Date(scheduleAt).toISOString() : null)}
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
          onConflict={() => setConflict({ mine: form, reloaded: false })}
        />
      )}
    </section>
  );
}
