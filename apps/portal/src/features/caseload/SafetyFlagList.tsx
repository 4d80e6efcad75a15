import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MEASURES, safetyAcknowledgementSchema, type MeasureKind } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, readProblem, requiredText, SubmitRow, type FormProblemState } from '../../app/form-kit';
import { AcknowledgeSafetyFlagDocument, type WaitingSafetyFlagsQuery } from './caseload.generated';
import { formatWhen } from '../clinical-common/time';

export type WaitingFlag = WaitingSafetyFlagsQuery['safetyFlags']['edges'][number]['node'];

const schema = z.object({ note: requiredText(safetyAcknowledgementSchema, 'Write a line about what you did, for the record.') });

/**
 * The waiting flags, each with its acknowledgement form. Loaded only when a flag is waiting: the form kit
 * and the domain stay off the caseload's first load.
 */
export function SafetyFlagList({ flags, onAcknowledged }: { flags: WaitingFlag[]; onAcknowledged: (flag: WaitingFlag) => Promise<void> }) {
  return (
    <ul className="cl-list">
      {flags.map((flag) => (
        <SafetyFlagItem key={flag.id} flag={flag} onAcknowledged={() => onAcknowledged(flag)} />
      ))}
    </ul>
  );
}

function SafetyFlagItem({ flag, onAcknowledged }: { flag: WaitingFlag; onAcknowledged: () => Promise<void> }) {
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { note: '' } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [acknowledge, acknowledging] = useMutation(AcknowledgeSafetyFlagDocument);
  const name = flag.client.displayName;
  const measure = MEASURES[flag.measure as MeasureKind].name;

  const submit = form.handleSubmit(async ({ note }) => {
    setProblem(null);
    try {
      await acknowledge({ variables: { id: flag.id, note } });
      await onAcknowledged();
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['note']));
    }
  });

  return (
    <li className="cl-item">
      <h3 id={`safety-${flag.id}`} className="cl-card-heading">
        <Link to={`/clients/${flag.client.id}`}>{name}</Link>
      </h3>
      <p>
        From their {measure} on {formatWhen(flag.raisedAt)}.
      </p>
      <form className="cl-form" aria-labelledby={`safety-${flag.id}`} onSubmit={(event) => void submit(event)} noValidate>
        <Field label={`What you did for ${name}`} hint="A line for the record, like who you spoke to and when. Only you see it." problem={form.formState.errors.note?.message} className="field--full">
          {(control) => <textarea {...control} rows={2} maxLength={4000} {...form.register('note')} />}
        </Field>
        <FormProblem problem={problem} />
        <SubmitRow label="Acknowledge" busyLabel="Saving…" busy={acknowledging.loading} small />
      </form>
    </li>
  );
}
