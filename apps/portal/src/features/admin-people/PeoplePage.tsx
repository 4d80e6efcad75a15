import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { usePageTitle } from '../../app/usePageTitle';
import { AdminPeoplePageDocument, DeactivateUserDocument, ReactivateUserDocument, type AdminPeoplePageQuery } from './admin-people.generated';
import { useViewer } from '../identity/useViewer';
import '../clinical-common/clinical.css';
import { FormProblem, type FormProblemState, LoadProblem, readProblem } from '../../app/form-kit';
import { SearchForm, ShowMore, useSearchWords } from '../../app/ListControls';

const PAGE_SIZE = 25;
const ROLE_NAMES = { CLIENT: 'Client', THERAPIST: 'Therapist', ADMIN: 'Admin' } as const;

type Member = AdminPeoplePageQuery['practiceMembers']['edges'][number]['node'];

/** Admins: everyone in the practice, and whether they can sign in. Deactivating ends someone's access at once; their history stays. */
export function PeoplePage() {
  usePageTitle('People');
  const { viewer } = useViewer();
  const [search, setSearch] = useSearchWords();
  const [status, setStatus] = useState('');
  const { data, error, refetch, fetchMore } = useQuery(AdminPeoplePageDocument, { variables: { search: search || null, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const people = data?.practiceMembers.edges.map((edge) => edge.node) ?? [];

  const changed = async (message: string) => {
    await refetch();
    setStatus(message);
  };

  return (
    <div className="page cl-page">
      <h1>People</h1>
      <p className="lead">Everyone in the practice, and whether they can sign in.</p>
      <p>
        Deactivating someone signs them out everywhere at once and ends their API tokens. They can't sign in until you reactivate
        them. Nothing they wrote or that was written with them is deleted.
      </p>

      <SearchForm label="Search by name or email" words={search} onSearch={setSearch} />

      <p role="status" className="cl-status cl-status--block">
        {status}
      </p>
      {error && !data && (
        <LoadProblem error={error} what="the practice's people" />
      )}
      {!data && !error && <p role="status">Loading the practice's people…</p>}
      {data && people.length === 0 && <p>No one matches that search.</p>}
      {people.length > 0 && (
        <div className="cl-table-wrap">
          <table className="cl-table">
            <caption className="visually-hidden">People in the practice</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <PersonRow key={person.id} person={person} isYou={person.id === viewer?.id} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore pageInfo={data?.practiceMembers.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        Show more people
      </ShowMore>
    </div>
  );
}

function PersonRow({ person, isYou, onChanged }: { person: Member; isYou: boolean; onChanged: (message: string) => Promise<unknown> }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [deactivate, deactivating] = useMutation(DeactivateUserDocument);
  const [reactivate, reactivating] = useMutation(ReactivateUserDocument);
  const name = person.displayName;

  async function confirm() {
    setProblem(null);
    try {
      if (person.deactivated) {
        await reactivate({ variables: { id: person.id } });
        setConfirming(false);
        await onChanged(`${name} can sign in again with their password.`);
      } else {
        await deactivate({ variables: { id: person.id } });
        setConfirming(false);
        await onChanged(`${name} is deactivated and has been signed out everywhere.`);
      }
    } catch (error) {
      setProblem({ message: readProblem(error).message });
    }
  }

  return (
    <tr>
      <th scope="row">
        {name}
        {isYou && <span className="badge">You</span>}
        <span className="meta cl-block">{person.email}</span>
      </th>
      <td>{ROLE_NAMES[person.role]}</td>
      <td>
        <p className="cl-block">{person.deactivated ? 'Deactivated: cannot sign in' : 'Can sign in'}</p>
        {!isYou && !confirming && (
          <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(true)}>
            {person.deactivated ? 'Reactivate' : 'Deactivate'}
            <span className="visually-hidden"> {name}</span>
          </button>
        )}
        {confirming && (
          <div className="cl-confirm" role="group" aria-label={`${person.deactivated ? 'Reactivate' : 'Deactivate'} ${name}`}>
            {person.deactivated ? (
              <p>Reactivate {name}? They can sign in again with their password. Sessions and API tokens that ended stay ended.</p>
            ) : (
              <p>
                Deactivate {name}? They will be signed out everywhere at once, their API tokens will stop working, and they can't sign
                in until you reactivate them.
                {person.role === 'THERAPIST' && ' Their clients will show on the care page as needing a therapist.'}
              </p>
            )}
            <div className="cl-actions">
              <button type="button" className="button button--small" disabled={deactivating.loading || reactivating.loading} onClick={() => void confirm()}>
                {person.deactivated ? 'Yes, reactivate' : 'Yes, deactivate'}
                <span className="visually-hidden"> {name}</span>
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(false)}>
                {person.deactivated ? 'Keep deactivated' : 'Keep their access'}
              </button>
            </div>
          </div>
        )}
        <FormProblem problem={problem} />
      </td>
    </tr>
  );
}
