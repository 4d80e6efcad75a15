import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allianceConcerns, idSchema, pageArgsSchema, submitCheckInSchema } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { conflict, forbidden, notFound, parseInput } from '../../common/errors';
import { parseAfter, toConnection } from '../../common/pagination';
import { parseUpdatedSince } from '../../common/updated-since';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { CheckInsRepository } from './check-ins.repository';
import type { CheckInsArgs } from './check-in.model';

/** How many earlier check-ins make the "recent average" a fall is measured against. */
const RECENT_WINDOW = 3;

@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly checkIns: CheckInsRepository,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
  ) {}

  /** For a completed session of the client's own, once per session. Concerns are worked out as it is saved. */
  async submit(viewer: Viewer, input: unknown) {
    if (!Policy.writeAsClient(viewer)) throw forbidden('Check-ins are for clients.');
    const data = parseInput(submitCheckInSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.checkIns.lockSession(manager, data.sessionId);
      if (!session || session.clientId !== viewer.userId) throw notFound('That session');
      if (session.status !== 'COMPLETED') throw conflict('A check-in is for a session that has taken place.');
      if (await this.checkIns.existsForSession(manager, session.id)) throw conflict('You have already checked in for this session. Thank you.');
      const earlier = await this.checkIns.latestOfClient(manager, viewer.userId, RECENT_WINDOW);
      const checkIn = await this.checkIns.insert(manager, {
          sessionId: session.id,
          clientId: viewer.userId,
          therapistId: session.therapistId,
          bond: data.bond,
          goals: data.goals,
          approach: data.approach,
          overall: data.overall,
          comment: data.comment ?? null,
          concernReasons: allianceConcerns(data, earlier.map((row) => row.overall)),
      });
      await this.audit.record({ action: 'check_in.submitted', actor: viewer, targetType: 'check_in', targetId: checkIn.id, subjectUserId: viewer.userId }, manager);
      return checkIn;
    });
  }

  /** The therapist read it and will talk about it next time: the client sees this, and the flag closes. */
  async acknowledge(viewer: Viewer, rawId: string) {
    const id = parseInput(idSchema, rawId, ['id']);
    const checkIn = await this.checkIns.findById(id);
    if (!checkIn || !Policy.holdCare(viewer) || !(await this.care.canSeeWords(viewer, checkIn))) throw await this.care.refuse(viewer, 'check_in', id, 'That check-in');
    return this.dataSource.transaction(async (manager) => {
      if (!checkIn.acknowledgedAt) {
        checkIn.acknowledgedAt = new Date();
        await this.checkIns.markAcknowledged(manager, id, checkIn.acknowledgedAt);
      }
      await this.audit.record({ action: 'check_in.acknowledged', actor: viewer, targetType: 'check_in', targetId: id, subjectUserId: checkIn.clientId }, manager);
      return checkIn;
    });
  }

  async list(viewer: Viewer, args: CheckInsArgs) {
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const updatedSince = parseUpdatedSince(args.updatedSince);
    if (!Policy.readClinical(viewer)) throw forbidden('Admins do not read check-ins.');
    // Therapists name the client; a client always reads their own.
    const clientId = Policy.writeAsClient(viewer) && !args.clientId ? viewer.userId : parseInput(idSchema, args.clientId, ['clientId']);
    await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    const rows = await this.checkIns.listOfClient({
      clientId,
      visible: this.care.relationshipFilter(viewer, 'c'),
      first,
      after: parseAfter(after, ['time', 'id']),
      updatedSince,
    });
    await this.audit.recordMany(rows.slice(0, first).map(({ row }) => ({ action: 'check_in.read', actor: viewer, targetType: 'check_in', targetId: row.id, subjectUserId: row.clientId })));
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => row);
  }

  async bySession(sessionIds: readonly string[]) {
    const rows = await this.checkIns.forSessions(sessionIds);
    return new Map(rows.map((row) => [row.sessionId, row]));
  }
}
