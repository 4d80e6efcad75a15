import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { usePageTitle } from '../../app/usePageTitle';
import { ReflectionsPageDocument, ShareReflectionDocument, UnshareReflectionDocument, type OwnReflectionFieldsFragment } from './reflections.generated';
import { Loading, PageLoadProblem } from '../clinical-common/Loading';
import { readProblem } from '../../app/form-kit';
import { formatWhen } from '../clinical-common/time';
import { MOOD_WORDS } from '../clinical-common/words';
import '../clinical-common/clinical.css';
import { useSignedInViewer } from '../identity/useViewer';
import { PrivacyIcon, WriteReflection } from './WriteReflection';
import { ShowMore } from '../../app/ListControls';
import { ReflectionResponses } from '../clinical-common/ReflectionResponses';

const PAGE_SIZE = 10;

export function ReflectionsPage() {
  const me = useSignedInViewer();
  usePageTitle('Your reflections');
  const { data, error, fetchMore, refetch } = useQuery(ReflectionsPageDocument, { variables: { clientId: me.id, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });

  if (!data && error)
    return <PageLoadProblem heading="Your reflections" what="your reflections" error={error} />;
  if (!data) return <Loading what="your reflections" />;

  const therapistName = data.client.therapist?.displayName ?? null;
  const reflections = data.reflections.edges.map((edge) => edge.node);

  return (
    <div className="page narrow cl-page">
      <h1>Your reflections</h1>
      <p className="lead">A place to put your thoughts between sessions. Everything you write is private unless you choose to share it.</p>

      <WriteReflection userId={me.id} therapistName={therapistName} serverDraft={data.reflectionDraft} onWritten={() => void refetch()} />

      <section aria-labelledby="written" className="cl-section">
        <h2 id="written">What you've written</h2>
        {reflections.length === 0 ? (
          <p>Your reflections will show here once you save one.</p>
        ) : (
          <ul className="cl-list">
            {reflections.map((reflection) => (
              <ReflectionItem key={reflection.id} reflection={reflection} therapistName={therapistName} />
            ))}
          </ul>
        )}
        <ShowMore pageInfo={data.reflections.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
          Show earlier reflections
        </ShowMore>
      </section>
    </div>
  );
}

function ReflectionItem({ reflection, therapistName }: { reflection: OwnReflectionFieldsFragment; therapistName: string | null }) {
  const headingId = `reflection-${reflection.id}`;
  const [share, sharing] = useMutation(ShareReflectionDocument);
  const [unshare, unsharing] = useMutation(UnshareReflectionDocument);
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const busy = sharing.loading || unsharing.loading;

  async function toggle() {
    setProblem('');
    setStatus('');
    try {
      if (reflection.shared) {
        await unshare({ variables: { id: reflection.id } });
        setStatus('You stopped sharing this reflection. Only you can see it now.');
      } else {
        await share({ variables: { id: reflection.id } });
        setStatus(`Shared with ${therapistName ?? 'your therapist'}.`);
      }
    } catch (error) {
      setProblem(readProblem(error).message);
    }
  }

  return (
    <li className="card cl-reflection">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="cl-reflection__date">
          {formatWhen(reflection.createdAt)}
        </h3>
        {reflection.mood !== null && reflection.mood !== undefined && <p className="meta">Feeling: {MOOD_WORDS[reflection.mood]?.toLowerCase()}</p>}
        <p className="cl-prose">{reflection.body}</p>
        <div className="cl-privacy cl-privacy--row">
          <p className="cl-privacy__words">
            <PrivacyIcon shared={reflection.shared} />
            {reflection.shared ? (therapistName ? `Shared with ${therapistName}, your therapist.` : 'Shared with your therapist.') : 'Only you can see this.'}
          </p>
          {(reflection.shared || therapistName) && (
            <button type="button" className="button button--quiet button--small cl-small-button" onClick={() => void toggle()} disabled={busy}>
              {reflection.shared ? 'Stop sharing' : `Share with ${therapistName}`}
              <span className="visually-hidden"> your reflection from {formatWhen(reflection.createdAt)}</span>
            </button>
          )}
          <p role="status" className="cl-status">
            {status}
          </p>
        </div>
        {problem && (
          <p role="alert" className="notice notice--problem">
            {problem}
          </p>
        )}
        {reflection.responses.length > 0 && (
          <div className="cl-responses">
            <h4 className="cl-responses__heading">Responses</h4>
            <ReflectionResponses responses={reflection.responses} />
          </div>
        )}
      </article>
    </li>
  );
}
