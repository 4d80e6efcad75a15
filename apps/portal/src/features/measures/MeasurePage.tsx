import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { applyProblem, FormProblem, ProblemLine, readProblem, SubmitRow, type FormProblemState } from '../../app/form-kit';
import { usePageTitle } from '../../app/usePageTitle';
import { MeasurePageDocument, SubmitMeasureDocument, type MeasurePageQuery, type SubmitMeasureMutation } from './measures.generated';
import { Loading, PageLoadProblem } from '../clinical-common/Loading';
import '../clinical-common/clinical.css';
import { useSignedInViewer } from '../identity/useViewer';
import { draftToFormValues, draftToKeep, measureFormSchema, questionsWithProblems, scoreWords, unansweredWords, type MeasureFormValues } from './measure-form';
import type { MeasureDraftState } from './measure-draft';
import { kindFromSlug, MEASURE_WORDS, progressWords } from './measure-words';
import './measures.css';
import type { SupportState } from './MeasureSupportPage';
import { useMeasureDraft } from './useMeasureDraft';

type DueMeasure = MeasurePageQuery['dueMeasures'][number];
type Submission = SubmitMeasureMutation['submitMeasure'];

/** /measures/:slug: one measure the client's therapist asked for, as one accessible form. */
export function MeasurePage() {
  const { slug } = useParams();
  const kind = kindFromSlug(slug);
  const me = useSignedInViewer();
  // Always from the server: the form opens with the draft as it was last kept, from whichever device.
  const { data, error } = useQuery(MeasurePageDocument, { variables: { clientId: me.id }, fetchPolicy: 'network-only', skip: !kind });
  const [submitted, setSubmitted] = useState<{ submission: Submission; measure: DueMeasure } | null>(null);
  const due = data?.dueMeasures.find((measure) => measure.kind === kind);
  usePageTitle(submitted ? 'Thank you' : (due?.definition.name ?? 'Questions from your therapist'));
  const therapistName = data?.client.therapist?.displayName ?? null;

  if (submitted) return <ThankYou {...submitted} therapistName={therapistName} />;
  if (!kind) return <NothingDue heading="We couldn't find those questions" />;
  if (!data && error)
    return <PageLoadProblem heading="Questions from your therapist" what="these questions" error={error} />;
  if (!data) return <Loading what="your questions" />;
  if (!due) return <NothingDue heading="Nothing to answer here right now" />;
  return <MeasureForm key={due.kind} measure={due} therapistName={therapistName} onSubmitted={(submission) => setSubmitted({ submission, measure: due })} />;
}

function NothingDue({ heading }: { heading: string }) {
  return (
    <section className="page narrow cl-page">
      <h1>{heading}</h1>
      <p>When your therapist asks you to answer some questions, you'll find them on your home page.</p>
      <p>
        <Link to="/home">Go to your home</Link>
      </p>
    </section>
  );
}

const KEPT = 'Your answers so far are kept. You can come back to them from your home page.';

/** The draft's state in words. Once kept, the words stay the same while later answers are sent, so a screen reader is not told at every choice. */
function draftWords({ status, savedAt }: MeasureDraftState) {
  if (status === 'saving') return savedAt === null ? 'Keeping your answers…' : KEPT;
  if (status === 'failed') return "We couldn't keep your answers just now. They are still here on this page, and we'll try again when you change one.";
  return status === 'saved' ? KEPT : '';
}

function MeasureForm({ measure, therapistName, onSubmitted }: { measure: DueMeasure; therapistName: string | null; onSubmitted: (submission: Submission) => void }) {
  const { definition } = measure;
  const kind = measure.kind;
  const navigate = useNavigate();
  const form = useForm<MeasureFormValues, unknown, { answers: (number | null)[] }>({
    resolver: zodResolver(measureFormSchema(kind)),
    defaultValues: draftToFormValues(measure.draftAnswers, definition.items.length),
  });
  const answers = useWatch({ control: form.control, name: 'answers' });
  const progress = progressWords(answers);
  const { saver, state: draft } = useMeasureDraft(kind);
  const [submit, { loading }] = useMutation(SubmitMeasureDocument);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const unanswered = form.formState.submitCount > 0 ? questionsWithProblems(form.formState.errors.answers as unknown[] | undefined) : [];

  // Every choice is kept shortly after it is made, so leaving the page loses nothing.
  useEffect(() => {
    const { unsubscribe } = form.watch((values, { name }) => {
      const kept = name?.startsWith('answers') ? draftToKeep(values.answers ?? []) : null;
      if (kept) saver.change(kept);
    });
    return unsubscribe;
  }, [form, saver]);

  const send = form.handleSubmit(async ({ answers: scores }) => {
    setProblem(null);
    // A draft save on its way lands first: submitting clears the draft, and must be the last word.
    await saver.finish();
    try {
      const result = await submit({
        variables: { input: { kind, answers: scores } },
        // The measure is no longer due: the home page and this page ask again rather than show it.
        update: (cache) => {
          cache.evict({ id: 'ROOT_QUERY', fieldName: 'dueMeasures' });
          cache.gc();
        },
      });
      const submission = result.data!.submitMeasure;
      if (submission.safetyConcern) {
        const state: SupportState = { crisisHtml: submission.crisisHtml, responseId: submission.response.id };
        void navigate('/measures/support', { state });
      } else onSubmitted(submission);
    } catch (error) {
      saver.reopen();
      setProblem(applyProblem(form, readProblem(error), []));
    }
  });

  return (
    <section className="page narrow cl-page ms-page" aria-labelledby="measure-heading">
      <h1 id="measure-heading">{definition.name}</h1>
      <p className="lead">
        A few questions about {MEASURE_WORDS[kind].about}. {therapistName ? `${therapistName}, your therapist,` : 'Your therapist'} asked you to answer them. There are no right or wrong
        answers.
      </p>
      <p className="cl-privacy__words ms-privacy">Shared with {therapistName ? `${therapistName}, your therapist` : 'your therapist'}.</p>
      <p className="meta">
        Attune is not watched around the clock. If you need help now, go to <Link to="/help">Need help now?</Link>
      </p>

      <form className="cl-form ms-form" onSubmit={(event) => void send(event)} noValidate aria-describedby="measure-stem">
        <p id="measure-stem" className="ms-stem">
          {definition.stem}
        </p>
        {definition.items.map((item, index) => {
          const itemProblem = form.formState.errors.answers?.[index]?.message;
          const problemId = `question-${item.number}-problem`;
          return (
            <fieldset key={item.number} className={itemProblem ? 'ms-item ms-item--problem' : 'ms-item'}>
              <legend>
                <span className="ms-item__number">{item.number}.</span> {item.text}
              </legend>
              <ProblemLine id={problemId} problem={itemProblem} />
              <div className="ms-options">
                {definition.options.map((option) => (
                  <label key={option.score} className="ms-option">
                    <input type="radio" value={String(option.score)} aria-describedby={itemProblem ? problemId : undefined} {...form.register(`answers.${index}`)} />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}

        <p role="status" className="ms-progress">
          {progress.words}
        </p>
        <FormProblem problem={problem} />
        <SubmitRow label="Send my answers" busyLabel="Sending…" busy={loading} status={unanswered.length > 0 ? <span className="field__error">{unansweredWords(unanswered)}</span> : draftWords(draft)} />
        <div className="ms-later">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void saver.saveNow(draftToKeep(form.getValues('answers')) ?? undefined)}
            disabled={loading}
          >
            Keep this for later
          </button>
          <Link to="/home">Back to your home</Link>
        </div>
        <p className="cl-after-button">{therapistName ?? 'Your therapist'} will see your answers when you send them, and can talk them through with you.</p>
      </form>
      <p className="ms-copyright">
        {definition.title}. {definition.copyright}
      </p>
    </section>
  );
}

function ThankYou({ submission, measure, therapistName }: { submission: Submission; measure: DueMeasure; therapistName: string | null }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const maxScore = measure.definition.bands.at(-1)?.max ?? 0;
  const { total } = submission.response;
  return (
    <section className="page narrow cl-page">
      <h1 ref={heading} tabIndex={-1} className="cl-focus-target">
        Thank you for answering
      </h1>
      <p className="lead">{scoreWords(measure.definition.name, total, maxScore)}</p>
      <p>
        {therapistName ?? 'Your therapist'} will see your answers, and you can talk about them together. One score on its own doesn't say everything: it helps you both notice
        how things change over time.
      </p>
      <p>
        <Link to="/home">Back to your home</Link>
      </p>
    </section>
  );
}
