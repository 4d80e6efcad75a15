import { useQuery } from '@apollo/client/react';
import type { MyDataExport } from '@attune/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/usePageTitle';
import { MyDataExportDocument } from './my-data.generated';
import { MODALITY_WORDS, MOOD_WORDS, STATUS_WORDS } from '../clinical-common/words';
import { readExport, saveExportFile } from './my-data-file';

const day = (iso: string) => formatDate(iso, { dateStyle: 'long' });
const moment = (iso: string) => formatDate(iso, { dateStyle: 'long', timeStyle: 'short' });
const words = <K extends string>(table: Partial<Record<K, string>>, key: string) => table[key as K] ?? key;

/** `/account/my-data`: the same export as the file, in plain sections, to read on screen or print. */
export function MyDataPage() {
  usePageTitle('Your data');
  // Never cached: each visit is a fresh export, and nothing of it stays in this page's memory afterwards.
  const { data, loading, error } = useQuery(MyDataExportDocument, { fetchPolicy: 'no-cache' });
  const document = data ? readExport(data.exportMyData) : null;

  return (
    <section className="page narrow my-data">
      <p className="no-print">
        <Link to="/account">Back to your account</Link>
      </p>
      <h1>Your data in Attune</h1>
      {loading && !data && <p role="status">Gathering your data…</p>}
      {(error || (data && !document)) && (
        <p role="alert" className="notice notice--problem">
          We couldn't prepare your data just now. Please try again in a moment.
        </p>
      )}
      {document && <ExportView data={document} raw={data!.exportMyData} />}
    </section>
  );
}

function ExportView({ data, raw }: { data: MyDataExport; raw: unknown }) {
  return (
    <>
      <p className="lead">Everything you have in Attune, as of {moment(data.exportedAt)}.</p>
      <p className="button-row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="button button--quiet" onClick={() => saveExportFile(raw)}>
          Download as a file
        </button>
      </p>

      <Section id="notes" title="Your therapist's notes">
        <p>{data.privateNotes}</p>
      </Section>

      <Section id="profile" title="Your details">
        <dl className="metadata">
          <Item term="Name">{data.profile.displayName}</Item>
          <Item term="Email">{data.profile.email}</Item>
          <Item term="Time zone">{data.profile.timeZone}</Item>
          <Item term="Two-step sign-in">{data.profile.twoStepSignIn ? 'On' : 'Off'}</Item>
          <Item term="Joined">{day(data.profile.joinedAt)}</Item>
        </dl>
        {data.therapists.length > 0 && (
          <>
            <h3>Your therapists</h3>
            <ul>
              {data.therapists.map((care) => (
                <li key={`${care.therapist}-${care.since}`}>
                  {care.therapist ?? 'A therapist'}, from {day(care.since)}
                  {care.until ? ` to ${day(care.until)}` : ' (now)'}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section id="sessions" title="Sessions" empty={data.sessions.length === 0}>
        <ul className="my-data__list">
          {data.sessions.map((session) => (
            <li key={session.id}>
              <h3>{moment(session.startsAt)}</h3>
              <p className="meta">
                With {session.therapist ?? 'your therapist'} · {words(MODALITY_WORDS, session.modality)} · {words(STATUS_WORDS, session.status)}
              </p>
              {session.agenda && <Words label="What you wanted to talk about">{session.agenda}</Words>}
              {session.cancelReason && <Words label={`Why it was cancelled${session.cancelledBy ? ` (by ${session.cancelledBy})` : ''}`}>{session.cancelReason}</Words>}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="reflections" title="Reflections" empty={data.reflections.length === 0 && !data.reflectionDraft}>
        <ul className="my-data__list">
          {data.reflections.map((reflection) => (
            <li key={reflection.id}>
              <h3>{moment(reflection.writtenAt)}</h3>
              <p className="meta">
                {reflection.sharedWith ? `Shared with ${reflection.sharedWith}` : 'Private: only you can see this'}
                {reflection.mood !== null && ` · Feeling: ${(MOOD_WORDS[reflection.mood] ?? String(reflection.mood)).toLowerCase()}`}
              </p>
              <p className="my-data__words">{reflection.body}</p>
              {reflection.responses.map((response) => (
                <Words key={response.writtenAt} label={`${response.from ?? 'Your therapist'} responded on ${day(response.writtenAt)}`}>
                  {response.body}
                </Words>
              ))}
            </li>
          ))}
        </ul>
        {data.reflectionDraft && (
          <>
            <h3>Your unfinished draft</h3>
            <p className="meta">Saved {moment(data.reflectionDraft.savedAt)}</p>
            <p className="my-data__words">{data.reflectionDraft.body}</p>
          </>
        )}
      </Section>

      <Section id="check-ins" title="Check-ins" empty={data.checkIns.length === 0}>
        <ul className="my-data__list">
          {data.checkIns.map((checkIn) => (
            <li key={checkIn.sessionId}>
              <h3>{moment(checkIn.submittedAt)}</h3>
              <p>
                Feeling safe and listened to: {checkIn.bond} of 10 · Time on what matters to you: {checkIn.goals} of 10 · The way you
                worked: {checkIn.approach} of 10 · Overall: {checkIn.overall} of 10
              </p>
              {checkIn.comment && <Words label="What you told your therapist">{checkIn.comment}</Words>}
              {checkIn.readByTherapistAt && <p className="meta">Your therapist read it on {day(checkIn.readByTherapistAt)}.</p>}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="practice" title="Practice prompts" empty={data.practicePrompts.length === 0}>
        <ul className="my-data__list">
          {data.practicePrompts.map((prompt) => (
            <li key={prompt.id}>
              <p className="meta">
                From {prompt.from ?? 'your therapist'}, {day(prompt.setAt)}
                {prompt.archivedAt && ` · put away ${day(prompt.archivedAt)}`}
              </p>
              <p className="my-data__words">{prompt.body}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="articles" title="Articles sent to you" empty={data.articlesSentToYou.length === 0}>
        <ul className="my-data__list">
          {data.articlesSentToYou.map((sent) => (
            <li key={`${sent.sentAt}-${sent.slug}`}>
              <h3>{sent.title ?? 'An article no longer published'}</h3>
              <p className="meta">
                Sent by {sent.from ?? 'your therapist'} on {day(sent.sentAt)}
              </p>
              {sent.note && <Words label="Their note">{sent.note}</Words>}
            </li>
          ))}
        </ul>
      </Section>

      <p className="meta">
        Format {data.format}. Times are shown in this device's time zone; the file keeps them in UTC.
      </p>
    </>
  );
}

function Section({ id, title, empty = false, children }: { id: string; title: string; empty?: boolean; children: ReactNode }) {
  return (
    <section className="card section my-data__section" aria-labelledby={`my-data-${id}`}>
      <h2 id={`my-data-${id}`}>{title}</h2>
      {empty ? <p>Nothing here.</p> : children}
    </section>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Someone's own words, with who wrote them said first. */
function Words({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="my-data__quote">
      <p className="meta">{label}:</p>
      <p className="my-data__words">{children}</p>
    </div>
  );
}
