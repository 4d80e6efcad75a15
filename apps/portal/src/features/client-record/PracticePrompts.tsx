import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { practicePromptBodySchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, readProblem, requiredText, type FormProblemState, SubmitRow } from '../../app/form-kit';
import { ArchivePracticePromptDocument, SetPracticePromptDocument } from './client-record.generated';
import { formatDay } from '../clinical-common/time';

const schema = z.object({ body: requiredText(practicePromptBodySchema, 'Please write the practice prompt first.') });

interface Prompt {
  id: string;
  body: string;
  createdAt: string;
}

/** Something for the client to practise between sessions: shown on their home until you archive it. */
export function PracticePrompts({
  clientId,
  clientName,
  prompts,
  onChanged,
  accountClosed = false,
}: {
  clientId: string;
  clientName: string;
  prompts: Prompt[];
  onChanged: () => Promise<unknown>;
  /** A client who closed their account can't see new prompts: the form is not offered. */
  accountClosed?: boolean;
}) {
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { body: '' } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [status, setStatus] = useState('');
  const [setPrompt, setting] = useMutation(SetPracticePromptDocument);
  const [archive, archiving] = useMutation(ArchivePracticePromptDocument);

  const submit = form.handleSubmit(async ({ body }) => {
    setStatus('');
    setProblem(null);
    try {
      await setPrompt({ variables: { input: { clientId, body } } });
      await onChanged();
      form.reset();
      setStatus(`Saved. ${clientName} will see it on their home page.`);
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['body']));
    }
  });

  async function archiveIt(prompt: Prompt) {
    setStatus('');
    setProblem(null);
    try {
      await archive({ variables: { id: prompt.id } });
      await onChanged();
      setStatus(`Archived. ${clientName} no longer sees it.`);
    } catch (error) {
      setProblem({ message: readProblem(error).message });
    }
  }

  return (
    <>
      {prompts.length === 0 ? (
        <p>Nothing set for now.</p>
      ) : (
        <ul className="cl-list">
          {prompts.map((prompt) => (
            <li key={prompt.id} className="cl-item">
              <p className="cl-prose">{prompt.body}</p>
              <p className="meta">Set {formatDay(prompt.createdAt)}</p>
              <button type="button" className="button button--quiet button--small" disabled={archiving.loading} onClick={() => void archiveIt(prompt)}>
                Archive<span className="visually-hidden"> the prompt set {formatDay(prompt.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!accountClosed && (
        <form className="cl-form" onSubmit={(event) => void submit(event)} noValidate>
          <Field
            label="Something to practise between sessions"
            hint={`${clientName} sees this on their home page until you archive it.`}
            problem={form.formState.errors.body?.message}
            className="field--full"
          >
            {(control) => <textarea {...control} rows={3} maxLength={1000} {...form.register('body')} />}
          </Field>
          <FormProblem problem={problem} />
          <SubmitRow label="Set practice prompt" busyLabel="Saving…" busy={setting.loading} status={status} small />
        </form>
      )}
    </>
  );
}
