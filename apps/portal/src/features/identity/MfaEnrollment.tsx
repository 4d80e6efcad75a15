import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { totpCodeSchema } from '@attune/domain';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { CopyButton } from '../../app/CopyButton';
import { StepHeading } from '../../app/StepHeading';
import { ConfirmMfaEnrollmentDocument, StartMfaEnrollmentDocument, type StartMfaEnrollmentMutation } from './identity.generated';
import { RecoveryCodes } from './RecoveryCodes';
import { applyProblem, Field, FormProblem, type FormProblemState, readProblem } from '../../app/form-kit';

const codeSchema = z.object({ code: totpCodeSchema });

/** The key in groups of four, the way authenticator apps show and accept it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export type Enrollment = StartMfaEnrollmentMutation['startMfaEnrollment'];

interface Props {
  /** A key already started (the account page asks for the password first); otherwise one is started here, as part of signing in. */
  started?: Enrollment;
  /** Called once the recovery codes are saved. */
  onDone: () => void;
  /** Heading level inside the page: 1 on the sign-in pages, deeper inside the account page. */
  level?: 1 | 2 | 3;
  doneLabel?: string;
  /** Where to begin again if the sign-in step timed out (it lasts 10 minutes). */
  onRestart?: () => void;
}

/** Setting up an authenticator app: scan (or type) the key, confirm a code, then keep the recovery codes. */
export function MfaEnrollment({ started: given, onDone, level = 1, doneLabel, onRestart }: Props) {
  const [start, starting] = useMutation(StartMfaEnrollmentDocument);
  const [confirm] = useMutation(ConfirmMfaEnrollmentDocument);
  const [enrollment, setEnrollment] = useState<Enrollment | null>(given ?? null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [startProblem, setStartProblem] = useState<FormProblemState>(null);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [timedOut, setTimedOut] = useState(false);
  const form = useForm({ resolver: zodResolver(codeSchema), defaultValues: { code: '' } });
  const started = useRef(false);

  const begin = async () => {
    setStartProblem(null);
    try {
      const result = await start({ variables: { password: null } });
      setEnrollment(result.data?.startMfaEnrollment ?? null);
    } catch (error) {
      const found = readProblem(error);
      if (found.code === 'UNAUTHENTICATED' && onRestart) setTimedOut(true);
      else setStartProblem({ message: found.message });
    }
  };

  useEffect(() => {
    // One new key per visit (React may run effects twice while developing).
    if (started.current || given) return;
    started.current = true;
    void begin();
  }, []);

  const onSubmit = form.handleSubmit(async ({ code }) => {
    setProblem(null);
    try {
      const result = await confirm({ variables: { code } });
      setCodes(result.data?.confirmMfaEnrollment ?? []);
    } catch (error) {
      const found = readProblem(error);
      if (found.code === 'UNAUTHENTICATED' && onRestart) setTimedOut(true);
      else setProblem(applyProblem(form, found, ['code']));
    }
  });

  if (timedOut) {
    return (
      <>
        <StepHeading level={level}>Please sign in again</StepHeading>
        <p>For your safety, this step closes after 10 minutes. Sign in with your email and password to finish setting up two-step sign-in.</p>
        <button type="button" className="button" onClick={onRestart}>
          Sign in again
        </button>
      </>
    );
  }

  if (codes) {
    return (
      <>
        <StepHeading level={level}>Save your recovery codes</StepHeading>
        <p className="notice">Two-step sign-in is on.</p>
        <RecoveryCodes codes={codes} onContinue={onDone} continueLabel={doneLabel} />
      </>
    );
  }

  return (
    <>
      <StepHeading level={level}>Set up two-step sign-in</StepHeading>
      <p>
        Each time you sign in, you'll enter your password and a 6-digit code from an authenticator app on your phone. Even if
        someone learns your password, they can't sign in without your phone.
      </p>
      <FormProblem problem={startProblem} />
      {startProblem && (
        <button type="button" className="button" onClick={() => void begin()}>
          Try again
        </button>
      )}
      {starting.loading && <p role="status">Preparing your key…</p>}
      {enrollment && (
        <>
          <ol className="steps">
            <li>
              <p>
                Open an authenticator app, such as Google Authenticator, Microsoft Authenticator, 1Password or Bitwarden, and add
                a new account.
              </p>
            </li>
            <li>
              <p>Scan this QR code with the app.</p>
              <img className="qr" src={enrollment.qrCodeDataUrl} width={220} height={220} alt="QR code that adds your Attune account to an authenticator app" />
              <Field label="If you can't scan it, type this setup key into the app instead" hint="Spaces don't matter. Choose a time-based key if the app asks." className="secret">
                {(control) => (
                  <>
                    <input {...control} readOnly value={grouped(enrollment.secret)} spellCheck={false} />
                    <CopyButton text={enrollment.secret} label="Copy the key" />
                  </>
                )}
              </Field>
              <p className="meta">
                On this phone already? <a href={enrollment.otpauthUri}>Open the key in your authenticator app</a>.
              </p>
            </li>
            <li>
              <form noValidate onSubmit={onSubmit} className="form">
                <FormProblem problem={problem} />
                <Field label="Enter the 6-digit code the app shows" hint="The code changes every 30 seconds: use the one showing now." problem={form.formState.errors.code?.message} className="field--short">
                  {(control) => <input {...control} inputMode="numeric" autoComplete="one-time-code" maxLength={8} {...form.register('code')} />}
                </Field>
                <button type="submit" className="button" disabled={form.formState.isSubmitting}>
                  Turn on two-step sign-in
                </button>
              </form>
            </li>
          </ol>
        </>
      )}
    </>
  );
}
