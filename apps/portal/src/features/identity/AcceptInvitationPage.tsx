import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { displayNameSchema, newPasswordSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { StepHeading } from '../../app/StepHeading';
import { usePageTitle } from '../../app/usePageTitle';
import { AcceptInvitationDocument } from './identity.generated';
import { MfaEnrollment } from './MfaEnrollment';
import { PASSWORD_HINT } from './password-hint';
import { SignedInElsewhere } from './SignedInElsewhere';
import { useHashToken } from './useHashToken';
import { useViewer } from './useViewer';
import { applyProblem, Field, FormProblem, type FormProblemState, readProblem } from '../../app/form-kit';

const schema = z.object({ displayName: displayNameSchema, password: newPasswordSchema });

export function AcceptInvitationPage() {
  const token = useHashToken();
  const navigate = useNavigate();
  const { signedIn, refresh } = useViewer();
  const [accept] = useMutation(AcceptInvitationDocument);
  const [step, setStep] = useState<'details' | 'enroll' | 'expired'>('details');
  const [problem, setProblem] = useState<FormProblemState>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { displayName: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  usePageTitle(step === 'enroll' ? 'Set up two-step sign-in' : 'Welcome to Attune');

  const onSubmit = form.handleSubmit(async ({ displayName, password }) => {
    setProblem(null);
    try {
      const { data } = await accept({ variables: { input: { token: token!, displayName, password } } });
      const result = data!.acceptInvitation;
      if (result.user) {
        await signedIn(result.user);
        navigate('/', { replace: true });
      } else setStep('enroll');
    } catch (error) {
      const found = readProblem(error);
      if (found.fields.token) setStep('expired');
      else setProblem(applyProblem(form, found, ['displayName', 'password']));
    }
  });

  if (step === 'enroll') {
    return (
      <section className="page narrow">
        <MfaEnrollment
          doneLabel="Continue to Attune"
          onRestart={() => navigate('/sign-in', { replace: true })}
          onDone={() => void refresh().then(() => navigate('/', { replace: true }))}
        />
      </section>
    );
  }

  if (!token || step === 'expired') {
    return (
      <section className="page narrow">
        <StepHeading focus={step === 'expired'}>{token ? 'This invitation link no longer works' : 'This link is incomplete'}</StepHeading>
        <p className="lead">
          {token
            ? 'Invitation links work once, for 7 days. This one has expired or has already been used.'
            : 'The link seems to be missing a part. Please copy the whole link from the email.'}
        </p>
        <p>Please ask the person who invited you to send a new invitation. If you have already set up your account, you can sign in.</p>
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page narrow">
      <StepHeading focus={false}>Welcome to Attune</StepHeading>
      <SignedInElsewhere />
      <p className="lead">You've been invited to Attune. Choose the name we show and a password, and your account is ready.</p>
      <form noValidate onSubmit={onSubmit} className="form">
        <FormProblem problem={problem} />
        <Field label="Your name" hint="The name others at your practice see. A first name is fine." problem={errors.displayName?.message}>
          {(control) => <input {...control} autoComplete="name" {...form.register('displayName')} />}
        </Field>
        <Field label="Choose a password" hint={PASSWORD_HINT} problem={errors.password?.message}>
          {(control) => <input {...control} type="password" autoComplete="new-password" {...form.register('password')} />}
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          Set up my account
        </button>
      </form>
    </section>
  );
}
