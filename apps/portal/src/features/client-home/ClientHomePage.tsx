import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ClientHomePageDocument, type ClientSessionFieldsFragment } from './client-home.generated';
import { Loading, PageLoadProblem } from '../clinical-common/Loading';
import { formatDay, formatSessionTime, minutesBetween } from '../clinical-common/time';
import { MODALITY_WORDS, STATUS_WORDS } from '../clinical-common/words';
import '../clinical-common/clinical.css';
import { useSignedInViewer } from '../identity/useViewer';
import { DueMeasures } from '../measures/DueMeasures';
import { arrangeClientHome, clientHomeTimes, excerpt } from './arrange-client-home';
import { CalendarDownload } from './CalendarDownload';
import { ReflectionResponses } from '../clinical-common/ReflectionResponses';

// The agenda form brings the form kit (react-hook-form and zod); it follows the page, so the page itself stays light.
const AgendaBox = lazy(async () => ({ default: (await import('./AgendaBox')).AgendaBox }));

const PAST_SHOWN = 6;

export function ClientHomePage() {
  const me = useSignedInViewer();
  usePageTitle('Your home');
  // Fixed for the life of the page, so the query's variables (and the cache entry) stay the same.
  const [times] = useState(() => clientHomeTimes(Date.now()));
  const { data, error } = useQuery(ClientHomePageDocument, {
    variables: { clientId: me.id, now: times.now, recent: times.recent, yearAgo: times.yearAgo },
    fetchPolicy: 'cache-and-network',
  });
  const [showAllPast, setShowAllPast] = useState(false);

  if (!data && error)
    return <PageLoadProblem heading="Your home" what="your sessions" error={error} />;
  if (!data) return <Loading what="your home" />;

  const therapistName = data.client.therapist?.displayName ?? null;
  const { next, laterUpcoming, scheduled, past, invitations, acknowledged, responses } = arrangeClientHome(data, times.at);
  const prompts = data.practicePrompts;

  return (
    <div className="page cl-page">
      <h1>Hello, {me.displayName}</h1>
      <p className="lead">
        {therapistName ? `Here is what's coming up with ${therapistName}, your therapist, and what you have shared.` : 'Here is what is coming up, and what you have written.'}
      </p>

      <section aria-labelledby="next-session" className="cl-section">
        <h2 id="next-session">Your next session</h2>
        {next ? (
          <NextSession session={next} />
        ) : (
          <p>You don't have a session booked right now. {therapistName ? `${therapistName} will arrange the next one with you.` : ''}</p>
        )}
        <CalendarDownload upcoming={scheduled.length} />
        {laterUpcoming.length > 0 && (
          <>
            <h3>Later sessions</h3>
            <ul className="cl-list">
              {laterUpcoming.map((session) => (
                <li key={session.id} className="cl-item">
                  <p className="cl-item__title">{formatSessionTime(session.startsAt, session.endsAt)}</p>
                  <p className="meta">
                    {MODALITY_WORDS[session.modality]} · {STATUS_WORDS[session.status]}
                    {session.cancelReason && <> · Reason: {session.cancelReason}</>}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <DueMeasures due={data.dueMeasures} therapistName={therapistName} />

      {(invitations.length > 0 || acknowledged) && (
        <section aria-labelledby="check-ins" className="cl-section">
          <h2 id="check-ins">Check-ins</h2>
          {acknowledged?.checkIn?.acknowledgement && (
            <div className="card cl-acknowledgement">
              <p className="cl-acknowledgement__text">{acknowledged.checkIn.acknowledgement}</p>
              <p className="meta">
                About your session on {formatDay(acknowledged.startsAt)}. Read on {formatDay(acknowledged.checkIn.acknowledgedAt!)}.
              </p>
            </div>
          )}
          {invitations.length > 0 && (
            <>
              <p>If you'd like to, you can tell {therapistName ?? 'your therapist'} how a session went. It takes a minute, and every answer helps.</p>
              <ul className="cl-list">
                {invitations.map((session) => (
                  <li key={session.id}>
                    <Link to={`/check-in/${session.id}`}>Check in about your session on {formatDay(session.startsAt)}</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="practice" className="cl-section">
        <h2 id="practice">Something to practise</h2>
        {prompts.length === 0 ? (
          <p>Nothing for now. If {therapistName ?? 'your therapist'} suggests something to try between sessions, you'll find it here.</p>
        ) : (
          <ul className="cl-list">
            {prompts.map((prompt) => (
              <li key={prompt.id} className="card cl-prompt">
                <p className="cl-prose">{prompt.body}</p>
                <p className="meta">
                  From {therapistName ?? 'your therapist'}, {formatDay(prompt.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="responses" className="cl-section">
        <h2 id="responses">Responses to your reflections</h2>
        {responses.length === 0 ? (
          <p>When your therapist responds to a reflection you've shared, you'll find it here.</p>
        ) : (
          <ul className="cl-list">
            {responses.map((reflection) => (
              <li key={reflection.id} className="card">
                <p className="meta">You wrote on {formatDay(reflection.createdAt)}:</p>
                <blockquote className="cl-quote">{excerpt(reflection.body)}</blockquote>
                <ReflectionResponses responses={reflection.responses} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/reflections">Write or read your reflections</Link>
        </p>
      </section>

      <section aria-labelledby="past" className="cl-section">
        <h2 id="past">Past sessions</h2>
        {past.length === 0 ? (
          <p>Your past sessions will show here.</p>
        ) : (
          <>
            <ul className="cl-list">
              {(showAllPast ? past : past.slice(0, PAST_SHOWN)).map((session) => (
                <PastSession key={session.id} session={session} />
              ))}
            </ul>
            {!showAllPast && past.length > PAST_SHOWN && (
              <button type="button" className="button button--quiet" onClick={() => setShowAllPast(true)}>
                Show earlier sessions
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function NextSession({ session }: { session: ClientSessionFieldsFragment }) {
  const joinLabel = session.modality === 'IN_PERSON' ? 'Where to go' : session.modality === 'PHONE' ? 'How you will talk' : 'How to join';
  return (
    <div className="card cl-next">
      <p className="cl-next__when">{formatSessionTime(session.startsAt, session.endsAt, { zone: true })}</p>
      <p className="meta">
        {minutesBetween(session.startsAt, session.endsAt)} minutes · {MODALITY_WORDS[session.modality]} · with {session.therapist.displayName}
      </p>
      <p>
        <strong>{joinLabel}:</strong> {session.joinDetails ?? `${session.therapist.displayName} will let you know.`}
      </p>
      <Suspense fallback={null}>
        <AgendaBox sessionId={session.id} agenda={session.agenda} therapistName={session.therapist.displayName} />
      </Suspense>
    </div>
  );
}

function PastSession({ session }: { session: ClientSessionFieldsFragment }) {
  return (
    <li className="cl-item">
      <p className="cl-item__title">{formatSessionTime(session.startsAt, session.endsAt)}</p>
      <p className="meta">
        {MODALITY_WORDS[session.modality]} · {STATUS_WORDS[session.status]}
        {session.cancelReason && <> · Reason: {session.cancelReason}</>}
      </p>
      {session.checkIn ? (
        <p className="cl-small">
          You checked in on {formatDay(session.checkIn.createdAt)}. <Link to={`/check-in/${session.id}`}>See your check-in<span className="visually-hidden"> about {formatDay(session.startsAt)}</span></Link>
        </p>
      ) : (
        session.status === 'COMPLETED' && (
          <p className="cl-small">
            <Link to={`/check-in/${session.id}`}>Check in about this session</Link>
          </p>
        )
      )}
    </li>
  );
}
