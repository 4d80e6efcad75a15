import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { CHECK_IN_KEYS, CHECK_IN_QUESTIONS, type CheckInKey } from '@attune/domain';
import { usePageTitle } from '../../app/usePageTitle';
import { CheckInPageDocument, SubmitCheckInDocument } from '../../gql/graphql';
import { FieldError, describedBy } from '../clinical-common/FieldError';
import { isNotFound, readClinicalProblem } from '../clinical-common/problems';
import { Loading } from '../clinical-common/Loading';
import { formatDay, formatSessionTime } from '../clinical-common/time';
import '../clinical-common/clinical.css';

const SCORES = Array.from({ length: 11 }, (_, index) => index);

export function CheckInPage() {
  const { sessionId = '' } = useParams();
  usePageTitle('Check in about your session');
  const { data, error } = useQuery(CheckInPageDocument, { variables: { sessionId }, fetchPolicy: 'cache-and-network' });

  if (!data && (isNotFound(error) || (error && readClinicalProblem(error).code === 'BAD_USER_INPUT')))
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
    return (
      <section className="page narrow">
        <h1>Check in about your session</h1>
        <p role="alert" className="notice notice--problem">
          We couldn't load this session just now. Please try again in a moment.
        </p>
      </section>
    );
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

type Answers = Partial<Record<CheckInKey, number>>;

function CheckInForm({ sessionId, therapistName, when }: { sessionId: string; therapistName: string; when: string }) {
  const [answers, setAnswers] = useState<Answers>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<CheckInKey[]>([]);
  const [problem, setProblem] = useState<{ comment?: string; message?: string } | null>(null);
  const [submit, { loading, data }] = useMutation(SubmitCheckInDocument);
  const firstMissing = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstMissing.current?.focus();
  }, [missing]);

  async function send(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const unanswered = CHECK_IN_KEYS.filter((key) => answers[key] === undefined);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    try {
      await submit({
        variables: {
          input: { sessionId, bond: answers.bond!, goals: answers.goals!, approach: answers.approach!, overall: answers.overall!, comment: comment.trim() === '' ? null : comment.trim() },
        },
        refetchQueries: ['ClientHomePage'],
      });
    } catch (error) {
      const found = readClinicalProblem(error);
      setProblem(found.fields.comment ? { comment: found.fields.comment } : { message: found.message });
    }
  }

  if (data) return <ThankYou therapistName={therapistName} />;

  return (
    <section className="page narrow cl-page">
      <h1>How was your session?</h1>
      <p className="lead">About your session with {therapistName} on {when}.</p>
      <p>There are four questions. Choose a number from 0 to 10 for each. There are no right answers.</p>
      <form className="cl-form" onSubmit={(event) => void send(event)} noValidate>
        {CHECK_IN_KEYS.map((key) => {
          const question = CHECK_IN_QUESTIONS[key];
          const isMissing = missing.includes(key);
          return (
            <fieldset key={key} className={isMissing ? 'cl-scale cl-scale--problem' : 'cl-scale'} aria-describedby={describedBy(`${key}-ends`, isMissing && `${key}-error`)}>
              <legend>{question.question}</legend>
              <div className="cl-scale__options">
                {SCORES.map((score) => (
                  <label key={score} className="cl-scale__option">
                    <input
                      ref={isMissing && key === missing[0] && score === 0 ? firstMissing : undefined}
                      type="radio"
                      name={key}
                      value={score}
                      checked={answers[key] === score}
                      onChange={() => setAnswers((previous) => ({ ...previous, [key]: score }))}
                    />
                    <span>{score}</span>
                  </label>
                ))}
              </div>
              <p id={`${key}-ends`} className="cl-scale__ends">
                <span>0: {question.low}</span>
                <span>10: {question.high}</span>
              </p>
              <FieldError id={`${key}-error`} message={isMissing ? 'Please choose a number for this question.' : null} />
            </fieldset>
          );
        })}

        <div className="cl-field">
          <label htmlFor="check-in-comment">Anything you'd like your therapist to know? (optional)</label>
          <textarea
            id="check-in-comment"
            rows={4}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-invalid={problem?.comment ? true : undefined}
            aria-describedby={describedBy(problem?.comment && 'check-in-comment-error')}
          />
          <FieldError id="check-in-comment-error" message={problem?.comment} />
        </div>

        {problem?.message && (
          <p role="alert" className="notice notice--problem">
            {problem.message}
          </p>
        )}
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
