import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { CloseMyAccountDocument } from './my-data.generated';
import { PasswordCheckForm } from '../account/PasswordCheckForm';
import { useViewer } from '../identity/useViewer';

/**
 * On the account page (clients): what closing means, in words, before anything happens; then the password
 * as the confirm step. Afterwards this device signs out and shows a goodbye page.
 */
export function CloseAccountSection() {
  const [close] = useMutation(CloseMyAccountDocument);
  const { signOut } = useViewer();
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="card section" aria-labelledby="close-account-heading">
      <h2 id="close-account-heading">Close your account</h2>
      <p>You can close your account whenever you like. If you do:</p>
      <ul>
        <li>You are signed out everywhere at once, and you can't sign in again. Any API tokens you made stop working.</li>
        <li>Your private reflections, and any unfinished draft, are deleted straight away. Nobody else has read them.</li>
        <li>Upcoming sessions are cancelled, and your therapist sees that you closed your account.</li>
        <li>
          Your clinical record stays with the practice for the time the law asks of them: your sessions, the reflections you shared,
          your check-ins and your therapist's notes. After that, it is deleted.
        </li>
      </ul>
      <p>If you'd like a copy of your data, download it first, above. Closing can't be undone from here.</p>
      {confirming ? (
        <PasswordCheckForm
          intro="To close your account, please enter your password. This is the last step."
          submitLabel="Close my account"
          onSubmit={async ({ password }) => {
            await close({ variables: { password } });
            await signOut('/goodbye');
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <p>
          <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
            I want to close my account
          </button>
        </p>
      )}
    </section>
  );
}
