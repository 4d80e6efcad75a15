import { useMutation } from '@apollo/client/react';
// The light entry: sign-in's rules alone, written with zod/mini, so this first page stays within its budget.
import { signInSchema, totpCodeSchema } from '@attune/domain/sign-in';
import { lazy, Suspense, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { z } from 'zod/mini';
import { sessionSignal } from '../../app/apollo';
import { StepHeading } from '../../app/StepHeading';
import { usePageTitle } from '../../app/usePageTitle';
import { SignInDocument, VerifyMfaDocument } from './sign-in.generated';
import { useViewer } from './useViewer';
import { applyProblem, Field, FormProblem, type FormProblemState, readProblem } from '../../app/form-kit';
import { useCheckedForm } from '../../app/form-kit/useCheckedForm';

// Setting up two-step sign-in is the rare step (a new staff account): its code loads only when reached.
const MfaEnrollment = lazy(async () => ({ default: (await import('./MfaEnrollment')).MfaEnrollment }));

type Step = 'password' | 'code' | 'enroll';

/** Why someone arrived here, said once at the top of the first step. */
function useArrivalNotice() {
  const [params] = useSearchParams();
  const location = useLocation();
  const [notice] = useState(() => {
    const stateNotice = (location.state as { notice?: string } | null)?.notice;
    if (stateNotice) return stateNotice;
    if (params.has('signed-out')) return "You've signed out. If this is a shared computer, you may also want to close the browser.";
    if (sessionSignal.ended) {
      sessionSignal.ended = false;
      return 'Your session has ended, so you have been signed out. Please sign in again to carry on.';
    }
    if (params.get('next')) return 'Please sign in to see that page.';
    return null;
  });
  return notice;
}

export function SignInPage() {
  const [step, setStep] = useState<Step>('password');
  const { signedIn, refresh } = useViewer();
  const notice = useArrivalNotice();
  usePageTitle(step === 'password' ? 'Sign in' : step === 'code' ? 'Enter your code' : 'Set up two-step sign-in');

  return (
    <section className="page narrow">
      {step === 'password' && <PasswordStep notice={notice} onNext={setStep} onSignedIn={signedIn} />}
      {step === 'code' && <CodeStep onSignedIn={signedIn} onRestart={() => setStep('password')} />}
      {step === 'enroll' && (
        <Suspense
          fallback={
            <div aria-busy="true">
              <p role="status">Loading…</p>
            </div>
          }
        >
          <MfaEnrollment onDone={() => void refresh()} doneLabel="Continue to Attune" onRestart={() => setStep('password')} />
        </Suspense>
      )}
    </section>
  );
}

function PasswordStep({ notice, onNext, onSignedIn }: { notice: string | null; onNext: (step: Step) => void; onSignedIn: ReturnType<typeof useViewer>['signedIn'] }) {
  const [signIn] = useMutation(SignInDocument);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const form = useCheckedForm(signInSchema);
  const { errors, isSubmitting } = form;

  const onSubmit = form.handleSubmit(async (input) => {
    setProblem(null);
    try {
      const { data } = await signIn({ variables: { input } });
      const result = data!.signIn;
      if (result.user) await onSignedIn(result.user);
      else onNext(result.mfaRequired ? 'code' : 'enroll');
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['email', 'password']));
    }
  });

  return (
    <>
      <StepHeading focus={false}>Sign in</StepHeading>
      {notice && !problem && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form noValidate onSubmit={onSubmit} className="form">
        <FormProblem problem={problem} />
        <Field label="Email address" problem={errors.email}>
          {(control) => <input {...control} type="email" autoComplete="username" spellCheck={false} {...form.register('email')} />}
        </Field>
        <Field label="Password" problem={errors.password}>
          {(control) => <input {...control} type="password" autoComplete="current-password" {...form.register('password')} />}
        </Field>
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgotten your password?</Link>
      </p>
      <p className="meta">
        Attune is by invitation: your therapist or your practice sends you a link to set up your account.
      </p>
    </>
  );
}

const totpSchema = z.object({ code: totpCodeSchema });
const recoverySchema = z.object({
  code: z.string().check(
    z.trim(),
    z.minLength(1, { message: 'Please enter one of your recovery codes.' }),
    z.maxLength(40, { message: 'That is longer than a recovery code.' }),
  ),
});

function CodeStep({ onSignedIn, onRestart }: { onSignedIn: ReturnType<typeof useViewer>['signedIn']; onRestart: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  return useRecovery ? (
    <CodeForm key="recovery" recovery onSignedIn={onSignedIn} onRestart={onRestart} onSwitch={() => setUseRecovery(false)} />
  ) : (
    <CodeForm key="totp" recovery={false} onSignedIn={onSignedIn} onRestart={onRestart} onSwitch={() => setUseRecovery(true)} />
  );
}

function CodeForm({ recovery, onSignedIn, onRestart, onSwitch }: { recovery: boolean; onSignedIn: ReturnType<typeof useViewer>['signedIn']; onRestart: () => void; onSwitch: () => void }) {
  const [verify] = useMutation(VerifyMfaDocument);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const form = useCheckedForm(recovery ? recoverySchema : totpSchema);
  const { errors, isSubmitting } = form;

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setProblem(null);
    try {
      const { data } = await verify({ variables: { code } });
      await onSignedIn(data!.verifyMfa);
    } catch (error) {
      const found = readProblem(error);
      setProblem(applyProblem(form, found, ['code']));
      // The code stays typed for a retry only when it could still be right: otherwise, an empty field is quicker.
      if (found.code === 'UNAUTHENTICATED') form.setValue('code', '');
    }
  });

  return (
    <>
      <StepHeading>{recovery ? 'Use a recovery code' : 'Enter your code'}</StepHeading>
      <p>
        {recovery
          ? 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.'
          : 'Your password is right. Now enter the 6-digit code from your authenticator app.'}
      </p>
      <form noValidate onSubmit={onSubmit} className="form">
        <FormProblem problem={problem} />
        {recovery ? (
          <Field label="Recovery code" problem={errors.code} className="field--medium">
            {(control) => <input {...control} autoComplete="off" spellCheck={false} {...form.register('code')} />}
          </Field>
        ) : (
          <Field label="6-digit code" problem={errors.code} className="field--short">
            {(control) => <input {...control} inputMode="numeric" autoComplete="one-time-code" maxLength={8} {...form.register('code')} />}
          </Field>
        )}
        <button type="submit" className="button" disabled={isSubmitting}>
          {isSubmitting ? 'Checking…' : 'Sign in'}
        </button>
      </form>
      <p>
        <button type="button" className="link-button" onClick={onSwitch}>
          {recovery ? 'Use a code from your authenticator app instead' : 'Use a recovery code instead'}
        </button>
      </p>
      <p>
        <button type="button" className="link-button" onClick={onRestart}>
          Start again with your email and password
        </button>
      </p>
    </>
  );
}
