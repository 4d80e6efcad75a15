import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { displayNameSchema, emailSchema, roleSchema } from '@attune/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { InviteUserDocument } from './identity.generated';
import type { Role } from '../../gql/types';
import { applyProblem, Field, FormProblem, type FormProblemState, ProblemLine, readProblem } from '../../app/form-kit';

const schema = z.object({ email: emailSchema, displayName: displayNameSchema, role: roleSchema });

const ROLE_CHOICES: { value: Role; label: string; hint: string }[] = [
  { value: 'CLIENT', label: 'Client', hint: 'Someone in therapy at the practice.' },
  { value: 'THERAPIST', label: 'Therapist', hint: 'Sees their own clients. Signs in with two steps.' },
  { value: 'ADMIN', label: 'Admin', hint: 'Manages people and articles, never clinical records. Signs in with two steps.' },
];

/** Sends a single-use invitation. Admins choose the role; therapists invite clients into their own care. */
export function InviteForm({ fixedRole }: { fixedRole?: Role }) {
  const [invite] = useMutation(InviteUserDocument);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { email: '', displayName: '', role: fixedRole ?? 'CLIENT' } });
  const { errors, isSubmitting } = form.formState;
  const roleHint = useId();

  const onSubmit = form.handleSubmit(async (input) => {
    setProblem(null);
    setSent(null);
    try {
      await invite({ variables: { input } });
      setSent(input.email);
      form.reset({ email: '', displayName: '', role: fixedRole ?? 'CLIENT' });
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['email', 'displayName', 'role']));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="form">
      <FormProblem problem={problem} />
      <Field label="Their name" hint="As they'd like to be called. They can change it when they accept." problem={errors.displayName?.message}>
        {(control) => <input {...control} autoComplete="off" {...form.register('displayName')} />}
      </Field>
      <Field label="Their email address" problem={errors.email?.message}>
        {(control) => <input {...control} type="email" autoComplete="off" spellCheck={false} {...form.register('email')} />}
      </Field>
      {!fixedRole && (
        <fieldset className="fieldset" aria-describedby={errors.role ? `${roleHint} ${roleHint}-problem` : roleHint}>
          <legend>Role</legend>
          <p id={roleHint} className="field__hint">
            What they will do at the practice.
          </p>
          <ProblemLine id={`${roleHint}-problem`} problem={errors.role?.message} />
          {ROLE_CHOICES.map((choice) => (
            <div key={choice.value} className="choice">
              <input id={`${roleHint}-${choice.value}`} type="radio" value={choice.value} aria-describedby={`${roleHint}-${choice.value}-hint`} {...form.register('role')} />
              <label htmlFor={`${roleHint}-${choice.value}`}>{choice.label}</label>
              <p id={`${roleHint}-${choice.value}-hint`} className="field__hint">
                {choice.hint}
              </p>
            </div>
          ))}
        </fieldset>
      )}
      <button type="submit" className="button" disabled={isSubmitting}>
        Send the invitation
      </button>
      <p role="status" className="form__status">
        {sent ? `We've emailed an invitation to ${sent}. The link works once, for 7 days.` : ''}
      </p>
    </form>
  );
}
