import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { newPasswordSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { StepHeading } from '../../app/StepHeading';
import { usePageTitle } from '../../app/usePageTitle';
import { ResetPasswordDocument } from './identity.generated';
import { SignedInElsewhere } from './SignedInElsewhere';
import { useHashToken } from './useHashToken';
import { PASSWORD_HINT } from './password-hint';
import { applyProblem, Field, FormProblem, type FormProblemState, readProblem } from '../../app/form-kit';

const schema = z
  .object({ newPassword: newPasswordSchema, confirmPassword: z.string() })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: "The two passwords don't match. Please type the same password in both boxes.",
  });

export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const token = useHashToken();
  const navigate = useNavigate();
  const [reset] = useMutation(ResetPasswordDocument);
  const [expired, setExpired] = useState(false);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { newPassword: '', confirmPassword: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ newPassword }) => {
    setProblem(null);
    try {
      await reset({ variables: { token: token!, newPassword } });
      // `replace` drops the link (and its token) from this tab's history.
      navigate('/sign-in', {
        replace: true,
        state: { notice: 'Your password has been changed, and you have been signed out everywhere. Please sign in with your new password.' },
      });
    } catch (error) {
      const found = readProblem(error);
      if (found.fields.token) setExpired(true);
      else setProblem(applyProblem(form, found, ['newPassword', 'confirmPassword']));
    }
  });

  if (!token || expired) {
    return (
      <section className="page narrow">
        <StepHeading focus={expired}>{token ? 'This link no longer works' : 'This link is incomplete'}</StepHeading>
        <p className="lead">
          {token
            ? 'Reset links work once, for 30 minutes, to keep your account safe. This one has expired or has already been used.'
            : 'The link seems to be missing a part. Please copy the whole link from the email, or ask for a new one.'}
        </p>
        <p>Your password has not changed.</p>
        <p>
          <Link className="button" to="/forgot-password">
            Ask for a new link
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page narrow">
      <StepHeading focus={false}>Choose a new password</StepHeading>
      <SignedInElsewhere />
      <p>When you save it, you'll be signed out on every device, and you can sign in again with the new password.</p>
      <form noValidate onSubmit={onSubmit} className="form">
        <FormProblem problem={problem} />
        <Field label="New password" hint={PASSWORD_HINT} problem={errors.newPassword?.message}>
          {(control) => <input {...control} type="password" autoComplete="new-password" {...form.register('newPassword')} />}
        </Field>
        <Field label="Type the new password again" problem={errors.confirmPassword?.message}>
          {(control) => <input {...control} type="password" autoComplete="new-password" {...form.register('confirmPassword')} />}
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          Save my new password
        </button>
      </form>
    </section>
  );
}
