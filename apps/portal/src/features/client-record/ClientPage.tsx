import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { ClientPageDocument, type ClientPageQuery, type TherapistSessionFieldsFragment } from './client-record.generated';
import { AllianceChart } from '../clinical-common/AllianceChart';
import { couldNotFind } from '../../app/form-kit';
import { Loading, PageLoadProblem } from '../clinical-common/Loading';
import { daysAgo, formatDay, formatSessionTime, formatWhen, minutesBetween } from '../clinical-common/time';
import { DIRECTION_WORDS, FLAG_WORDS, MODALITY_WORDS, STATUS_WORDS } from '../clinical-common/words';
import { ScheduleSessionForm } from '../scheduling/ScheduleSessionForm';
import { SessionActions } from '../scheduling/SessionActions';
import '../clinical-common/clinical.css';
import { ClientCheckIns } from './ClientCheckIns';
import { ClientMeasures } from './ClientMeasures';
import { FhirRecordDownload } from './FhirRecordDownload';
import { PracticePrompts } from './PracticePrompts';
import { SessionNote } from './SessionNoteEditor';
import { SharedReflections } from './SharedReflections';

const DAY = 86_400_000;

export function ClientPage() {
  const { id = '' } = useParams();
  const [yearAgo] = useState(() => new Date(Date.now() - 365 * DAY).toISOString());
  const { data, error, refetch } = useQuery(ClientPageDocument, { variables: { id, yearAgo }, fetchPolicy: 'cache-and-network' });
  usePageTitle(data?.client.displayName ?? (error ? 'Client not found' : 'Client'));

  if (!data && error && couldNotFind(error))
    return (
      <section className="page narrow">
        <h1>We couldn't find that client</h1>
        <p>They may not be in your care, or the link may be incomplete. Only clients in your care have a page here.</p>
        <p>
          <Link to="/caseload">Go to your caseload</Link>
        </p>
      </section>
    );
  if (!data && error)
    return <PageLoadProblem heading="Client" what="this client's record" error={error} />;
  if (!data) return <Loading what="this client's record" />;
  return <Record data={data} refetch={() => refetch()} />;
}

function Record({ data, refetch }: { data: ClientPageQuery; refetch: () => Promise<unknown> }) {
  const { client } = data;
  const relationship = client.relationship;
  const name = client.displayName;
  const location = useLocation();
  // "New" marks what was unread when this visit began; the page marks them read as it shows them.
  const [newIds] = useState(() => new Set(data.reflections.edges.filter((edge) => !edge.node.readByTherapistAt).map((edge) => edge.node.id)));
  const [sessionStatus, setSessionStatus] = useState('');
  const sessions = data.sessions.edges.map((edge) => edge.node);
  const now = Date.now();
  const upcoming = sessions.filter((session) => Date.parse(session.endsAt) > now);
  const past = sessions.filter((session) => Date.parse(session.endsAt) <= now).reverse();
  const sessionsById = new Map(sessions.map((session) => [session.id, session]));
  const checkIns = data.checkIns.edges.map((edge) => edge.node);

  useEffect(() => {
    // Links from the caseload point at a section: take the reader (and keyboard focus) there once the record is on screen.
    if (location.hash) document.getElementById(location.hash.slice(1))?.focus();
  }, [location.hash]);

  async function sessionChanged(sessionId: string, message: string) {
    await refetch();
    setSessionStatus(message);
    document.getElementById(`session-${sessionId}-heading`)?.focus();
  }

  return (
    <div className="page cl-page">
      <h1>{name}</h1>
      <p className="meta">
        {client.email}
        {relationship && <> · In your care since {formatDay(relationship.since)}</>}
      </p>
      <FhirRecordDownload clientId={client.id} />
      {relationship?.accountClosedAt && (
        <p className="notice">
          {name} closed their account on {formatDay(relationship.accountClosedAt)}. They can no longer sign in, and new sessions can't be
          scheduled. Their record stays here for the retention period.
        </p>
      )}

      <nav aria-label="On this page" className="cl-toc">
        <ul>
          <li>
            <a href="#measures">Measures</a>
          </li>
          <li>
            <a href="#check-ins">Check-ins</a>
          </li>
          <li>
            <a href="#reflections">Shared reflections</a>
          </li>
          <li>
            <a href="#sessions">Sessions</a>
          </li>
          <li>
            <a href="#practice">Practice</a>
          </li>
        </ul>
      </nav>

      {relationship && (
        <section aria-labelledby="glance" className="cl-section">
          <h2 id="glance">At a glance</h2>
          <dl className="cl-glance">
            <div>
              <dt>Next session</dt>
              <dd>{relationship.nextSession ? formatSessionTime(relationship.nextSession.startsAt, relationship.nextSession.endsAt) : 'None scheduled'}</dd>
            </div>
            <div>
              <dt>Last session</dt>
              <dd>
                {relationship.lastSession
                  ? `${formatDay(relationship.lastSession.startsAt)}${typeof relationship.daysSinceLastSession === 'number' ? `, ${daysAgo(relationship.daysSinceLastSession)}` : ''}`
                  : 'Not met yet'}
              </dd>
            </div>
            <div>
              <dt>New shared reflections</dt>
              <dd>{newIds.size === 0 ? 'None' : <a href="#reflections">{newIds.size} new</a>}</dd>
            </div>
            <div>
              <dt>Check-ins</dt>
              <dd>
                {relationship.alliance.trend.length === 0
                  ? 'None yet'
                  : `Latest overall ${relationship.alliance.trend[relationship.alliance.trend.length - 1]!.overall} of 10${relationship.alliance.direction ? `, ${DIRECTION_WORDS[relationship.alliance.direction]}` : ''}`}
              </dd>
            </div>
          </dl>

          {relationship.flags.length > 0 ? (
            <div className="cl-attention" role="group" aria-labelledby="attention-heading">
              <h3 id="attention-heading">Needs your attention</h3>
              <ul className="cl-flags">
                {relationship.flags.map((flag) => (
                  <li key={`${flag.kind}-${flag.checkInId ?? flag.measure ?? ''}`} className="cl-flag">
                    <span className="cl-flag__kind">{FLAG_WORDS[flag.kind]}:</span> {flag.reason}
                    {flag.checkInId && (
                      <>
                        {' '}
                        <a href={`#check-in-${flag.checkInId}`}>
                          Go to the check-in<span className="visually-hidden"> ({FLAG_WORDS[flag.kind]})</span>
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="cl-calm">Nothing needs your attention right now.</p>
          )}

          <h3>How the relationship is going</h3>
          <AllianceChart trend={relationship.alliance.trend} direction={relationship.alliance.direction} clientName={name} />
        </section>
      )}

      <section aria-labelledby="measures" className="cl-section">
        <h2 id="measures" tabIndex={-1}>
          Measures
        </h2>
        <ClientMeasures
          clientId={client.id}
          clientName={name}
          schedules={data.measureSchedules}
          responses={data.measureResponses.edges.map((edge) => edge.node)}
          more={data.measureResponses.pageInfo.hasNextPage}
          accountClosed={Boolean(relationship?.accountClosedAt)}
        />
      </section>

      <section aria-labelledby="check-ins" className="cl-section">
        <h2 id="check-ins" tabIndex={-1}>
          Check-ins
        </h2>
        <ClientCheckIns checkIns={checkIns} clientName={name} sessionsById={sessionsById} onAcknowledged={refetch} />
      </section>

      <section aria-labelledby="reflections" className="cl-section">
        <h2 id="reflections" tabIndex={-1}>
          Shared reflections
        </h2>
        <SharedReflections reflections={data.reflections.edges.map((edge) => edge.node)} clientName={name} newIds={newIds} />
      </section>

      <section aria-labelledby="sessions" className="cl-section">
        <h2 id="sessions" tabIndex={-1}>
          Sessions
        </h2>
        <p role="status" className="cl-status cl-status--block">
          {sessionStatus}
        </p>
        <h3>Upcoming</h3>
        {upcoming.length === 0 ? (
          <p>No upcoming sessions.</p>
        ) : (
          <ul className="cl-list cl-timeline">
            {upcoming.map((session) => (
              <SessionItem key={session.id} session={session} clientName={name} onChanged={sessionChanged} />
            ))}
          </ul>
        )}
        {!relationship?.accountClosedAt && <ScheduleSessionForm clientId={client.id} clientName={name} onScheduled={refetch} />}
        <h3>Past sessions, the last twelve months</h3>
        {past.length === 0 ? (
          <p>No sessions in the last twelve months.</p>
        ) : (
          <ul className="cl-list cl-timeline">
            {past.map((session) => (
              <SessionItem key={session.id} session={session} clientName={name} onChanged={sessionChanged} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="practice" className="cl-section">
        <h2 id="practice" tabIndex={-1}>
          Practice between sessions
        </h2>
        <PracticePrompts clientId={client.id} clientName={name} prompts={data.practicePrompts} onChanged={refetch} accountClosed={Boolean(relationship?.accountClosedAt)} />
      </section>
    </div>
  );
}

function SessionItem({ session, clientName, onChanged }: { session: TherapistSessionFieldsFragment; clientName: string; onChanged: (sessionId: string, message: string) => Promise<unknown> }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const when = formatSessionTime(session.startsAt, session.endsAt);
  return (
    <li id={`session-${session.id}`} className={`cl-item cl-session cl-session--${session.status.toLowerCase()}`}>
      <h4 id={`session-${session.id}-heading`} ref={heading} tabIndex={-1} className="cl-card-heading">
        {when}
      </h4>
      <p className="meta">
        <span className={`cl-status-pill cl-status-pill--${session.status.toLowerCase()}`}>{STATUS_WORDS[session.status]}</span> {minutesBetween(session.startsAt, session.endsAt)} minutes ·{' '}
        {MODALITY_WORDS[session.modality]}
      </p>
      {session.joinDetails && session.status === 'SCHEDULED' && <p className="cl-small">Where or how: {session.joinDetails}</p>}
      {session.cancelReason && <p className="cl-small">Reason for cancelling: {session.cancelReason}</p>}
      {session.agenda && (
        <p className="cl-small">
          <strong>{clientName} would like to talk about:</strong> {session.agenda}
        </p>
      )}
      {session.checkIn && (
        <p className="cl-small">
          Checked in: overall {session.checkIn.overall} of 10. <a href={`#check-in-${session.checkIn.id}`}>Read the check-in<span className="visually-hidden"> about {formatWhen(session.startsAt)}</span></a>
        </p>
      )}
      <SessionActions session={session} clientName={clientName} onChanged={onChanged} />
      {session.status === 'COMPLETED' && <SessionNote sessionId={session.id} sessionWhen={formatWhen(session.startsAt)} />}
    </li>
  );
}
