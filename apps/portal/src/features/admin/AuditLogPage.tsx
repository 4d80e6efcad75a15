import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@apollo/client/react';
import { idSchema } from '@attune/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { formatDate } from '../../app/format';
import { usePageTitle } from '../../app/usePageTitle';
import { AuditLogPageDocument } from './admin.generated';
import { Field, readProblem } from '../../app/form-kit';

const PAGE_SIZE = 25;
const dateSchema = z.union([z.literal(''), z.iso.date({ message: 'Please enter a date like 2026-03-31.' })]);
const schema = z
  .object({ userId: z.union([z.literal(''), idSchema]), from: dateSchema, to: dateSchema })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ['to'], message: 'The end date is before the start date.' });
type Search = z.infer<typeof schema>;

/** A calendar day in the viewer's own time zone, as the instant it starts. */
const startOfDay = (date: string, addDays = 0) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + addDays).toISOString();
};

function Metadata({ value }: { value: unknown }) {
  if (!value || typeof value !== 'object' || Object.keys(value).length === 0) return <span className="meta">—</span>;
  return (
    <dl className="metadata">
      {Object.entries(value as Record<string, unknown>).map(([key, item]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof item === 'string' ? item : JSON.stringify(item)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A person's id, shortened to read; choosing it shows only their entries (the full id is in the search box then). */
function PersonId({ id, onPick }: { id: string; onPick: (id: string) => void }) {
  return (
    <button type="button" className="link-button" title={id} onClick={() => onPick(id)}>
      <code>{id.slice(0, 8)}</code>
      <span className="visually-hidden">: show only this person's entries</span>
    </button>
  );
}

export function AuditLogPage() {
  usePageTitle('Audit log');
  const [search, setSearch] = useState<Search>({ userId: '', from: '', to: '' });
  // Cursors of the pages before this one; the last is where this page starts.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: search });
  const { errors } = form.formState;
  const { data, loading, error } = useQuery(AuditLogPageDocument, {
    variables: {
      first: PAGE_SIZE,
      after: cursors[cursors.length - 1],
      userId: search.userId || null,
      from: search.from ? startOfDay(search.from) : null,
      to: search.to ? startOfDay(search.to, 1) : null,
    },
  });
  const events = data?.auditEvents.edges ?? [];
  const pageInfo = data?.auditEvents.pageInfo;

  const onSubmit = form.handleSubmit((values) => {
    setSearch(values);
    setCursors([null]);
  });
  // Picking a person in the table narrows the log to them, keeping the dates.
  const showPerson = (id: string) => {
    form.setValue('userId', id);
    void onSubmit();
  };

  return (
    <section className="page">
      <h1>Audit log</h1>
      <p className="lead">Who did what, and when. Entries hold ids and counts only, never what anyone wrote.</p>
      <form noValidate onSubmit={onSubmit} className="form form--row" role="search" aria-label="Audit log">
        <Field label="Person (user id)" hint="Entries where they acted or their record was touched." problem={errors.userId?.message} className="field--wide">
          {(control) => <input {...control} spellCheck={false} autoComplete="off" {...form.register('userId')} />}
        </Field>
        <Field label="From" problem={errors.from?.message}>
          {(control) => <input {...control} type="date" {...form.register('from')} />}
        </Field>
        <Field label="To (including)" problem={errors.to?.message}>
          {(control) => <input {...control} type="date" {...form.register('to')} />}
        </Field>
        <button type="submit" className="button">
          Search the log
        </button>
      </form>

      {loading && <p role="status">Loading entries…</p>}
      {error && (
        <p role="alert" className="notice notice--problem">
          {readProblem(error).message}
        </p>
      )}
      {data && events.length === 0 && <p>No entries match.</p>}
      {events.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Audit entries">
          <table className="table">
            <caption className="visually-hidden">Audit entries, newest first (page {cursors.length})</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who acted</th>
                <th scope="col">What it touched</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {events.map(({ node }) => (
                <tr key={node.id}>
                  <td className="nowrap">
                    {formatDate(node.occurredAt, { dateStyle: 'medium' })}
                    <br />
                    {formatDate(node.occurredAt, { timeStyle: 'medium' })}
                  </td>
                  <td>
                    <code>{node.action}</code>
                  </td>
                  <td>
                    {node.actorId ? <PersonId id={node.actorId} onPick={showPerson} /> : <span className="meta">nobody signed in</span>}
                    {node.actorRole && <div className="meta">{node.actorRole.toLowerCase()}</div>}
                    {node.viaTokenId && <div className="meta">with an API token</div>}
                  </td>
                  <td>
                    {node.targetType === 'user' && node.targetId ? (
                      <>
                        person <PersonId id={node.targetId} onPick={showPerson} />
                      </>
                    ) : node.targetType ? (
                      <>
                        {node.targetType.replace(/_/g, ' ')} <code title={node.targetId ?? undefined}>{node.targetId?.slice(0, 8)}</code>
                      </>
                    ) : null}
                    {node.subjectUserId && node.subjectUserId !== node.targetId && (
                      <div>
                        record of <PersonId id={node.subjectUserId} onPick={showPerson} />
                      </div>
                    )}
                    {!node.targetType && !node.subjectUserId && <span className="meta">—</span>}
                  </td>
                  <td>
                    <Metadata value={node.metadata} />
                    {node.ip && <div className="meta">from {node.ip}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="button-row" aria-label="Audit log pages">
        {cursors.length > 1 && (
          <button type="button" className="button button--quiet" onClick={() => setCursors(cursors.slice(0, -1))}>
            Newer entries
          </button>
        )}
        {pageInfo?.hasNextPage && (
          <button type="button" className="button button--quiet" onClick={() => setCursors([...cursors, pageInfo.endCursor])}>
            Older entries
          </button>
        )}
      </nav>
    </section>
  );
}
