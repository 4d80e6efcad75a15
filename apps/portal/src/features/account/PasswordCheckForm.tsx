import { zodResolver } from '@hookform/resolvers/zod';
import { totpCodeSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, FormProblem, TextField, type FormProblemState } from '../../app/forms';
import { readProblem } from '../../app/problems';

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
      <TextField label="Your password" type="password" autoComplete="current-password" registration={form.register('password')} error={errors.password?.message} autoFocus />
      {withCode && (
        <TextField
          label="6-digit code from your authenticator app"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={8}
          registration={form.register('code')}
          error={errors.code?.message}
          className="field--short"
        />
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
