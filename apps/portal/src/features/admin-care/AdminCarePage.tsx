import { useMutation, useQuery } from '@apollo/client/react';
import { zodResolver } from '@hookform/resolvers/zod';
import { idSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormProblem, type FormProblemState, LoadProblem, ProblemLine, readProblem } from '../../app/form-kit';
import { usePageTitle } from '../../app/usePageTitle';
import { AdminCarePageDocument, AssignClientDocument, EndCareDocument, type AdminCarePageQuery } from './admin-care.generated';
import '../clinical-common/clinical.css';
import { SearchForm, ShowMore, useSearchWords } from '../../app/ListControls';

const PAGE_SIZE = 25;

type ClientRow = AdminCarePageQuery['clients']['edges'][number]['node'];
type Therapist = AdminCarePageQuery['therapists']['edges'][number]['node'];

/** Admins: who cares for whom. Assigning to someone else is a hand-over; the client's history stays with the client. */
export function AdminCarePage() {
  usePageTitle('Care relationships');
  const [search, setSearch] = useSearchWords();
  const [status, setStatus] = useState('');
  const { data, error, refetch, fetchMore } = useQuery(AdminCarePageDocument, { variables: { search: search || null, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });

  const changed = async (message: string) => {
    await refetch();
    setStatus(message);
  };

  // A deactivated therapist cannot take anyone into their care.
  const therapists = data?.therapists.edges.map((edge) => edge.node).filter((therapist) => !therapist.deactivated) ?? [];
  const clients = data?.clients.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="page cl-page">
      <h1>Care relationships</h1>
      <p className="lead">Which therapist cares for each client. Handing a client over ends the current relationship; their history stays with them.</p>
      <p>Admins manage who cares for whom. You do not see session notes, reflections or check-ins.</p>

      <SearchForm label="Search clients by name or email" words={search} onSearch={setSearch} />

      <p role="status" className="cl-status cl-status--block">
        {status}
      </p>
      {error && !data && (
        <LoadProblem error={error} what="the practice's clients" />
      )}
      {!data && !error && <p role="status">Loading the practice's clients…</p>}
      {data && clients.length === 0 && <p>No clients match that search.</p>}
      {clients.length > 0 && (
        <div className="cl-table-wrap">
          <table className="cl-table">
            <caption className="visually-hidden">Clients and their current therapist</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Current therapist</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((client) => (
                <CareRow key={client.id} client={client} therapists={therapists} onChanged={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore pageInfo={data?.clients.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        Show more clients
      </ShowMore>
    </div>
  );
}

function CareRow({ client, therapists, onChanged }: { client: ClientRow; therapists: Therapist[]; onChanged: (message: string) => Promise<unknown> }) {
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const [problem, setProblem] = useState<FormProblemState>(null);
  const [assign, assigning] = useMutation(AssignClientDocument);
  const [endCare, ending] = useMutation(EndCareDocument);
  const selectId = `therapist-for-${client.id}`;
  const errorId = `care-problem-${client.id}`;
  const others = therapists.filter((therapist) => therapist.id !== client.therapistId);
  const verb = client.therapistId ? 'Hand over' : 'Assign';
  const schema = z.object({
    therapistId: z.string().min(1, { message: client.therapistId ? 'Please choose the therapist to hand over to.' : 'Please choose a therapist first.' }).pipe(idSchema),
  });
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { therapistId: '' } });
  const choiceProblem = form.formState.errors.therapistId?.message;

  const save = form.handleSubmit(async ({ therapistId }) => {
    const chosen = others.find((therapist) => therapist.id === therapistId)!;
    setProblem(null);
    try {
      await assign({ variables: { clientId: client.id, therapistId } });
      form.reset();
      await onChanged(
        client.therapistName
          ? `${client.displayName} is now in ${chosen.displayName}'s care. Their care with ${client.therapistName} has ended.`
          : `${client.displayName} is now in ${chosen.displayName}'s care.`,
      );
    } catch (error) {
      setProblem({ message: readProblem(error).message });
    }
  });

  async function end() {
    setProblem(null);
    try {
      await endCare({ variables: { clientId: client.id } });
      setConfirmingEnd(false);
      await onChanged(`${client.displayName}'s care with ${client.therapistName ?? 'their therapist'} has ended.`);
    } catch (error) {
      setProblem({ message: readProblem(error).message });
    }
  }

  return (
    <tr>
      <th scope="row">
        {client.displayName}
        <span className="meta cl-block">{client.email}</span>
      </th>
      <td>{client.therapistName ?? <span className="meta">{client.needsTherapist ? 'Needs a therapist' : 'No therapist'}</span>}</td>
      <td>
        <div className="cl-care-actions">
          <form className="cl-inline-form" onSubmit={(event) => void save(event)} noValidate>
            <label htmlFor={selectId} className="visually-hidden">
              {verb} {client.displayName} to
            </label>
            <select id={selectId} {...form.register('therapistId')} aria-invalid={choiceProblem ? true : undefined} aria-describedby={choiceProblem ? errorId : undefined}>
              <option value="">{client.therapistId ? 'Hand over to…' : 'Assign to…'}</option>
              {others.map((therapist) => (
                <option key={therapist.id} value={therapist.id}>
                  {therapist.displayName}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--small" disabled={assigning.loading}>
              {verb}
              <span className="visually-hidden"> {client.displayName}</span>
            </button>
          </form>
          {client.therapistId && !confirmingEnd && (
            <button type="button" className="button button--quiet button--small" onClick={() => setConfirmingEnd(true)}>
              End care<span className="visually-hidden"> for {client.displayName}</span>
            </button>
          )}
        </div>
        {confirmingEnd && (
          <div className="cl-confirm" role="group" aria-label={`End ${client.displayName}'s care`}>
            <p>
              End {client.displayName}'s care with {client.therapistName}? {client.therapistName} will no longer see their record.
            </p>
            <div className="cl-actions">
              <button type="button" className="button button--small" disabled={ending.loading} onClick={() => void end()}>
                Yes, end care<span className="visually-hidden"> for {client.displayName}</span>
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => setConfirmingEnd(false)}>
                Keep care as it is
              </button>
            </div>
          </div>
        )}
        <ProblemLine id={errorId} problem={choiceProblem} />
        <FormProblem problem={problem} />
      </td>
    </tr>
  );
}
