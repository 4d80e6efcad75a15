import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { CHECK_IN_KEYS, CHECK_IN_QUESTIONS, checkInCommentSchema, checkInScoreSchema } from '@attune/domain';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { applyProblem, couldNotFind, Field, FormProblem, textOrNone, ProblemLine, readProblem, type FormProblemState } from '../../app/form-kit';
import { usePageTitle } from '../../app/usePageTitle';
import { CheckInPageDocument, SubmitCheckInDocument } from './checkins.generated';
import { Loading, PageLoadProblem } from '../clinical-common/Loading';
import { formatDay, formatSessionTime } from '../clinical-common/time';
import '../clinical-common/clinical.css';

const SCORES = Array.from({ length: 11 }, (_, index) => index);

export function CheckInPage() {
  const { sessionId = '' } = useParams();
  usePageTitle('Check in about your session');
  const { data, error } = useQuery(CheckInPageDocument, { variables: { sessionId }, fetchPolicy: 'cache-and-network' });

  if (!data && error && couldNotFind(error))
    return (
      <section className="page narrow">
        <h1>We couldn't find that session</h1>
        <p>The link may be incomplete. Your sessions are listed on your home page.</p>
        <p>
          <Link to="/home">Go to your home</Link>
        </p>
      </section>
    );
  if (!data && error)
    return <PageLoadProblem heading="Check in about your session" what="this session" error={error} />;
  if (!data) return <Loading what="your check-in" />;

  const session = data.session;
  const therapistName = session.therapist.displayName;
  const when = formatSessionTime(session.startsAt, session.endsAt);

  if (session.checkIn)
    return (
      <section className="page narrow cl-page">
        <h1>Your check-in</h1>
        <p className="lead">
          You checked in about your session on {formatDay(session.startsAt)} on {formatDay(session.checkIn.createdAt)}. Thank you.
        </p>
        {session.checkIn.acknowledgement ? (
          <div className="card cl-acknowledgement">
            <p className="cl-acknowledgement__text">{session.checkIn.acknowledgement}</p>
            <p className="meta">Read on {formatDay(session.checkIn.acknowledgedAt!)}.</p>
          </div>
        ) : (
          <p>{therapistName} will see your answers.</p>
        )}
        <p>
          <Link to="/home">Back to your home</Link>
        </p>
      </section>
    );

  if (session.status !== 'COMPLETED')
    return (
      <section className="page narrow cl-page">
        <h1>Check in about your session</h1>
        <p>You can check in once this session has taken place. It is on {when}.</p>
        <p>
          <Link to="/home">Back to your home</Link>
        </p>
      </section>
    );

  return <CheckInForm sessionId={session.id} therapistName={therapistName} when={when} />;
}

// A radio group no one has chosen from reads as null.
const answer = z
  .string()
  .nullable()
  .refine((value) => value !== null, { message: 'Please choose a number for this question.', abort: true })
  .transform(Number)
  .pipe(checkInScoreSchema);
const schema = z.object({
  bond: answer,
  goals: answer,
  approach: answer,
  overall: answer,
  comment: textOrNone(checkInCommentSchema),
});

function CheckInForm({ sessionId, therapistName, when }: { sessionId: string; therapistName: string; when: string }) {
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { bond: null, goals: null, approach: null, overall: null, comment: '' } });
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [submit, { loading, data }] = useMutation(SubmitCheckInDocument);
  const { errors } = form.formState;

  const send = form.handleSubmit(async (answers) => {
    setProblem(null);
    try {
      await submit({ variables: { input: { sessionId, ...answers, comment: answers.comment ?? null } }, refetchQueries: ['ClientHomePage'] });
    } catch (error) {
      setProblem(applyProblem(form, readProblem(error), ['comment']));
    }
  });

  if (data) return <ThankYou therapistName={therapistName} />;

  return (
    <section className="page narrow cl-page">
      <h1>How was your session?</h1>
      <p className="lead">About your session with {therapistName} on {when}.</p>
      <p>There are four questions. Choose a number from 0 to 10 for each. There are no right answers.</p>
      <form className="cl-form" onSubmit={(event) => void send(event)} noValidate>
        {CHECK_IN_KEYS.map((key) => {
          const question = CHECK_IN_QUESTIONS[key];
          const missing = errors[key]?.message;
          return (
            <fieldset key={key} className={missing ? 'cl-scale cl-scale--problem' : 'cl-scale'} aria-describedby={missing ? `${key}-ends ${key}-problem` : `${key}-ends`}>
              <legend>{question.question}</legend>
              <div className="cl-scale__options">
                {SCORES.map((score) => (
                  <label key={score} className="cl-scale__option">
                    <input type="radio" value={score} {...form.register(key)} />
                    <span>{score}</span>
                  </label>
                ))}
              </div>
              <p id={`${key}-ends`} className="cl-scale__ends">
                <span>0: {question.low}</span>
                <span>10: {question.high}</span>
              </p>
              <ProblemLine id={`${key}-problem`} problem={missing} />
            </fieldset>
          );
        })}

        <Field label="Anything you'd like your therapist to know? (optional)" problem={errors.comment?.message} className="field--full">
          {(control) => <textarea {...control} rows={4} maxLength={2000} {...form.register('comment')} />}
        </Field>

        <FormProblem problem={problem} />
        <div>
          <button type="submit" className="button" disabled={loading}>
            {loading ? 'Sending…' : 'Send my check-in'}
          </button>
          <p className="cl-after-button">
            Your therapist will see your answers. Honest answers help, especially the low ones: they are how therapy gets better.
          </p>
        </div>
      </form>
    </section>
  );
}

function ThankYou({ therapistName }: { therapistName: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="page narrow cl-page">
      <h1 ref={heading} tabIndex={-1} className="cl-focus-target">
        Thank you for checking in
      </h1>
      <p className="lead">{therapistName} will see your answers. Telling them how it went, good or not so good, helps your sessions fit you.</p>
      <p>
        <Link to="/home">Back to your home</Link>
      </p>
    </section>
  );
}
