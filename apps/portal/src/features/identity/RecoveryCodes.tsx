import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useForm } from 'react-hook-form';
import { CopyButton } from '../../app/CopyButton';
import { Field } from '../../app/form-kit';

const savedSchema = z.object({
  saved: z.boolean().refine(Boolean, { message: "Please tick the box once your codes are saved. We can't show them again." }),
});

function download(codes: readonly string[]) {
  const text = `Attune recovery codes\n\nEach code lets you sign in once if you can't use your authenticator app.\nKeep them private.\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'attune-recovery-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
}

/** Recovery codes are shown once; the person confirms they have kept them before going on. */
export function RecoveryCodes({ codes, onContinue, continueLabel = 'Continue' }: { codes: readonly string[]; onContinue: () => void; continueLabel?: string }) {
  const form = useForm({ resolver: zodResolver(savedSchema), defaultValues: { saved: false } });
  return (
    <div className="recovery-codes">
      <p>
        If you lose your phone or can't use your authenticator app, each of these codes lets you sign in once. This is the only
        time we show them.
      </p>
      <p>
        <strong>Save them somewhere safe and private</strong>, such as a password manager or a printed page kept at home. Anyone
        with these codes and your password could sign in as you.
      </p>
      <ol className="code-list" aria-label="Your recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p className="button-row">
        <CopyButton text={codes.join('\n')} label="Copy the codes" />
        <button type="button" className="button button--quiet button--small" onClick={() => download(codes)}>
          Download as a text file
        </button>
      </p>
      <form noValidate onSubmit={form.handleSubmit(onContinue)} className="form">
        <Field label="I have saved my recovery codes somewhere safe" problem={form.formState.errors.saved?.message} check>
          {(control) => <input type="checkbox" {...control} {...form.register('saved')} />}
        </Field>
        <button type="submit" className="button">
          {continueLabel}
        </button>
      </form>
    </div>
  );
}
