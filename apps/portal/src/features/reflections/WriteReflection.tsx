import { useMutation } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { MOOD_MAX, MOOD_MIN, writeReflectionSchema } from '@attune/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { applyProblem, Field, FormProblem, readProblem, requiredText, type FormProblemState, SubmitRow } from '../../app/form-kit';
import { formatDate } from '../../app/format';
import { WriteReflectionDocument, type ReflectionsPageQuery } from './reflections.generated';
import { MOOD_WORDS } from '../clinical-common/words';
import { useReflectionDraft, type DraftStatus } from './useReflectionDraft';

const schema = z.object({ body: requiredText(writeReflectionSchema.shape.body, 'Please write something first. A few words are enough.') });

const MOODS = Array.from({ length: MOOD_MAX - MOOD_MIN + 1 }, (_, index) => MOOD_MIN + index);

interface Props {
  userId: string;
  therapistName: string | null;
  serverDraft: ReflectionsPageQuery['reflectionDraft'];
  onWritten: () => void;
}

/** Writing a reflection: private by default, said in words next to the choice; the draft is kept as you type. */
export function WriteReflection({ userId, therapistName, serverDraft, onWritten }: Props) {
  const id = useId();
  const { draft, change, status, savedAt, finish, clear, reopen } = useReflectionDraft(userId, serverDraft);
  const [share, setShare] = useState(false);
  // The draft keeps the words as they are typed; the form checks them and shows what needs another look.
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { body: draft.body } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [done, setDone] = useState('');
  const [write, { loading }] = useMutation(WriteReflectionDocument);
  const restored = useRef(draft.body.trim() !== '');

  const submit = form.handleSubmit(async () => {
    setProblem(null);
    setDone('');
    await finish();
    try {
      const sharing = share && therapistName !== null;
      await write({ variables: { input: { body: draft.body, mood: draft.mood, share: sharing } } });
      clear();
      form.reset({ body: '' });
      setShare(false);
      restored.current = false;
      setDone(sharing ? `Your reflection is saved and shared with ${therapistName}.` : 'Your reflection is saved. Only you can see it.');
      onWritten();
    } catch (error) {
      reopen();
      const formProblem = applyProblem(form, readProblem(error), ['body']);
      setProblem(formProblem && { message: `${formProblem.message} Your words are still here.` });
    }
  });

  return (
    <form className="cl-form card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Write a reflection</h2>
      <p className="field__hint">
        The portal is not monitored in real time. If you need help now, please see <Link to="/help">Need help now?</Link>
      </p>
      <Field label="What's on your mind?" problem={form.formState.errors.body?.message} alsoDescribedBy={`${id}-draft`} className="field--full">
        {(control) => <textarea {...control} rows={8} maxLength={10_000} {...form.register('body', { onChange: (event) => change({ ...draft, body: String(event.target.value) }) })} />}
      </Field>
      <DraftState id={`${id}-draft`} status={status} savedAt={savedAt} restored={restored.current && status === 'idle'} />

      <fieldset className="cl-fieldset">
        <legend>How are you feeling? (optional)</legend>
        <div className="cl-moods">
          <label className="cl-choice">
            <input type="radio" name={`${id}-mood`} checked={draft.mood === null} onChange={() => change({ ...draft, mood: null })} />
            Prefer not to say
          </label>
          {MOODS.map((mood) => (
            <label key={mood} className="cl-choice">
              <input type="radio" name={`${id}-mood`} value={mood} checked={draft.mood === mood} onChange={() => change({ ...draft, mood })} />
              {MOOD_WORDS[mood]}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="cl-privacy">
        {therapistName ? (
          <label className="cl-choice">
            <input type="checkbox" checked={share} onChange={(event) => setShare(event.target.checked)} aria-describedby={`${id}-privacy`} />
            Share with {therapistName}
          </label>
        ) : null}
        <p id={`${id}-privacy`} className="cl-privacy__words">
          <PrivacyIcon shared={share && therapistName !== null} />
          {share && therapistName ? `Shared with ${therapistName}, your therapist.` : 'Only you can see this.'}
        </p>
        {!therapistName && <p className="field__hint">You don't have a therapist to share with right now, so this stays private.</p>}
      </div>

      <SubmitRow label="Save reflection" busyLabel="Saving…" busy={loading} status={done} />
      <FormProblem problem={problem} />
    </form>
  );
}

function DraftState({ id, status, savedAt, restored }: { id: string; status: DraftStatus; savedAt: number | null; restored: boolean }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const every = window.setInterval(() => tick((n) => n + 1), 30_000);
    return () => window.clearInterval(every);
  }, []);
  let text = '';
  if (status === 'failed') text = "Couldn't save just now — your words are kept on this device.";
  else if (savedAt !== null)
    text =
      Date.now() - savedAt < 60_000
        ? 'Draft saved a moment ago.'
        : `Draft saved at ${formatDate(new Date(savedAt).toISOString(), { hour: 'numeric', minute: '2-digit' })}.`;
  else if (restored) text = 'Here is what you were writing last time.';
  return (
    <p id={id} role="status" aria-live="polite" className={status === 'failed' ? 'cl-draft cl-draft--problem' : 'cl-draft'}>
      {text}
    </p>
  );
}

/** A small padlock or two people, beside the words that say who can read it. */
export function PrivacyIcon({ shared }: { shared: boolean }) {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="cl-privacy__icon">
      {shared ? (
        <g fill="currentColor">
          <circle cx="5" cy="5" r="2.5" />
          <circle cx="11" cy="5" r="2.5" />
          <path d="M0.5 14c0-3 2-4.5 4.5-4.5S9.5 11 9.5 14zM6.5 14c0-3 2-4.5 4.5-4.5s4.5 1.5 4.5 4.5z" />
        </g>
      ) : (
        <g fill="none" stroke="currentColor" strokeWidth="1.6">
          <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" />
        </g>
      )}
    </svg>
  );
}
