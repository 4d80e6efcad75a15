import { zodResolver } from '@hookform/resolvers/zod';
import { totpCodeSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, type FormProblemState, readProblem } from '../../app/form-kit';

const passwordOnly = z.object({ password: z.string().min(1, { message: 'Please enter your password.' }) });
const passwordAndCode = passwordOnly.extend({ code: totpCodeSchema });

interface Props {
  /** Ask for an authenticator code as well as the password. */
  withCode?: boolean;
  intro: string;
  submitLabel: string;
  onSubmit: (values: { password: string; code?: string }) => Promise<void>;
  onCancel: () => void;
}

/** Sensitive changes ask for the password again (and sometimes a code); the API checks them and says which is wrong. */
export function PasswordCheckForm({ withCode = false, intro, submitLabel, onSubmit, onCancel }: Props) {
  const [problem, setProblem] = useState<FormProblemState>(null);
  const form = useForm<{ password: string; code?: string }>({
    resolver: zodResolver(withCode ? passwordAndCode : passwordOnly),
    defaultValues: withCode ? { password: '', code: '' } : { password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['password', 'code']));
    }
  });

  return (
    <form noValidate onSubmit={submit} className="form form--inset">
      <p>{intro}</p>
      <FormProblem problem={problem} />
      <Field label="Your password" problem={errors.password?.message}>
        {(control) => <input {...control} type="password" autoComplete="current-password" autoFocus {...form.register('password')} />}
      </Field>
      {withCode && (
        <Field label="6-digit code from your authenticator app" problem={errors.code?.message} className="field--short">
          {(control) => <input {...control} inputMode="numeric" autoComplete="one-time-code" maxLength={8} {...form.register('code')} />}
        </Field>
      )}
      <p className="button-row">
        <button type="submit" className="button" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
