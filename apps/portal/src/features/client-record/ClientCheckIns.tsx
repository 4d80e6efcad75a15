import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { CHECK_IN_KEYS, CHECK_IN_QUESTIONS } from '@attune/domain';
import { AcknowledgeCheckInDocument, type TherapistCheckInFieldsFragment } from './client-record.generated';
import { readProblem } from '../../app/form-kit';
import { formatDay, formatWhen } from '../clinical-common/time';
import { useFocusIfLost } from '../clinical-common/useFocusIfLost';

/**
 * The client's check-ins, newest first, in the questions' own words. The repair loop: acknowledging says
 * "thank you for telling me; let's talk about it next time", which the client sees, and closes the flag.
 */
export function ClientCheckIns({ checkIns, clientName, sessionsById, onAcknowledged }: {
  checkIns: TherapistCheckInFieldsFragment[];
  clientName: string;
  sessionsById: Map<string, { startsAt: string }>;
  onAcknowledged: () => Promise<unknown>;
}) {
  if (checkIns.length === 0) return <p>{clientName} has not checked in yet. After a session that took place, they are invited to.</p>;
  return (
    <ul className="cl-list">
      {checkIns.map((checkIn) => (
        <CheckInItem key={checkIn.id} checkIn={checkIn} clientName={clientName} sessionStartsAt={sessionsById.get(checkIn.sessionId)?.startsAt ?? null} onAcknowledged={onAcknowledged} />
      ))}
    </ul>
  );
}

function CheckInItem({ checkIn, clientName, sessionStartsAt, onAcknowledged }: {
  checkIn: TherapistCheckInFieldsFragment;
  clientName: string;
  sessionStartsAt: string | null;
  onAcknowledged: () => Promise<unknown>;
}) {
  const [acknowledge, { loading }] = useMutation(AcknowledgeCheckInDocument);
  const [problem, setProblem] = useState('');
  const [justAcknowledged, setJustAcknowledged] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  useFocusIfLost(done, justAcknowledged);
  const needsAttention = checkIn.concernReasons.length > 0 || Boolean(checkIn.comment);
  const headingId = `check-in-${checkIn.id}-heading`;

  async function acknowledgeIt() {
    setProblem('');
    try {
      await acknowledge({ variables: { id: checkIn.id } });
      await onAcknowledged();
      setJustAcknowledged(true);
    } catch (error) {
      setProblem(readProblem(error).message);
    }
  }

  // A check-in waiting for you is shown in full; the others, read and settled, in a line.
  const waiting = needsAttention && !checkIn.acknowledgedAt;
  return (
    <li id={`check-in-${checkIn.id}`} className={waiting ? 'card cl-checkin cl-checkin--attention' : 'cl-item cl-checkin cl-checkin--compact'}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="cl-card-heading">
          {sessionStartsAt ? `About the session on ${formatDay(sessionStartsAt)}` : 'About a session'}
        </h3>
        <p className="meta">Checked in on {formatWhen(checkIn.createdAt)}</p>
        {waiting ? (
          <dl className="cl-scores">
            {CHECK_IN_KEYS.map((key) => (
              <div key={key} className={checkIn[key] <= 5 ? 'cl-score cl-score--low' : 'cl-score'}>
                <dt>{CHECK_IN_QUESTIONS[key].question}</dt>
                <dd>
                  <strong>{checkIn[key]}</strong> of 10
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="cl-scores-line">
            Bond {checkIn.bond}, goals {checkIn.goals}, approach {checkIn.approach}, overall {checkIn.overall} (each of 10)
          </p>
        )}
        {checkIn.comment && (
          <div className="cl-comment">
            <p className="meta">{clientName} added:</p>
            <blockquote className="cl-quote">{checkIn.comment}</blockquote>
          </div>
        )}
        {checkIn.concernReasons.length > 0 && (
          <div className="cl-concerns">
            <p className="cl-concerns__heading">{waiting ? 'Why this needs your attention' : 'Why this was flagged'}</p>
            <ul>
              {checkIn.concernReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        )}
        {checkIn.acknowledgedAt && (
          <p className="cl-acknowledged" ref={done} tabIndex={-1}>
            You acknowledged this on {formatDay(checkIn.acknowledgedAt)}. {clientName} sees: “{checkIn.acknowledgement}”
          </p>
        )}
        {waiting && (
          <div className="cl-acknowledge">
            <button type="button" className="button button--small" disabled={loading} onClick={() => void acknowledgeIt()} aria-describedby={`check-in-${checkIn.id}-ack-hint`}>
              {loading ? 'Acknowledging…' : 'Acknowledge'}
              <span className="visually-hidden"> the check-in {sessionStartsAt ? `about the session on ${formatDay(sessionStartsAt)}` : ''}</span>
            </button>
            <p id={`check-in-${checkIn.id}-ack-hint`} className="field__hint">
              Thank you for telling me; let's talk about it next time. {clientName} will see that you read it and would like to talk about it next time.
            </p>
          </div>
        )}
        {problem && (
          <p role="alert" className="notice notice--problem">
            {problem}
          </p>
        )}
      </article>
    </li>
  );
}
