import { useMutation } from '@apollo/client/react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { CancelSessionDocument, CompleteSessionDocument, MarkSessionNoShowDocument, RescheduleSessionDocument, type SessionStatus } from '../../gql/graphql';
import { FormProblem, TextAreaField } from '../clinical-common/FieldError';
import { readClinicalProblem } from '../clinical-common/problems';
import { formatSessionTime, formatWhen, isoToLocalInputs, minutesBetween } from '../clinical-common/time';
import { LENGTHS, SessionTimeFields, readTimes, timeProblemsFrom, type TimeProblems, type TimeValues } from './SessionTimeFields';

interface Props {
  session: { id: string; startsAt: string; endsAt: string; status: SessionStatus };
  clientName: string;
  /** Called after a change, with what to tell the therapist; resolves once the page shows the change. */
  onChanged: (sessionId: string, message: string) => Promise<unknown>;
}

type Mode = 'idle' | 'reschedule' | 'cancel';

/** What a therapist can do with a scheduled session: move or cancel it before it starts; afterwards, say whether it took place. */
export function SessionActions({ session, clientName, onChanged }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const [problem, setProblem] = useState('');
  const [complete, completing] = useMutation(CompleteSessionDocument);
  const [noShow, markingNoShow] = useMutation(MarkSessionNoShowDocument);
  if (session.status !== 'SCHEDULED') return null;
  const started = Date.parse(session.startsAt) <= Date.now();
  const which = <span className="visually-hidden"> on {formatWhen(session.startsAt)}</span>;
  // After a change the buttons come back for whatever the session now allows; the page moves focus to its heading.
  const done = async (message: string) => {
    setMode('idle');
    await onChanged(session.id, message);
  };
  const close = () => {
    setMode('idle');
    document.getElementById(`session-${session.id}-heading`)?.focus();
  };

  async function run(action: () => Promise<unknown>, message: string) {
    setProblem('');
    try {
      await action();
      await onChanged(session.id, message);
    } catch (error) {
      setProblem(readClinicalProblem(error).message);
    }
  }

  return (
    <div className="cl-session-actions">
      {mode === 'idle' && (
        <div className="cl-actions">
          {started ? (
            <>
              <button
                type="button"
                className="button button--small"
                disabled={completing.loading}
                onClick={() => void run(() => complete({ variables: { id: session.id } }), `The session is marked as taken place. ${clientName} can now check in about it.`)}
              >
                Mark as taken place{which}
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={markingNoShow.loading}
                onClick={() => void run(() => noShow({ variables: { id: session.id } }), 'The session is marked as missed.')}
              >
                Mark as missed{which}
              </button>
            </>
          ) : (
            <button type="button" className="button button--quiet button--small" onClick={() => setMode('reschedule')}>
              Reschedule{which}
            </button>
          )}
          <button type="button" className="button button--quiet button--small" onClick={() => setMode('cancel')}>
            Cancel session{which}
          </button>
        </div>
      )}
      {mode === 'reschedule' && <RescheduleForm session={session} onDone={done} onClose={close} />}
      {mode === 'cancel' && <CancelForm session={session} clientName={clientName} onDone={done} onClose={close} />}
      {problem && (
        <p role="alert" className="notice notice--problem">
          {problem}
        </p>
      )}
    </div>
  );
}

function RescheduleForm({ session, onDone, onClose }: { session: Props['session']; onDone: (message: string) => Promise<unknown>; onClose: () => void }) {
  const id = useId();
  const length = minutesBetween(session.startsAt, session.endsAt);
  const [times, setTimes] = useState<TimeValues>({ ...isoToLocalInputs(session.startsAt), minutes: LENGTHS.includes(length) ? length : 50 });
  const [problems, setProblems] = useState<TimeProblems & { message?: string }>({});
  const [reschedule, { loading }] = useMutation(RescheduleSessionDocument);
  // Opened on request: start the therapist in the form they asked for.
  useEffect(() => document.getElementById(`${id}-date`)?.focus(), [id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const read = readTimes(times);
    if (!('startsAt' in read)) {
      setProblems(read);
      return;
    }
    setProblems({});
    try {
      await reschedule({ variables: { id: session.id, ...read } });
      await onDone(`The session is moved to ${formatSessionTime(read.startsAt, read.endsAt)}.`);
    } catch (error) {
      const found = readClinicalProblem(error);
      const fieldProblems = timeProblemsFrom(found.fields);
      setProblems(Object.keys(fieldProblems).length > 0 ? fieldProblems : { message: found.message });
    }
  }

  return (
    <form className="cl-form cl-form--grid cl-inset" onSubmit={(event) => void submit(event)} noValidate aria-label={`Move the session on ${formatWhen(session.startsAt)}`}>
      <SessionTimeFields idPrefix={id} values={times} onChange={setTimes} problems={problems} />
      {problems.message && (
        <p role="alert" className="notice notice--problem cl-span">
          {problems.message}
        </p>
      )}
      <div className="cl-actions cl-span">
        <button type="submit" className="button button--small" disabled={loading}>
          {loading ? 'Moving…' : 'Move session'}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Keep the current time
        </button>
      </div>
    </form>
  );
}

function CancelForm({ session, clientName, onDone, onClose }: { session: Props['session']; clientName: string; onDone: (message: string) => Promise<unknown>; onClose: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ reason?: string; message?: string }>({});
  const [cancel, { loading }] = useMutation(CancelSessionDocument);
  useEffect(() => document.getElementById(`${id}-reason`)?.focus(), [id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      setProblems({ reason: `Please give a reason. ${clientName} will see it.` });
      return;
    }
    setProblems({});
    try {
      await cancel({ variables: { id: session.id, reason: reason.trim() } });
      await onDone('The session is cancelled.');
    } catch (error) {
      const found = readClinicalProblem(error);
      setProblems(found.fields.reason ? { reason: found.fields.reason } : { message: found.message });
    }
  }

  return (
    <form className="cl-form cl-inset" onSubmit={(event) => void submit(event)} noValidate aria-label={`Cancel the session on ${formatWhen(session.startsAt)}`}>
      <TextAreaField
        baseId={id}
        name="reason"
        label="Reason for cancelling"
        hint={<>{clientName} will see this reason.</>}
        rows={2}
        maxLength={500}
        value={reason}
        onChange={setReason}
        error={problems.reason}
      />
      <FormProblem message={problems.message} />
      <div className="cl-actions">
        <button type="submit" className="button button--small" disabled={loading}>
          {loading ? 'Cancelling…' : 'Cancel this session'}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Keep the session
        </button>
      </div>
    </form>
  );
}
