import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { emailSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { StepHeading } from '../../app/StepHeading';
import { usePageTitle } from '../../app/usePageTitle';
import { RequestPasswordResetDocument } from './identity.generated';
import { applyProblem, Field, FormProblem, type FormProblemState, readProblem } from '../../app/form-kit';

const schema = z.object({ email: emailSchema });

export function ForgotPasswordPage() {
  usePageTitle('Reset your password');
  const [request] = useMutation(RequestPasswordResetDocument);
  const [sent, setSent] = useState(false);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email }) => {
    setProblem(null);
    try {
      await request({ variables: { email } });
      setSent(true);
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['email']));
    }
  });

  if (sent) {
    return (
      <section className="page narrow">
        <StepHeading>Check your email</StepHeading>
        {/* The same answer whether or not the account exists: this page never reveals who has one. */}
        <p className="lead">If there is an account for that email, we've sent a link. It works for 30 minutes.</p>
        <p>If nothing arrives in a few minutes, check your spam folder, or ask your practice for help.</p>
        <p>
          <Link to="/sign-in">Back to sign in</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page narrow">
      <StepHeading focus={false}>Reset your password</StepHeading>
      <p>Enter the email address you sign in with. We'll send you a link to choose a new password.</p>
      <form noValidate onSubmit={onSubmit} className="form">
        <FormProblem problem={problem} />
        <Field label="Email address" problem={errors.email?.message}>
          {(control) => <input {...control} type="email" autoComplete="username" spellCheck={false} {...form.register('email')} />}
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          Send me a reset link
        </button>
      </form>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </section>
  );
}
