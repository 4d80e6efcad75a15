import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { CaseloadPageDocument, type CaseloadPageQuery } from './caseload.generated';
import type { CaseloadFilter, CaseloadSort } from '../../gql/types';
import { AllianceSparkline } from '../clinical-common/AllianceChart';
import { daysAgo, formatMediumDay, formatSessionTimeShort } from '../clinical-common/time';
import { FLAG_WORDS } from '../clinical-common/words';
import '../clinical-common/clinical.css';
import { Field, LoadProblem } from '../../app/form-kit';
import { WaitingSafetyFlags } from './WaitingSafetyFlags';
import { SearchForm, ShowMore } from '../../app/ListControls';

const PAGE_SIZE = 10;

const SORTS: { value: CaseloadSort; label: string }[] = [
  { value: 'NAME', label: 'Name' },
  { value: 'NEXT_SESSION', label: 'Next session, soonest first' },
  { value: 'LAST_SESSION', label: 'Last session, most recent first' },
  { value: 'ATTENTION', label: 'Needs attention first' },
];

const FILTERS: { value: CaseloadFilter; label: string }[] = [
  { value: 'ALL', label: 'Everyone' },
  { value: 'FLAGGED', label: 'Clients with a flag' },
  { value: 'NO_UPCOMING_SESSION', label: 'No upcoming session' },
  { value: 'UNREAD_REFLECTIONS', label: 'Unread reflections' },
];

const pick = <T extends string>(value: string | null, options: { value: T }[], fallback: T): T => options.find((option) => option.value === value)?.value ?? fallback;

export function CaseloadPage() {
  usePageTitle('Your caseload');
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const sort = pick(params.get('sort'), SORTS, 'NAME');
  const filter = pick(params.get('filter'), FILTERS, 'ALL');
  const { data, error, loading, fetchMore } = useQuery(CaseloadPageDocument, {
    variables: { first: PAGE_SIZE, search: search || null, sort, filter },
    fetchPolicy: 'cache-and-network',
  });

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === '' || (key === 'sort' && value === 'NAME') || (key === 'filter' && value === 'ALL')) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const entries = data?.caseload.edges ?? [];
  const narrowed = search !== '' || filter !== 'ALL';

  return (
    <div className="page cl-page">
      <h1>Your caseload</h1>
      <p className="lead">The people in your care, and how each relationship is going.</p>
      <WaitingSafetyFlags />

      <div className="cl-toolbar">
        <SearchForm label="Search by name or email" words={search} onSearch={(words) => update({ search: words })} />
        <Field label="Sort by">
          {(control) => (
            <select {...control} value={sort} onChange={(event) => update({ sort: event.target.value })}>
              {SORTS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Show">
          {(control) => (
            <select {...control} value={filter} onChange={(event) => update({ filter: event.target.value })}>
              {FILTERS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <p role="status" className="cl-status cl-status--block">
        {data && !loading ? shownText(entries.length, data.caseload.pageInfo.hasNextPage, narrowed) : ''}
      </p>
      {error && !data && (
        <LoadProblem error={error} what="your caseload" />
      )}
      {!data && !error && <p role="status">Loading your caseload…</p>}
      {data && entries.length === 0 && <p>{narrowed ? 'No one matches that. Try another search, or show everyone.' : 'There is no one in your care yet.'}</p>}

      {entries.length > 0 && (
        <div className="cl-table-wrap">
          <table className="cl-table cl-caseload">
            <caption className="visually-hidden">Your clients, with their sessions, unread reflections, check-ins and flags</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Next session</th>
                <th scope="col">Last session</th>
                <th scope="col">Unread reflections</th>
                <th scope="col">Check-ins</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {entries.map(({ node }) => (
                <CaseloadRow key={node.client.id} entry={node} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ShowMore pageInfo={data?.caseload.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        Show more clients
      </ShowMore>
    </div>
  );
}

function shownText(count: number, more: boolean, narrowed: boolean) {
  if (count === 0) return narrowed ? 'No clients match.' : '';
  const people = `${count} client${count === 1 ? '' : 's'}`;
  return `Showing ${people}${more ? '. There are more below.' : '.'}`;
}

type Entry = CaseloadPageQuery['caseload']['edges'][number]['node'];

function CaseloadRow({ entry }: { entry: Entry }) {
  const { client } = entry;
  return (
    <tr>
      <th scope="row">
        <Link to={`/clients/${client.id}`}>{client.displayName}</Link>
        <span className="meta cl-block">In your care since {formatMediumDay(entry.since)}</span>
        {entry.accountClosedAt && <span className="meta cl-block">Closed their account on {formatMediumDay(entry.accountClosedAt)}</span>}
      </th>
      <td>{entry.nextSession ? formatSessionTimeShort(entry.nextSession.startsAt, entry.nextSession.endsAt) : <span className="meta">None scheduled</span>}</td>
      <td>
        {entry.lastSession ? (
          <>
            {formatMediumDay(entry.lastSession.startsAt)}
            {entry.daysSinceLastSession !== null && entry.daysSinceLastSession !== undefined && <span className="meta cl-block">{daysAgo(entry.daysSinceLastSession)}</span>}
          </>
        ) : (
          <span className="meta">Not met yet</span>
        )}
      </td>
      <td>
        {entry.unreadSharedReflections > 0 ? (
          <Link to={`/clients/${client.id}#reflections`}>
            {entry.unreadSharedReflections} unread<span className="visually-hidden"> from {client.displayName}</span>
          </Link>
        ) : (
          <span className="meta">None</span>
        )}
      </td>
      <td>
        <AllianceSparkline trend={entry.alliance.trend} direction={entry.alliance.direction} />
      </td>
      <td>
        {entry.flags.length === 0 ? (
          <span className="meta">None</span>
        ) : (
          <ul className="cl-flags">
            {entry.flags.map((flag) => (
              <li key={`${flag.kind}-${flag.checkInId ?? flag.measure ?? ''}`} className="cl-flag">
                <span className="cl-flag__kind">{FLAG_WORDS[flag.kind]}:</span> {flag.reason}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
