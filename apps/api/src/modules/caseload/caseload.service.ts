import { Injectable } from '@nestjs/common';
import { allianceDirection, caseloadFlags, idSchema, pageArgsSchema, z } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { badInput, forbidden, notFound, parseInput } from '../../common/errors';
import { groupBy } from '../../common/loaders';
import { decodeCursor, toConnection } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import type { CheckInEntity } from '../checkins/check-in.entity';
import type { TherapySessionEntity } from '../sessions/therapy-session.entity';
import { AllianceDirection, CaseloadFilter, CaseloadSort, type CaseloadArgs, type CaseloadEntry } from './caseload.model';
import { CaseloadRepository, TREND_POINTS, type ActiveClientRow } from './caseload.repository';

const searchSchema = z.string().trim().max(100).nullable().optional();
const DAY = 86_400_000;

@Injectable()
export class CaseloadService {
  constructor(
    private readonly repository: CaseloadRepository,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
  ) {}

  /**
   * The therapist's active clients at a glance. A fixed number of statements whatever the caseload size:
   * one for the clients, then one per fact for all of them at once; flags are worked out in memory.
   */
  async caseload(viewer: Viewer, args: CaseloadArgs) {
    if (!Policy.holdCare(viewer)) throw forbidden('The caseload is for therapists.');
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const search = parseInput(searchSchema, args.search, ['search']) || null;
    const offset = after ? this.offsetFrom(after) : 0;

    let entries = await this.entries(viewer, await this.repository.activeClients(viewer.userId, search, null));
    entries = entries.filter(FILTERS[args.filter ?? CaseloadFilter.ALL]);
    entries.sort(SORTS[args.sort ?? CaseloadSort.NAME]);
    const rows = entries.slice(offset, offset + first + 1);
    await this.audit.recordMany(rows.slice(0, first).map((entry) => ({ action: 'caseload.read', actor: viewer, targetType: 'client', targetId: entry.client.id, subjectUserId: entry.client.id })));
    return toConnection(rows.map((entry, index) => ({ entry, position: offset + index + 1 })), first, (row) => [row.position], (row) => row.entry);
  }

  /** A client's record: the client themself, or their therapist (with the relationship at a glance). */
  async client(viewer: Viewer, rawId: string) {
    const id = parseInput(idSchema, rawId, ['id']);
    await this.care.assertCanSeeClient(viewer, id, 'That client');
    const therapistId = await this.care.currentTherapistId(id);
    let relationship: CaseloadEntry | null = null;
    let person: { displayName: string; email: string } | null = null;
    if (Policy.holdCare(viewer)) {
      const [row] = await this.repository.activeClients(viewer.userId, null, id);
      if (!row) throw notFound('That client');
      relationship = (await this.entries(viewer, [row], 50))[0] ?? null;
      person = row;
    }
    await this.audit.record({ action: 'client.read', actor: viewer, targetType: 'client', targetId: id, subjectUserId: id });
    return { id, person, relationship, therapistId };
  }

  private async entries(viewer: Viewer, clients: ActiveClientRow[], trendPoints = TREND_POINTS): Promise<CaseloadEntry[]> {
    if (clients.length === 0) return [];
    const ids = clients.map((client) => client.clientId);
    const now = new Date();
    const [next, lastMet, lastTwo, unread, activity, checkIns] = await Promise.all([
      this.repository.nextSessions(ids, now),
      this.repository.lastMetSessions(ids, now),
      this.repository.lastTwoPastStatuses(ids, now),
      this.repository.unreadShared(this.care.reflectionsFilter(viewer, 'r'), ids),
      this.repository.sharedActivity(this.care.reflectionsFilter(viewer, 'r'), ids, now),
      // The alliance is the relationship's own: check-ins about an earlier therapist stay with them.
      this.repository.recentCheckIns(this.care.relationshipFilter(viewer, 'c'), ids, trendPoints),
    ]);
    const nextBy = byClient(next);
    const lastBy = byClient(lastMet);
    const statusesBy = groupBy(lastTwo, (row) => row.clientId);
    const unreadBy = new Map(unread.map((row) => [row.clientId, row.count]));
    const activityBy = new Map(activity.map((row) => [row.clientId, row]));
    const checkInsBy = groupBy(checkIns, (row) => row.clientId);

    return clients.map((client) => {
      const recent = checkInsBy.get(client.clientId) ?? [];
      const last = lastBy.get(client.clientId) ?? null;
      const nextSession = nextBy.get(client.clientId) ?? null;
      return {
        client: { id: client.clientId, displayName: client.displayName },
        since: new Date(client.startedAt),
        nextSession,
        lastSession: last,
        daysSinceLastSession: last ? Math.floor((now.getTime() - last.startsAt.getTime()) / DAY) : null,
        unreadSharedReflections: unreadBy.get(client.clientId) ?? 0,
        alliance: alliance(recent),
        flags: caseloadFlags({
          now,
          hasUpcomingSession: nextSession !== null,
          lastMetAt: last?.startsAt ?? null,
          lastTwoPastStatuses: (statusesBy.get(client.clientId) ?? []).map((row) => row.status),
          recentCheckIns: recent,
          sharedReflectionsLast30Days: activityBy.get(client.clientId)?.recent ?? 0,
          sharedReflectionsDays30To90: activityBy.get(client.clientId)?.earlier ?? 0,
          startedAt: new Date(client.startedAt),
        }),
      };
    });
  }

  private offsetFrom(cursor: string) {
    const [position] = decodeCursor(cursor) ?? [];
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) throw badInput([{ path: ['after'], message: 'That cursor is not one we gave out.' }]);
    return position;
  }
}

function byClient(sessions: TherapySessionEntity[]) {
  return new Map(sessions.map((session) => [session.clientId, session]));
}

function alliance(newestFirst: CheckInEntity[]) {
  return {
    latest: newestFirst[0] ?? null,
    trend: [...newestFirst].reverse().map((c) => ({ at: c.createdAt, bond: c.bond, goals: c.goals, approach: c.approach, overall: c.overall })),
    direction: allianceDirection(newestFirst.map((c) => c.overall)) as AllianceDirection | null,
  };
}

const FILTERS: Record<CaseloadFilter, (entry: CaseloadEntry) => boolean> = {
  ALL: () => true,
  FLAGGED: (entry) => entry.flags.length > 0,
  NO_UPCOMING_SESSION: (entry) => entry.nextSession === null,
  UNREAD_REFLECTIONS: (entry) => entry.unreadSharedReflections > 0,
};

const byName = (a: CaseloadEntry, b: CaseloadEntry) => a.client.displayName.localeCompare(b.client.displayName) || a.client.id.localeCompare(b.client.id);
const time = (session: unknown, missing: number) => (session as TherapySessionEntity | null)?.startsAt.getTime() ?? missing;

const SORTS: Record<CaseloadSort, (a: CaseloadEntry, b: CaseloadEntry) => number> = {
  NAME: byName,
  NEXT_SESSION: (a, b) => time(a.nextSession, Infinity) - time(b.nextSession, Infinity) || byName(a, b),
  LAST_SESSION: (a, b) => time(b.lastSession, -Infinity) - time(a.lastSession, -Infinity) || byName(a, b),
  ATTENTION: (a, b) => b.flags.length - a.flags.length || byName(a, b),
};
