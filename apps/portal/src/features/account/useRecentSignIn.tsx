import { useState, type ReactNode } from 'react';
import { PasswordCheckForm } from './PasswordCheckForm';
import { readProblem } from '../../app/form-kit';

interface Retry {
  run: (password: string) => Promise<void>;
  submitLabel: string;
}

/**
 * Some changes want a sign-in from the last ten minutes. `guarded` tries the change as it is; when the
 * API asks for a recent sign-in, `prompt` asks for the password and the same change runs again with it.
 */
export function useRecentSignIn(): { guarded: (action: (password?: string) => Promise<void>, submitLabel: string) => Promise<void>; prompt: ReactNode } {
  const [retry, setRetry] = useState<Retry | null>(null);

  const guarded = async (action: (password?: string) => Promise<void>, submitLabel: string) => {
    try {
      await action();
    } catch (error) {
      if (readProblem(error).reason !== 'RECENT_SIGN_IN_REQUIRED') throw error;
      setRetry({
        submitLabel,
        run: async (password) => {
          await action(password);
          setRetry(null);
        },
      });
    }
  };

  const prompt = retry ? (
    <PasswordCheckForm
      intro="For your safety, please enter your password again. It has been a little while since you signed in."
      submitLabel={retry.submitLabel}
      onCancel={() => setRetry(null)}
      onSubmit={({ password }) => retry.run(password)}
    />
  ) : null;

  return { guarded, prompt };
}
