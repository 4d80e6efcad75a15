import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { ArchivePracticePromptDocument, SetPracticePromptDocument } from '../../gql/graphql';
import { FormProblem, TextAreaField } from '../clinical-common/FieldError';
import { readClinicalProblem } from '../clinical-common/problems';
import { formatDay } from '../clinical-common/time';

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
  const id = useId();
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<{ body?: string; message?: string }>({});
  const [status, setStatus] = useState('');
  const [setPrompt, setting] = useMutation(SetPracticePromptDocument);
  const [archive, archiving] = useMutation(ArchivePracticePromptDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    if (body.trim() === '') {
      setProblems({ body: 'Please write the practice prompt first.' });
      return;
    }
    setProblems({});
    try {
      await setPrompt({ variables: { input: { clientId, body: body.trim() } } });
      await onChanged();
      setBody('');
      setStatus(`Saved. ${clientName} will see it on their home page.`);
    } catch (error) {
      const found = readClinicalProblem(error);
      setProblems(found.fields.body ? { body: found.fields.body } : { message: found.message });
    }
  }

  async function archiveIt(prompt: Prompt) {
    setStatus('');
    setProblems({});
    try {
      await archive({ variables: { id: prompt.id } });
      await onChanged();
      setStatus(`Archived. ${clientName} no longer sees it.`);
    } catch (error) {
      setProblems({ message: readClinicalProblem(error).message });
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
          <TextAreaField
            baseId={id}
            name="prompt"
            label="Something to practise between sessions"
            hint={<>{clientName} sees this on their home page until you archive it.</>}
            rows={3}
            maxLength={1000}
            value={body}
            onChange={setBody}
            error={problems.body}
          />
          <FormProblem message={problems.message} />
          <div className="cl-actions">
            <button type="submit" className="button button--small" disabled={setting.loading}>
              {setting.loading ? 'Saving…' : 'Set practice prompt'}
            </button>
            <p role="status" className="cl-status">
              {status}
            </p>
          </div>
        </form>
      )}
    </>
  );
}
