import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { cancelReasonSchema } from '@attune/domain';
import { useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, readProblem, requiredText, type FormProblemState } from '../../app/form-kit';
import { CancelSessionDocument, CompleteSessionDocument, MarkSessionNoShowDocument, RescheduleSessionDocument } from './scheduling.generated';
import type { SessionStatus } from '../../gql/types';
import { formatSessionTime, formatWhen, isoToLocalInputs, minutesBetween } from '../clinical-common/time';
import { LENGTHS, SCHEDULING_WORDS, SessionTimeFields, sessionTimesSchema, toTimes, withTimeFields } from './SessionTimeFields';

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
  const [problem, setProblem] = useState<FormProblemState>(null);
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
    setProblem(null);
    try {
      await action();
      await onChanged(session.id, message);
    } catch (error) {
      setProblem({ message: readProblem(error).message });
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
      <FormProblem problem={problem} />
    </div>
  );
}

function RescheduleForm({ session, onDone, onClose }: { session: Props['session']; onDone: (message: string) => Promise<unknown>; onClose: () => void }) {
  const length = minutesBetween(session.startsAt, session.endsAt);
  const form = useForm({
    resolver: zodResolver(sessionTimesSchema),
    defaultValues: { ...isoToLocalInputs(session.startsAt), minutes: LENGTHS.includes(length) ? length : 50 },
  });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [reschedule] = useMutation(RescheduleSessionDocument);
  // Opened on request: start the therapist in the form they asked for.
  useEffect(() => form.setFocus('date'), [form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    const times = toTimes(values);
    try {
      await reschedule({ variables: { id: session.id, ...times } });
      await onDone(`The session is moved to ${formatSessionTime(times.startsAt, times.endsAt)}.`);
    } catch (error) {
      setProblem(applyProblem(form, withTimeFields(readProblem(error, SCHEDULING_WORDS)), ['date', 'time', 'minutes']));
    }
  });

  return (
    <FormProvider {...form}>
      <form className="cl-form cl-form--grid cl-inset" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={`Move the session on ${formatWhen(session.startsAt)}`}>
        <SessionTimeFields />
        <FormProblem problem={problem} className="cl-span" />
        <div className="cl-actions cl-span">
          <button type="submit" className="button button--small" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? 'Moving…' : 'Move session'}
          </button>
          <button type="button" className="button button--quiet button--small" onClick={onClose}>
            Keep the current time
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function CancelForm({ session, clientName, onDone, onClose }: { session: Props['session']; clientName: string; onDone: (message: string) => Promise<unknown>; onClose: () => void }) {
  const schema = z.object({ reason: requiredText(cancelReasonSchema, `Please give a reason. ${clientName} will see it.`) });
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [cancel] = useMutation(CancelSessionDocument);
  useEffect(() => form.setFocus('reason'), [form]);

  const onSubmit = form.handleSubmit(async ({ reason }) => {
    setProblem(null);
    try {
      await cancel({ variables: { id: session.id, reason } });
      await onDone('The session is cancelled.');
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['reason']));
    }
  });

  return (
    <form className="cl-form cl-inset" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={`Cancel the session on ${formatWhen(session.startsAt)}`}>
      <Field label="Reason for cancelling" hint={`${clientName} will see this reason.`} problem={form.formState.errors.reason?.message} className="field--full">
        {(control) => <textarea {...control} rows={2} maxLength={500} {...form.register('reason')} />}
      </Field>
      <FormProblem problem={problem} />
      <div className="cl-actions">
        <button type="submit" className="button button--small" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? 'Cancelling…' : 'Cancel this session'}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onClose}>
          Keep the session
        </button>
      </div>
    </form>
  );
}
