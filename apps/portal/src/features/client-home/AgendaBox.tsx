import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { sessionAgendaSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, textOrNone, readProblem, type FormProblemState, SubmitRow } from '../../app/form-kit';
import { SetSessionAgendaDocument } from './client-home.generated';

const schema = z.object({ agenda: textOrNone(sessionAgendaSchema) });

/** "What would you like to talk about?": the client's agenda for their next session, read by their therapist. */
export function AgendaBox({ sessionId, agenda, therapistName }: { sessionId: string; agenda: string | null | undefined; therapistName: string }) {
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { agenda: agenda ?? '' } });
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [save, { loading }] = useMutation(SetSessionAgendaDocument);

  const submit = form.handleSubmit(async ({ agenda: written }) => {
    setProblem(null);
    setStatus('');
    try {
      await save({ variables: { sessionId, agenda: written } });
      setStatus(written === null ? 'Cleared. There is nothing on the list for this session now.' : `Saved. ${therapistName} can read this before your session.`);
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['agenda']));
    }
  });

  return (
    <form className="cl-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label="What would you like to talk about?"
        hint={`Optional. ${therapistName} can read this before your session. A few words are enough.`}
        problem={form.formState.errors.agenda?.message}
        className="field--full"
      >
        {(control) => <textarea {...control} rows={3} maxLength={2000} {...form.register('agenda')} />}
      </Field>
      <SubmitRow label="Save what I would like to talk about" busyLabel="Saving…" busy={loading} status={status} />
      <FormProblem problem={problem} />
    </form>
  );
}
