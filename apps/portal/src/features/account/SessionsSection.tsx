import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { formatDate } from '../../app/format';
import { EndOtherSessionsDocument, EndSessionDocument, type AccountPageQuery } from './account.generated';
import { useViewer } from '../identity/useViewer';
import { describeDevice } from './describe-device';
import { useRecentSignIn } from './useRecentSignIn';
import { readProblem } from '../../app/form-kit';

type Session = AccountPageQuery['accountSettings']['sessions'][number];

const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

export function SessionsSection({ sessions, onChanged }: { sessions: readonly Session[]; onChanged: () => void }) {
  const { signOut } = useViewer();
  const [endSession] = useMutation(EndSessionDocument);
  const [endOthers, endingOthers] = useMutation(EndOtherSessionsDocument);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const { guarded, prompt } = useRecentSignIn();
  // This device first, then the most recently used.
  const sorted = [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
  const others = sessions.filter((session) => !session.current).length;

  /** Signing others out needs a recent sign-in: the password is asked for when it has been a while. */
  const run = async (action: (password?: string) => Promise<unknown>, done: string, submitLabel: string) => {
    setProblem('');
    setStatus('');
    try {
      await guarded(async (password) => {
        await action(password);
        setStatus(done);
        onChanged();
      }, submitLabel);
    } catch (error) {
      setProblem(readProblem(error).message);
    }
  };

  return (
    <section className="card section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you're signed in</h2>
      <p>If you see a device you don't recognise, sign it out and change your password.</p>
      {problem && (
        <p role="alert" className="notice notice--problem">
          {problem}
        </p>
      )}
      <ul className="item-list" aria-label="Your sessions">
        {sorted.map((session) => (
          <li key={session.id} className="item">
            <p className="item__title">
              {describeDevice(session.userAgent)}
              {session.current && <span className="badge">This device</span>}
            </p>
            <p className="meta">
              Signed in {when(session.createdAt)} · Last active {when(session.lastSeenAt)}
            </p>
            {session.current ? (
              <button type="button" className="button button--quiet button--small" onClick={() => void signOut()}>
                Sign out on this device
              </button>
            ) : (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() =>
                  void run((password) => endSession({ variables: { id: session.id, password } }), `Signed out of ${describeDevice(session.userAgent)}.`, 'Sign out of that session')
                }
              >
                Sign out of this session<span className="visually-hidden"> ({describeDevice(session.userAgent)}, last active {when(session.lastSeenAt)})</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <button type="button" className="button button--quiet" disabled={endingOthers.loading} onClick={() => void run((password) => endOthers({ variables: { password } }), 'You are now signed out everywhere else.', 'Sign out everywhere else')}>
          Sign out everywhere else
        </button>
      )}
      {prompt}
      <p role="status" className="form__status">
        {status}
      </p>
    </section>
  );
}
