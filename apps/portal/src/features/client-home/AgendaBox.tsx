import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { SetSessionAgendaDocument } from '../../gql/graphql';
import { FieldError, describedBy } from '../clinical-common/FieldError';
import { readClinicalProblem } from '../clinical-common/problems';

/** "What would you like to talk about?": the client's agenda for their next session, read by their therapist. */
export function AgendaBox({ sessionId, agenda, therapistName }: { sessionId: string; agenda: string | null | undefined; therapistName: string }) {
  const id = useId();
  const [text, setText] = useState(agenda ?? '');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<{ field?: string; message?: string } | null>(null);
  const [save, { loading }] = useMutation(SetSessionAgendaDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setStatus('');
    try {
      const trimmed = text.trim();
      await save({ variables: { sessionId, agenda: trimmed === '' ? null : trimmed } });
      setStatus(trimmed === '' ? 'Cleared. There is nothing on the list for this session now.' : `Saved. ${therapistName} can read this before your session.`);
    } catch (error) {
      const found = readClinicalProblem(error);
      setProblem(found.fields.agenda ? { field: found.fields.agenda } : { message: found.message });
    }
  }

  return (
    <form className="cl-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="cl-field">
        <label htmlFor={`${id}-agenda`}>What would you like to talk about?</label>
        <p id={`${id}-hint`} className="cl-field__hint">
          Optional. {therapistName} can read this before your session. A few words are enough.
        </p>
        <textarea
          id={`${id}-agenda`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={3}
          maxLength={2000}
          aria-invalid={problem?.field ? true : undefined}
          aria-describedby={describedBy(`${id}-hint`, problem?.field && `${id}-error`)}
        />
        <FieldError id={`${id}-error`} message={problem?.field} />
      </div>
      <div className="cl-actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? 'Saving…' : 'Save what I would like to talk about'}
        </button>
        <p role="status" className="cl-status">
          {status}
        </p>
      </div>
      {problem?.message && (
        <p role="alert" className="notice notice--problem">
          {problem.message}
        </p>
      )}
    </form>
  );
}
