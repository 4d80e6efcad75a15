import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { newPasswordSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ChangePasswordDocument } from './account.generated';
import { PASSWORD_HINT } from '../identity/password-hint';
import { applyProblem, Field, FormProblem, type FormProblemState, readProblem } from '../../app/form-kit';

const schema = z.object({
  currentPassword: z.string().min(1, { message: 'Please enter your current password.' }),
  newPassword: newPasswordSchema,
});

export function ChangePasswordSection({ email, onChanged }: { email: string; onChanged: () => void }) {
  const [change] = useMutation(ChangePasswordDocument);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [done, setDone] = useState(false);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    setDone(false);
    try {
      await change({ variables: values });
      form.reset();
      setDone(true);
      onChanged();
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['currentPassword', 'newPassword']));
    }
  });

  return (
    <section className="card section" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <p>
        Changing your password signs you out on every other device. Any API tokens you have made stop working too, so scripts
        or tools that use them will need a new one.
      </p>
      <form noValidate onSubmit={onSubmit} className="form">
        {/* Lets password managers know which account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <FormProblem problem={problem} />
        <Field label="Current password" problem={errors.currentPassword?.message}>
          {(control) => <input {...control} type="password" autoComplete="current-password" {...form.register('currentPassword')} />}
        </Field>
        <Field label="New password" hint={PASSWORD_HINT} problem={errors.newPassword?.message}>
          {(control) => <input {...control} type="password" autoComplete="new-password" {...form.register('newPassword')} />}
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          Change my password
        </button>
        <p role="status" className="form__status">
          {done ? 'Your password has been changed. You have been signed out on your other devices, and your API tokens no longer work.' : ''}
        </p>
      </form>
    </section>
  );
}
