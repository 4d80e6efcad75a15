import { Injectable } from '@nestjs/common';
import { allianceDirection, caseloadFlags, compareNameOrder, idSchema, nameOrderOf, pageArgsSchema, z } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { forbidden, notFound, parseInput } from '../../common/errors';
import { compareKeys, parseAfter, toConnection } from '../../common/pagination';
import { parseUpdatedSince } from '../../common/updated-since';
import { AuditService, type AuditEntry } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { PeopleService } from '../users/people.service';
import { AllianceDirection, CaseloadFilter, CaseloadSort, type CaseloadArgs, type CaseloadEntry } from './caseload.model';
import { CaseloadRepository, TREND_POINTS, type ChangedSince, type CheckInRow, type ClientFactsRow, type FactsQuery } from './caseload.repository';

const searchSchema = z.string().trim().max(100).nullable().optional();
const DAY = 86_400_000;
/** Stands in for "no session" in a sort key: after every real time (JSON has no Infinity). */
const NEVER = Number.MAX_SAFE_INTEGER;

/** A client's facts with their flags worked out: enough to filter and sort the whole caseload. */
interface Flagged {
  facts: ClientFactsRow;
  flags: ReturnType<typeof caseloadFlags>;
}

type SortKey = [number, string, string];

/** A row of the page with its sort key. */
interface PageRow {
  key: SortKey;
  row: Flagged;
}

/** The rows of a page, and whether another follows. */
interface Page {
  rows: PageRow[];
  hasNextPage: boolean;
}

/** The rows after the cursor in the sort's order (each key placed once by `place`), the page and one more. */
function pageOf<R, P>(rows: { row: R; key: SortKey }[], afterKey: Readonly<SortKey> | null, first: number, place: (key: Readonly<SortKey>) => P, compare: (a: P, b: P) => number) {
  const after = afterKey && place(afterKey);
  return rows
    .map((row) => ({ ...row, place: place(row.key) }))
    .filter((row) => after === null || compare(row.place, after) > 0)
    .sort((a, b) => compare(a.place, b.place))
    .slice(0, first + 1);
}

/**
 * By name, the cursor is `[0, name, client id]` (as it was when names were ordered by `localeCompare`, so
 * those cursors still name a place); the order is `compareNameOrder` of the name and id, as SQL's by the stored key.
 */
const nameKey = (row: { displayName: string; clientId: string }): SortKey => [0, row.displayName, row.clientId];
const namePlace = (key: Readonly<SortKey>) => nameOrderOf(key[1], key[2]);

@Injectable()
export class CaseloadService {
  constructor(
    private readonly repository: CaseloadRepository,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
  ) {}

  /**
   * The therapist's active clients at a glance, in a bounded number of statements whatever the caseload's
   * size or history, audit rows included. By name, with no filter (the page the portal opens), one: the page
   * chosen by the stored name key, its clients' facts and sessions, and the audit rows of the clients shown.
   * Any other order or filter needs the compact facts of every active client, then the page's sessions, then
   * the query's audit insert. The cursor is the last row's sort key and client id, so a client added between
   * two pages neither repeats nor pushes anyone out.
   */
  async caseload(viewer: Viewer, args: CaseloadArgs, ctx: object) {
    if (!Policy.holdCare(viewer)) throw forbidden('The caseload is for therapists.');
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const search = parseInput(searchSchema, args.search, ['search']) || null;
    const updatedSince = parseUpdatedSince(args.updatedSince);
    const sort = args.sort ?? CaseloadSort.NAME;
    const filter = args.filter ?? CaseloadFilter.ALL;
    const afterKey = parseAfter(after, ['number', 'string', 'id']);
    const now = new Date();
    // Polling for changes reads only the changed clients, so their facts decide the page (pageByFacts).
    // Check-ins and reflections are tied to the relationship row `c` of the facts statement (caseload.repository.ts).
    const changedSince = updatedSince
      ? {
          at: updatedSince,
          checkIns: this.care.relationshipFilterOn(viewer, 'c', 'cc.therapist_id'),
          reflections: this.care.reflectionsFilterOn(viewer, 'c', 'rc'),
          measures: this.care.relationshipFilterOn(viewer, 'c', 'mc.therapist_id'),
        }
      : null;
    // Each path audits the clients it shows (pageByName in its facts statement).
    const { rows, hasNextPage } = sort === CaseloadSort.NAME && filter === CaseloadFilter.ALL && !changedSince
      ? await this.pageByName(viewer, now, search, afterKey, first)
      : await this.pageByFacts(viewer, now, search, afterKey, first, sort, filter, changedSince);

    const entries = this.entries(ctx, rows.map(({ row }) => row), now);
    return toConnection(
      rows.map(({ key }, index) => ({ key, entry: entries[index]! })),
      first,
      (row) => row.key,
      (row) => row.entry,
      hasNextPage,
    );
  }

  /**
   * The page in name order, its clients' facts and sessions, and whether another page follows, in one
   * statement that also writes the audit rows of the clients it returns (`read`: exactly those shown).
   */
  private async pageByName(viewer: Viewer, now: Date, search: string | null, afterKey: Readonly<SortKey> | null, first: number): Promise<Page> {
    const audit = this.audit.insertForEachStatement({ action: 'caseload.read', actor: viewer, targetType: 'client' }, 'read');
    const { rows, hasNextPage } = await this.repository.clientPageByName(
      this.factsQuery(viewer, now, { search, onlyClientIds: null, trendPoints: TREND_POINTS, withSessions: true, changedSince: null, audit }),
      { first, after: afterKey && namePlace(afterKey) },
    );
    // The statement read these clients' active relationships with the viewer: later checks in this request need not ask again.
    this.care.knowSomeActiveClients(viewer, rows.map((row) => row.clientId));
    return { rows: rows.map((facts) => ({ key: nameKey(facts), row: { facts, flags: flagsOf(facts, now) } })), hasNextPage };
  }

  /** Every active client's facts, flagged, filtered, sorted and cut to the page; then the page's sessions. */
  private async pageByFacts(
    viewer: Viewer,
    now: Date,
    search: string | null,
    afterKey: Readonly<SortKey> | null,
    first: number,
    sort: CaseloadSort,
    filter: CaseloadFilter,
    changedSince: ChangedSince | null,
  ): Promise<Page> {
    const facts = await this.repository.clientFacts(this.factsQuery(viewer, now, { search, onlyClientIds: null, trendPoints: TREND_POINTS, withSessions: false, changedSince }));
    // Unless narrowed, the statement above read exactly the viewer's active relationships: later policy checks need not ask again.
    if (!search && !changedSince) this.care.knowActiveClients(viewer, facts.map((row) => row.clientId));
    const keyOf = SORT_KEYS[sort];
    const flagged = facts.map((row) => ({ facts: row, flags: flagsOf(row, now) })).filter(FILTERS[filter]);
    const keyed = flagged.map((row) => ({ row, key: keyOf(row) }));
    const page: PageRow[] = sort === CaseloadSort.NAME ? pageOf(keyed, afterKey, first, namePlace, compareNameOrder) : pageOf(keyed, afterKey, first, (key) => key, compareKeys);
    const shown = page.slice(0, first).map(({ row }) => row.facts);
    const sessionIds = shown.flatMap((row) => [row.nextSessionId, row.lastSessionId]).filter((id): id is string => id !== null);
    const sessions = new Map((await this.repository.sessionsById(sessionIds)).map((session) => [session.id, session]));
    for (const row of shown) {
      row.nextSession = row.nextSessionId ? (sessions.get(row.nextSessionId) ?? null) : null;
      row.lastSession = row.lastSessionId ? (sessions.get(row.lastSessionId) ?? null) : null;
    }
    await this.audit.recordMany(shown.map((row) => readEntry(viewer, row.clientId)));
    return { rows: page.slice(0, first), hasNextPage: page.length > first };
  }

  /** A client's record: the client themself, or their therapist (with the relationship at a glance). */
  async client(viewer: Viewer, rawId: string, ctx: object = {}) {
    const id = parseInput(idSchema, rawId, ['id']);
    await this.care.assertCanSeeClient(viewer, id, 'That client');
    // A therapist may see only clients in their active care, and a client has one active relationship: theirs.
    const therapistId = Policy.holdCare(viewer) ? viewer.userId : await this.care.currentTherapistId(id);
    let relationship: CaseloadEntry | null = null;
    let person: { displayName: string; email: string } | null = null;
    if (Policy.holdCare(viewer)) {
      const now = new Date();
      const [row] = await this.repository.clientFacts(this.factsQuery(viewer, now, { search: null, onlyClientIds: [id], trendPoints: 50, withSessions: true, changedSince: null }));
      if (!row) throw notFound('That client');
      relationship = this.entries(ctx, [{ facts: row, flags: flagsOf(row, now) }], now)[0] ?? null;
      person = row;
    }
    await this.audit.record({ action: 'client.read', actor: viewer, targetType: 'client', targetId: id, subjectUserId: id });
    return { id, person, relationship, therapistId };
  }

  private factsQuery(viewer: Viewer, now: Date, options: Pick<FactsQuery, 'search' | 'onlyClientIds' | 'trendPoints' | 'withSessions' | 'changedSince' | 'audit'>): FactsQuery {
    return {
      therapistId: viewer.userId,
      now,
      ...options,
      // The alliance is the relationship's own: check-ins about an earlier therapist stay with them. Each
      // per-client part is tied to the relationship row `c` (caseload.repository.ts), so the policy is stated on it.
      checkIns: this.care.relationshipFilterOn(viewer, 'c', 'ci.therapist_id'),
      unreadReflections: this.care.reflectionsFilterOn(viewer, 'c', 'ru'),
      recentReflections: this.care.reflectionsFilterOn(viewer, 'c', 'ra'),
      // Measure trends, like the alliance, are the relationship's own.
      measures: this.care.relationshipFilterOn(viewer, 'c', 'm.therapist_id'),
    };
  }

  /** Entries for the rows a page shows, their sessions already read; names go to the request's people loader. */
  private entries(ctx: object, rows: Flagged[], now: Date): CaseloadEntry[] {
    for (const { facts } of rows) {
      this.people.prime(ctx, { id: facts.clientId, displayName: facts.displayName });
      const therapistId = facts.recentCheckIns[0]?.therapistId;
      if (therapistId) this.people.prime(ctx, { id: therapistId, displayName: facts.therapistName });
    }
    return rows.map(({ facts, flags }) => ({
      client: { id: facts.clientId, displayName: facts.displayName },
      since: facts.startedAt,
      accountClosedAt: facts.accountClosedAt,
      nextSession: facts.nextSession ?? null,
      lastSession: facts.lastSession ?? null,
      daysSinceLastSession: facts.lastSessionAt ? Math.floor((now.getTime() - facts.lastSessionAt.getTime()) / DAY) : null,
      unreadSharedReflections: facts.unreadShared,
      alliance: alliance(facts.recentCheckIns),
      flags,
    }));
  }
}

/** A therapist saw this client on the caseload. */
const readEntry = (viewer: Viewer, clientId: string): AuditEntry => ({ action: 'caseload.read', actor: viewer, targetType: 'client', targetId: clientId, subjectUserId: clientId });

function flagsOf(facts: ClientFactsRow, now: Date) {
  // A client who closed their account cannot be scheduled or asked anything: flags would only nag.
  if (facts.accountClosedAt) return [];
  return caseloadFlags({
    now,
    hasUpcomingSession: facts.nextSessionId !== null,
    lastMetAt: facts.lastSessionAt,
    lastTwoPastStatuses: facts.lastTwoPastStatuses,
    recentCheckIns: facts.recentCheckIns,
    sharedReflectionsLast30Days: facts.sharedLast30Days,
    sharedReflectionsDays30To90: facts.sharedDays30To90,
    startedAt: facts.startedAt,
    measureTotals: facts.measureTotals,
  });
}

function alliance(newestFirst: CheckInRow[]) {
  return {
    latest: newestFirst[0] ?? null,
    trend: [...newestFirst].reverse().map((c) => ({ at: c.createdAt, bond: c.bond, goals: c.goals, approach: c.approach, overall: c.overall })),
    direction: allianceDirection(newestFirst.map((c) => c.overall)) as AllianceDirection | null,
  };
}

const FILTERS: Record<CaseloadFilter, (row: Flagged) => boolean> = {
  ALL: () => true,
  FLAGGED: (row) => row.flags.length > 0,
  NO_UPCOMING_SESSION: (row) => row.facts.nextSessionId === null,
  UNREAD_REFLECTIONS: (row) => row.facts.unreadShared > 0,
};

/** Each sort as a key (ascending, ties broken by name, then client id): the same key is the cursor. */
const SORT_KEYS: Record<CaseloadSort, (row: Flagged) => SortKey> = {
  NAME: ({ facts }) => nameKey(facts),
  NEXT_SESSION: ({ facts }) => [facts.nextSessionAt?.getTime() ?? NEVER, facts.displayName, facts.clientId],
  LAST_SESSION: ({ facts }) => [facts.lastSessionAt ? -facts.lastSessionAt.getTime() : NEVER, facts.displayName, facts.clientId],
  ATTENTION: ({ facts, flags }) => [-flags.length, facts.displayName, facts.clientId],
};
