import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { DisableMfaDocument, RegenerateRecoveryCodesDocument } from './account.generated';
import { StartMfaEnrollmentDocument } from '../identity/identity.generated';
import type { Role } from '../../gql/types';
import { MfaEnrollment, type Enrollment } from '../identity/MfaEnrollment';
import { RecoveryCodes } from '../identity/RecoveryCodes';
import { PasswordCheckForm } from './PasswordCheckForm';

type Mode = 'idle' | 'enable-password' | 'replace-password' | 'enable' | 'disable' | 'regenerate-password' | 'regenerate';

interface Props {
  role: Role;
  enabled: boolean;
  required: boolean;
  onChanged: () => void;
}

export function TwoStepSection({ role, enabled, required, onChanged }: Props) {
  const [mode, setMode] = useState<Mode>('idle');
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [replacing, setReplacing] = useState(false);
  const [status, setStatus] = useState('');
  const [start] = useMutation(StartMfaEnrollmentDocument);
  const [disable] = useMutation(DisableMfaDocument);
  const [regenerate] = useMutation(RegenerateRecoveryCodesDocument);

  const finish = (message: string) => {
    setMode('idle');
    setStatus(message);
    onChanged();
  };
  const begin = (next: Mode) => {
    setStatus('');
    setMode(next);
  };

  return (
    <section className="card section" aria-labelledby="two-step-heading">
      <h2 id="two-step-heading">Two-step sign-in</h2>
      <p>
        <strong>{enabled ? 'On.' : 'Off.'}</strong>{' '}
        {enabled
          ? 'You sign in with your password and a code from your authenticator app.'
          : 'You sign in with your password only. Adding a code from an app on your phone keeps your account safe even if someone learns your password.'}
      </p>
      {required && (
        <p>
          {role === 'ADMIN' ? 'Admins' : 'Therapists'} always sign in with two steps, because your account can reach other
          people's information.
        </p>
      )}

      {mode === 'idle' && (
        <p className="button-row">
          {!enabled && (
            <button type="button" className="button" onClick={() => begin('enable-password')}>
              Turn on two-step sign-in
            </button>
          )}
          {enabled && (
            <button type="button" className="button button--quiet" onClick={() => begin('replace-password')}>
              Move to a new authenticator app
            </button>
          )}
          {enabled && (
            <button type="button" className="button button--quiet" onClick={() => begin('regenerate-password')}>
              Get new recovery codes
            </button>
          )}
          {enabled && !required && (
            <button type="button" className="button button--quiet" onClick={() => begin('disable')}>
              Turn off two-step sign-in
            </button>
          )}
        </p>
      )}

      {mode === 'enable-password' && (
        <PasswordCheckForm
          intro="To set up two-step sign-in, please enter your password."
          submitLabel="Continue"
          onCancel={() => setMode('idle')}
          onSubmit={async ({ password }) => {
            const result = await start({ variables: { password } });
            setEnrollment(result.data!.startMfaEnrollment);
            setReplacing(false);
            setMode('enable');
          }}
        />
      )}
      {mode === 'replace-password' && (
        <PasswordCheckForm
          withCode
          intro="To move two-step sign-in to a new phone or app, enter your password and a code from the app you use now. When you finish, you'll be signed out on your other devices, and your API tokens will stop working."
          submitLabel="Continue"
          onCancel={() => setMode('idle')}
          onSubmit={async ({ password, code }) => {
            const result = await start({ variables: { password, code: code ?? '' } });
            setEnrollment(result.data!.startMfaEnrollment);
            setReplacing(true);
            setMode('enable');
          }}
        />
      )}
      {mode === 'enable' && enrollment && (
        <div className="form--inset">
          <MfaEnrollment level={3} started={enrollment} doneLabel="Done" onDone={() =>
              finish(
                replacing
                  ? 'Your new authenticator app is set up. You have been signed out on your other devices, and your API tokens no longer work.'
                  : 'Two-step sign-in is on. You have been signed out on your other devices.',
              )
            } />
        </div>
      )}

      {mode === 'disable' && (
        <PasswordCheckForm
          withCode
          intro="Without two-step sign-in, your password alone protects your account. Turning it off signs you out on your other devices, and your API tokens stop working. To go ahead, enter your password and a current code."
          submitLabel="Turn off two-step sign-in"
          onCancel={() => setMode('idle')}
          onSubmit={async ({ password, code }) => {
            await disable({ variables: { password, code: code ?? '' } });
            finish('Two-step sign-in is off, and your recovery codes no longer work. You have been signed out on your other devices, and your API tokens no longer work.');
          }}
        />
      )}

      {mode === 'regenerate-password' && (
        <PasswordCheckForm
          intro="New recovery codes replace your old ones, which stop working at once. Please enter your password."
          submitLabel="Get new recovery codes"
          onCancel={() => setMode('idle')}
          onSubmit={async ({ password }) => {
            const result = await regenerate({ variables: { password } });
            setCodes(result.data!.regenerateRecoveryCodes);
            setMode('regenerate');
          }}
        />
      )}
      {mode === 'regenerate' && (
        <div className="form--inset">
          <h3>Your new recovery codes</h3>
          <RecoveryCodes codes={codes} continueLabel="Done" onContinue={() => finish('Your new recovery codes are ready. The old ones no longer work.')} />
        </div>
      )}

      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}
