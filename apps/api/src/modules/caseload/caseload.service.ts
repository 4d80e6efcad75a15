import { Injectable } from '@nestjs/common';
import { allianceDirection, caseloadFlags, idSchema, pageArgsSchema, z } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { forbidden, notFound, parseInput } from '../../common/errors';
import { compareKeys, parseAfter, toConnection } from '../../common/pagination';
import { parseUpdatedSince } from '../../common/updated-since';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { PeopleService } from '../users/people.service';
import { AllianceDirection, CaseloadFilter, CaseloadSort, type CaseloadArgs, type CaseloadEntry } from './caseload.model';
import { CaseloadRepository, TREND_POINTS, type CheckInRow, type ClientFactsRow, type FactsQuery } from './caseload.repository';

const searchSchema = z.string().trim().max(100).nullable().optional();
const DAY = 86_400_000;
/** Stands in for "no session" in a sort key: after every real time (JSON has no Infinity). */
const NEVER = Number.MAX_SAFE_INTEGER;

/** A client's facts with their flags worked out: enough to filter and sort the whole caseload. */
interface Flagged {
  facts: ClientFactsRow;
  flags: ReturnType<typeof caseloadFlags>;
}

@Injectable()
export class CaseloadService {
  constructor(
    private readonly repository: CaseloadRepository,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
  ) {}

  /**
   * The therapist's active clients at a glance, in two statements whatever the caseload's size or history:
   * the compact facts of every active client (flags need all of them to sort and filter), then the page's
   * sessions. The cursor is the last row's sort key and client id, so a client added between two pages
   * neither repeats nor pushes anyone out.
   */
  async caseload(viewer: Viewer, args: CaseloadArgs, ctx: object) {
    if (!Policy.holdCare(viewer)) throw forbidden('The caseload is for therapists.');
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const search = parseInput(searchSchema, args.search, ['search']) || null;
    const updatedSince = parseUpdatedSince(args.updatedSince);
    const sort = args.sort ?? CaseloadSort.NAME;
    const afterKey = parseAfter(after, ['number', 'string', 'id']);

    const now = new Date();
    const changedSince = updatedSince
      ? { at: updatedSince, checkIns: this.care.relationshipFilter(viewer, 'cc'), reflections: this.care.reflectionsFilter(viewer, 'rc') }
      : null;
    const facts = await this.facts(viewer, now, { search, onlyClientId: null, trendPoints: TREND_POINTS, changedSince });
    // The statement above read exactly the viewer's active relationships: later policy checks in this request need not ask again.
    if (!search && !changedSince) this.care.knowActiveClients(viewer, facts.map((row) => row.clientId));
    const keyOf = SORT_KEYS[sort];
    const rows = facts
      .map((row) => ({ facts: row, flags: flagsOf(row, now) }))
      .filter(FILTERS[args.filter ?? CaseloadFilter.ALL])
      .map((row) => ({ row, key: keyOf(row) }))
      .filter(({ key }) => !afterKey || compareKeys(key, afterKey) > 0)
      .sort((a, b) => compareKeys(a.key, b.key))
      .slice(0, first + 1);

    const entries = await this.hydrate(ctx, rows.slice(0, first).map(({ row }) => row), now);
    await this.audit.recordMany(entries.map((entry) => ({ action: 'caseload.read', actor: viewer, targetType: 'client', targetId: entry.client.id, subjectUserId: entry.client.id })));
    return toConnection(
      rows.map(({ key }, index) => ({ key, entry: entries[index] })),
      first,
      (row) => row.key,
      (row) => row.entry!,
    );
  }

  /** A client's record: the client themself, or their therapist (with the relationship at a glance). */
  async client(viewer: Viewer, rawId: string, ctx: object = {}) {
    const id = parseInput(idSchema, rawId, ['id']);
    await this.care.assertCanSeeClient(viewer, id, 'That client');
    const therapistId = await this.care.currentTherapistId(id);
    let relationship: CaseloadEntry | null = null;
    let person: { displayName: string; email: string } | null = null;
    if (Policy.holdCare(viewer)) {
      const now = new Date();
      const [row] = await this.facts(viewer, now, { search: null, onlyClientId: id, trendPoints: 50, changedSince: null });
      if (!row) throw notFound('That client');
      relationship = (await this.hydrate(ctx, [{ facts: row, flags: flagsOf(row, now) }], now))[0] ?? null;
      person = row;
    }
    await this.audit.record({ action: 'client.read', actor: viewer, targetType: 'client', targetId: id, subjectUserId: id });
    return { id, person, relationship, therapistId };
  }

  private facts(viewer: Viewer, now: Date, options: Pick<FactsQuery, 'search' | 'onlyClientId' | 'trendPoints' | 'changedSince'>) {
    return this.repository.clientFacts({
      therapistId: viewer.userId,
      now,
      ...options,
      // The alliance is the relationship's own: check-ins about an earlier therapist stay with them.
      checkIns: this.care.relationshipFilter(viewer, 'ci'),
      unreadReflections: this.care.reflectionsFilter(viewer, 'ru'),
      recentReflections: this.care.reflectionsFilter(viewer, 'ra'),
    });
  }

  /** Entries for the rows a page shows: one statement for their sessions; names go to the request's people loader. */
  private async hydrate(ctx: object, rows: Flagged[], now: Date): Promise<CaseloadEntry[]> {
    const sessionIds = rows.flatMap(({ facts }) => [facts.nextSessionId, facts.lastSessionId]).filter((id): id is string => id !== null);
    const sessions = new Map((await this.repository.sessionsById(sessionIds)).map((session) => [session.id, session]));
    for (const { facts } of rows) {
      this.people.prime(ctx, { id: facts.clientId, displayName: facts.displayName });
      const therapistId = facts.recentCheckIns[0]?.therapistId;
      if (therapistId) this.people.prime(ctx, { id: therapistId, displayName: facts.therapistName });
    }
    return rows.map(({ facts, flags }) => ({
      client: { id: facts.clientId, displayName: facts.displayName },
      since: facts.startedAt,
      accountClosedAt: facts.accountClosedAt,
      nextSession: facts.nextSessionId ? (sessions.get(facts.nextSessionId) ?? null) : null,
      lastSession: facts.lastSessionId ? (sessions.get(facts.lastSessionId) ?? null) : null,
      daysSinceLastSession: facts.lastSessionAt ? Math.floor((now.getTime() - facts.lastSessionAt.getTime()) / DAY) : null,
      unreadSharedReflections: facts.unreadShared,
      alliance: alliance(facts.recentCheckIns),
      flags,
    }));
  }
}

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
const SORT_KEYS: Record<CaseloadSort, (row: Flagged) => [number, string, string]> = {
  NAME: ({ facts }) => [0, facts.displayName, facts.clientId],
  NEXT_SESSION: ({ facts }) => [facts.nextSessionAt?.getTime() ?? NEVER, facts.displayName, facts.clientId],
  LAST_SESSION: ({ facts }) => [facts.lastSessionAt ? -facts.lastSessionAt.getTime() : NEVER, facts.displayName, facts.clientId],
  ATTENTION: ({ facts, flags }) => [-flags.length, facts.displayName, facts.clientId],
};
