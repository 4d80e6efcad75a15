import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { sessionNoteSchema } from '@attune/domain';
import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, readProblem, requiredText, type FormProblemState, SubmitRow } from '../../app/form-kit';
import { AddSessionNoteAddendumDocument, SessionNoteDocument, SignSessionNoteDocument, WriteSessionNoteDocument, type SessionNoteFieldsFragment } from './client-record.generated';
import { formatWhen } from '../clinical-common/time';
import { useFocusIfLost } from '../clinical-common/useFocusIfLost';

const noteSchema = z.object({ body: requiredText(sessionNoteSchema, 'The note is empty. Write something first.') });
const addendumSchema = z.object({ body: requiredText(sessionNoteSchema, 'The addendum is empty. Write something first.') });

/**
 * The therapist's private note on one session, opened on request (each opening is a read of a private
 * record). Written and rewritten until signed; then locked, with dated addenda.
 */
export function SessionNote({ sessionId, sessionWhen }: { sessionId: string; sessionWhen: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="cl-note">
      <button type="button" className="button button--quiet button--small" aria-expanded={open} aria-controls={`${id}-note`} onClick={() => setOpen(!open)}>
        {open ? 'Close private note' : 'Open private note'}
        <span className="visually-hidden"> for the session on {sessionWhen}</span>
      </button>
      <div id={`${id}-note`} hidden={!open}>
        {open && <NoteEditor sessionId={sessionId} />}
      </div>
    </div>
  );
}

function NoteEditor({ sessionId }: { sessionId: string }) {
  const { data, error } = useQuery(SessionNoteDocument, { variables: { sessionId }, fetchPolicy: 'network-only' });
  if (error && !data)
    return (
      <p role="alert" className="notice notice--problem">
        {readProblem(error).message}
      </p>
    );
  if (!data) return <p role="status">Opening your note…</p>;
  const note = data.session.note;
  return (
    <section className="cl-note__body" aria-label="Private note">
      <p className="cl-private">
        <strong>Only you can see this note.</strong> Your client, other therapists and admins cannot read it.
      </p>
      {note?.signedAt ? <SignedNote sessionId={sessionId} note={note} /> : <DraftNote sessionId={sessionId} body={note?.body ?? ''} updatedAt={note?.updatedAt ?? null} />}
    </section>
  );
}

function DraftNote({ sessionId, body: savedBody, updatedAt }: { sessionId: string; body: string; updatedAt: string | null }) {
  const form = useForm({ resolver: zodResolver(noteSchema), defaultValues: { body: savedBody } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [status, setStatus] = useState(updatedAt ? `Last saved ${formatWhen(updatedAt)}.` : '');
  const [write, writing] = useMutation(WriteSessionNoteDocument);
  const [sign, signing] = useMutation(SignSessionNoteDocument);

  /** Resolves false when the note could not be saved (the problem is then on screen). */
  async function saveNote(body: string) {
    setProblem(null);
    try {
      await write({ variables: { sessionId, body } });
      setStatus('Note saved. Only you can see it.');
      return true;
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['body']));
      return false;
    }
  }
  const onSubmit = form.handleSubmit(({ body }) => saveNote(body));

  async function signNote() {
    if (form.getValues('body') !== savedBody || !updatedAt) {
      if (!(await form.trigger('body', { shouldFocus: true })) || !(await saveNote(form.getValues('body')))) return;
    }
    try {
      await sign({ variables: { sessionId } });
    } catch (error) {
      setProblem({ message: readProblem(error).message });
    }
  }

  return (
    <form className="cl-form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Field
        label="Private note"
        hint="You can change the note until you sign it. Signing locks it; after that you can add dated addenda."
        problem={form.formState.errors.body?.message}
        className="field--full"
      >
        {(control) => <textarea {...control} rows={6} maxLength={20_000} {...form.register('body')} />}
      </Field>
      <FormProblem problem={problem} />
      <div className="cl-actions">
        <button type="submit" className="button button--small" disabled={writing.loading}>
          {writing.loading ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" className="button button--quiet button--small" disabled={signing.loading || writing.loading} onClick={() => void signNote()}>
          {signing.loading ? 'Signing…' : 'Sign and lock note'}
        </button>
        <p role="status" className="cl-status">
          {status}
        </p>
      </div>
    </form>
  );
}

function SignedNote({ sessionId, note }: { sessionId: string; note: SessionNoteFieldsFragment }) {
  const form = useForm({ resolver: zodResolver(addendumSchema), defaultValues: { body: '' } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [status, setStatus] = useState('');
  const [add, { loading }] = useMutation(AddSessionNoteAddendumDocument);
  const signed = useRef<HTMLDivElement>(null);
  useFocusIfLost(signed);

  const submit = form.handleSubmit(async ({ body }) => {
    setProblem(null);
    try {
      await add({ variables: { sessionId, body } });
      form.reset();
      setStatus('Addendum added.');
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['body']));
    }
  });

  return (
    <>
      <div className="cl-signed" ref={signed} tabIndex={-1}>
        <p className="cl-prose">{note.body}</p>
        <p className="meta">Signed {formatWhen(note.signedAt!)}. The note is locked.</p>
      </div>
      {note.addenda.length > 0 && (
        <ol className="cl-addenda" aria-label="Addenda">
          {note.addenda.map((addendum) => (
            <li key={addendum.id}>
              <p className="meta">Addendum, {formatWhen(addendum.createdAt)}</p>
              <p className="cl-prose">{addendum.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="cl-form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Add a dated addendum" problem={form.formState.errors.body?.message} className="field--full">
          {(control) => <textarea {...control} rows={3} maxLength={20_000} {...form.register('body')} />}
        </Field>
        <FormProblem problem={problem} />
        <SubmitRow label="Add addendum" busyLabel="Adding…" busy={loading} status={status} small />
      </form>
    </>
  );
}
