import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { joinDetailsSchema, sessionModalitySchema } from '@attune/domain';
import { useId, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, textOrNone, readProblem, type FormProblemState, SubmitRow } from '../../app/form-kit';
import { ScheduleSessionDocument } from './scheduling.generated';
import type { SessionModality } from '../../gql/types';
import { formatSessionTime } from '../clinical-common/time';
import { MODALITY_WORDS } from '../clinical-common/words';
import { SCHEDULING_WORDS, SessionTimeFields, sessionTimesSchema, toTimes, withTimeFields } from './SessionTimeFields';

const MODALITIES: SessionModality[] = ['VIDEO', 'IN_PERSON', 'PHONE'];

const schema = sessionTimesSchema.and(
  z.object({
    modality: sessionModalitySchema,
    joinDetails: textOrNone(joinDetailsSchema),
  }),
);
const EMPTY = { date: '', time: '', minutes: 50, modality: 'VIDEO' as SessionModality, joinDetails: '' };

/** Scheduling a session with a client in your care. A double-booking comes back as a kind CONFLICT message. */
export function ScheduleSessionForm({ clientId, clientName, onScheduled }: { clientId: string; clientName: string; onScheduled: () => Promise<unknown> }) {
  const id = useId();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [status, setStatus] = useState('');
  const [schedule] = useMutation(ScheduleSessionDocument);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus('');
    setProblem(null);
    try {
      const result = await schedule({ variables: { input: { clientId, ...toTimes(values), modality: values.modality, joinDetails: values.joinDetails ?? null } } });
      await onScheduled();
      const session = result.data?.scheduleSession;
      form.reset(EMPTY);
      setStatus(session ? `Scheduled: ${formatSessionTime(session.startsAt, session.endsAt)}.` : 'Scheduled.');
    } catch (error) {
      setProblem(applyProblem(form, withTimeFields(readProblem(error, SCHEDULING_WORDS)), ['date', 'time', 'minutes', 'joinDetails']));
    }
  });

  return (
    <FormProvider {...form}>
      <form className="cl-form cl-form--grid card" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${id}-heading`}>
        <h3 id={`${id}-heading`} className="cl-span">
          Schedule a session with {clientName}
        </h3>
        <SessionTimeFields />
        <fieldset className="cl-fieldset cl-span">
          <legend>How you will meet</legend>
          <div className="cl-choices">
            {MODALITIES.map((value) => (
              <label key={value} className="cl-choice">
                <input type="radio" value={value} {...form.register('modality')} />
                {MODALITY_WORDS[value]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label="Where to go or how to join (optional)"
          hint={`${clientName} will see this with the session: an address, a video link, or who calls whom.`}
          problem={errors.joinDetails?.message}
          className="field--full cl-span"
        >
          {(control) => <textarea {...control} rows={2} maxLength={500} {...form.register('joinDetails')} />}
        </Field>
        <FormProblem problem={problem} className="cl-span" />
        <SubmitRow label="Schedule session" busyLabel="Scheduling…" busy={isSubmitting} status={status} className="cl-span" />
      </form>
    </FormProvider>
  );
}
