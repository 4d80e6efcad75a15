import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { AddSessionNoteAddendumDocument, SessionNoteDocument, SignSessionNoteDocument, WriteSessionNoteDocument, type SessionNoteFieldsFragment } from '../../gql/graphql';
import { FieldError, FormProblem, describedBy } from '../clinical-common/FieldError';
import { readClinicalProblem } from '../clinical-common/problems';
import { formatWhen } from '../clinical-common/time';
import { useFocusIfLost } from '../clinical-common/useFocusIfLost';

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
        {readClinicalProblem(error).message}
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
  const id = useId();
  const [body, setBody] = useState(savedBody);
  const [problems, setProblems] = useState<{ body?: string; message?: string }>({});
  const [status, setStatus] = useState(updatedAt ? `Last saved ${formatWhen(updatedAt)}.` : '');
  const [write, writing] = useMutation(WriteSessionNoteDocument);
  const [sign, signing] = useMutation(SignSessionNoteDocument);
  const dirty = body !== savedBody;

  async function save() {
    if (body.trim() === '') {
      setProblems({ body: 'The note is empty. Write something first.' });
      return false;
    }
    setProblems({});
    try {
      await write({ variables: { sessionId, body } });
      setStatus('Note saved. Only you can see it.');
      return true;
    } catch (error) {
      const found = readClinicalProblem(error);
      setProblems(found.fields.body ? { body: found.fields.body } : { message: found.message });
      return false;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save();
  }

  async function signNote() {
    if (dirty || !updatedAt) {
      if (!(await save())) return;
    }
    try {
      await sign({ variables: { sessionId } });
    } catch (error) {
      setProblems({ message: readClinicalProblem(error).message });
    }
  }

  return (
    <form className="cl-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="cl-field">
        <label htmlFor={`${id}-body`}>Private note</label>
        <textarea
          id={`${id}-body`}
          rows={6}
          maxLength={20_000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={problems.body ? true : undefined}
          aria-describedby={describedBy(`${id}-sign-hint`, problems.body && `${id}-error`)}
        />
        <FieldError id={`${id}-error`} message={problems.body} />
        <p id={`${id}-sign-hint`} className="cl-field__hint">
          You can change the note until you sign it. Signing locks it; after that you can add dated addenda.
        </p>
      </div>
      <FormProblem message={problems.message} />
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
  const id = useId();
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<{ body?: string; message?: string }>({});
  const [status, setStatus] = useState('');
  const [add, { loading }] = useMutation(AddSessionNoteAddendumDocument);
  const signed = useRef<HTMLDivElement>(null);
  useFocusIfLost(signed);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() === '') {
      setProblems({ body: 'The addendum is empty. Write something first.' });
      return;
    }
    setProblems({});
    try {
      await add({ variables: { sessionId, body } });
      setBody('');
      setStatus('Addendum added.');
    } catch (error) {
      const found = readClinicalProblem(error);
      setProblems(found.fields.body ? { body: found.fields.body } : { message: found.message });
    }
  }

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
        <div className="cl-field">
          <label htmlFor={`${id}-addendum`}>Add a dated addendum</label>
          <textarea
            id={`${id}-addendum`}
            rows={3}
            maxLength={20_000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            aria-invalid={problems.body ? true : undefined}
            aria-describedby={describedBy(problems.body && `${id}-error`)}
          />
          <FieldError id={`${id}-error`} message={problems.body} />
        </div>
        <FormProblem message={problems.message} />
        <div className="cl-actions">
          <button type="submit" className="button button--small" disabled={loading}>
            {loading ? 'Adding…' : 'Add addendum'}
          </button>
          <p role="status" className="cl-status">
            {status}
          </p>
        </div>
      </form>
    </>
  );
}
