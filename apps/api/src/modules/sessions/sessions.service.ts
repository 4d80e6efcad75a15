import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  cancelSessionSchema,
  idSchema,
  pageArgsSchema,
  rescheduleSessionSchema,
  scheduleSessionSchema,
  sessionAgendaSchema,
  sessionNoteSchema,
} from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { conflict, forbidden, notFound, parseInput } from '../../common/errors';
import { groupBy } from '../../common/loaders';
import { parseAfter, toConnection } from '../../common/pagination';
import { parseUpdatedSince } from '../../common/updated-since';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { RemindersService } from '../reminders/reminders.service';
import { UsersRepository } from '../users/users.repository';
import { SessionsRepository } from './sessions.repository';
import type { TherapySessionEntity } from './therapy-session.entity';
import type { SessionsArgs } from './dto/sessions.inputs';

const NOT_FOUND = 'That session';

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersRepository,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
    private readonly reminders: RemindersService,
  ) {}

  // ---- reads -------------------------------------------------------------------------------------

  async list(viewer: Viewer, args: SessionsArgs) {
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const updatedSince = parseUpdatedSince(args.updatedSince);
    if (!Policy.readClinical(viewer)) throw forbidden('Admins do not see clinical records.');
    // One client's sessions, whoever held them (dates and statuses); or all of the viewer's own.
    const visible = args.clientId ? this.care.clientsFilter(viewer, 's.client_id') : this.care.relationshipFilter(viewer, 's');
    const clientId = args.clientId ? parseInput(idSchema, args.clientId, ['clientId']) : null;
    if (clientId) await this.care.assertCanSeeClient(viewer, clientId, 'That client');
    const cursor = parseAfter(after, ['time', 'id']);
    const rows = await this.sessions.list({ visible, first, after: cursor, updatedSince, clientId, from: args.from ?? null, to: args.to ?? null });
    const page = rows.slice(0, first);
    await this.audit.recordMany(page.map(({ row }) => ({ action: 'session.read', actor: viewer, targetType: 'session', targetId: row.id, subjectUserId: row.clientId })));
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => row);
  }

  async get(viewer: Viewer, rawId: string) {
    const id = parseInput(idSchema, rawId, ['id']);
    const session = await this.sessions.findById(id);
    if (!session || !(await this.care.canSeeRecord(viewer, session))) throw await this.care.refuse(viewer, 'session', id, NOT_FOUND);
    await this.audit.record({ action: 'session.read', actor: viewer, targetType: 'session', targetId: id, subjectUserId: session.clientId });
    return session;
  }

  /** Notes for many sessions in one query (for the `note` field). */
  async notesBySession(sessionIds: readonly string[]) {
    const { notes, addenda } = await this.sessions.notesOf(sessionIds);
    const byNote = groupBy(addenda, (a) => a.noteId);
    return new Map(notes.map((note) => [note.sessionId, { ...note, addenda: byNote.get(note.id) ?? [] }]));
  }

  // ---- scheduling ---------------------------------------------------------------------------------

  async schedule(viewer: Viewer, input: unknown) {
    if (!Policy.holdCare(viewer)) throw forbidden('Therapists schedule sessions with their clients.');
    const data = parseInput(scheduleSessionSchema, input);
    await this.care.assertCanSeeClient(viewer, data.clientId, 'That client');
    return this.dataSource.transaction(async (manager) => {
      await this.care.assertAccountOpen(manager, data.clientId);
      const startsAt = new Date(data.startsAt);
      const endsAt = new Date(data.endsAt);
      await this.assertFree(manager, viewer.userId, data.clientId, startsAt, endsAt, null);
      const session = await this.sessions.insert(manager, {
        clientId: data.clientId,
        therapistId: viewer.userId,
        startsAt,
        endsAt,
        modality: data.modality,
        joinDetails: data.joinDetails ?? null,
        status: 'SCHEDULED',
      });
      await this.audit.record({ action: 'session.scheduled', actor: viewer, targetType: 'session', targetId: session.id, subjectUserId: session.clientId }, manager);
      // The reminder job is written in this transaction: it exists exactly when the session does.
      await this.reminders.planSession(manager, session);
      return session;
    });
  }

  async reschedule(viewer: Viewer, input: unknown) {
    const data = parseInput(rescheduleSessionSchema, input);
    return this.changeScheduled(viewer, data.id, 'session.rescheduled', async (manager, session) => {
      const startsAt = new Date(data.startsAt);
      const endsAt = new Date(data.endsAt);
      await this.assertFree(manager, session.therapistId, session.clientId, startsAt, endsAt, session.id);
      return { startsAt, endsAt };
    });
  }

  /** Therapists and clients may cancel an upcoming session, with a reason both can read. */
  async cancel(viewer: Viewer, input: unknown) {
    const { id, reason } = parseInput(cancelSessionSchema, input);
    return this.changeScheduled(viewer, id, 'session.cancelled', async () => ({ status: 'CANCELLED', cancelReason: reason, cancelledBy: viewer.userId }), true);
  }

  async complete(viewer: Viewer, rawId: string) {
    return this.changeScheduled(viewer, parseInput(idSchema, rawId, ['id']), 'session.completed', async (_m, session) => {
      if (session.startsAt > new Date()) throw conflict('A session can be marked completed once it has started.');
      return { status: 'COMPLETED' };
    });
  }

  async markNoShow(viewer: Viewer, rawId: string) {
    return this.changeScheduled(viewer, parseInput(idSchema, rawId, ['id']), 'session.no_show', async (_m, session) => {
      if (session.startsAt > new Date()) throw conflict('A session can be marked as missed once its time has come.');
      return { status: 'NO_SHOW' };
    });
  }

  /** Loads a scheduled session under lock, checks who may change it, applies the change and audits it, in one transaction. */
  private async changeScheduled(
    viewer: Viewer,
    id: string,
    action: string,
    change: (manager: EntityManager, session: TherapySessionEntity) => Promise<Partial<TherapySessionEntity>>,
    clientMayDoIt = false,
  ) {
    // Who may change it is decided before the transaction: policy reads use their own connection.
    const found = await this.sessions.findById(id);
    if (!found || !(await this.care.canSeeRecord(viewer, found))) throw await this.care.refuse(viewer, 'session', id, NOT_FOUND);
    const isTherapist = Policy.holdsSession(viewer, found);
    if (!isTherapist && !(clientMayDoIt && viewer.userId === found.clientId)) throw forbidden('Only the therapist who holds this session can change it.');
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lock(manager, id);
      if (session.status !== 'SCHEDULED') throw conflict('This session is no longer scheduled, so it cannot be changed.');
      const updates = await change(manager, session);
      await this.sessions.update(manager, id, updates);
      await this.audit.record({ action, actor: viewer, targetType: 'session', targetId: id, subjectUserId: session.clientId }, manager);
      const changed = await this.sessions.getById(manager, id);
      // Moved: the reminder moves with it. Cancelled, held or missed: it goes.
      await this.reminders.planSession(manager, changed);
      return changed;
    });
  }

  /**
   * Refuses double-booking for the therapist and for the client. The therapist's row is locked first,
   * so two bookings for the same therapist are checked one after the other, never side by side.
   */
  private async assertFree(manager: EntityManager, therapistId: string, clientId: string, startsAt: Date, endsAt: Date, exceptId: string | null) {
    await this.users.lock(manager, therapistId);
    const overlap = await this.sessions.overlapping(manager, { therapistId, clientId, startsAt, endsAt, exceptId });
    if (overlap) {
      const clashesWith = overlap.therapistId === therapistId ? 'THERAPIST' : 'CLIENT';
      const startsAt = overlap.startsAt.toISOString();
      const endsAt = overlap.endsAt.toISOString();
      const who = clashesWith === 'THERAPIST' ? 'You already have' : 'This client already has';
      // The times travel apart from the words, so a reader can say them in their own time zone.
      throw conflict(`${who} a session from ${startsAt} to ${endsAt}. Please choose another time.`, 'SESSION_OVERLAP', { clashesWith, startsAt, endsAt });
    }
  }

  // ---- the client's agenda -------------------------------------------------------------------------

  async setAgenda(viewer: Viewer, rawId: string, rawAgenda: unknown) {
    const id = parseInput(idSchema, rawId, ['sessionId']);
    const agenda = rawAgenda === null || rawAgenda === '' ? null : parseInput(sessionAgendaSchema, rawAgenda, ['agenda']);
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findById(id, manager);
      if (!session || session.clientId !== viewer.userId) throw notFound(NOT_FOUND);
      if (session.status !== 'SCHEDULED' || session.endsAt < new Date()) throw conflict('The agenda can be changed before an upcoming session.');
      await this.sessions.update(manager, id, { agenda });
      await this.audit.record({ action: 'session.agenda_written', actor: viewer, targetType: 'session', targetId: id, subjectUserId: session.clientId }, manager);
      return this.sessions.getById(manager, id);
    });
  }

  // ---- private notes -------------------------------------------------------------------------------

  /** Writes or replaces the therapist's own note, until it is signed. */
  async writeNote(viewer: Viewer, rawSessionId: string, rawBody: unknown) {
    const body = parseInput(sessionNoteSchema, rawBody, ['body']);
    return this.withOwnSession(viewer, rawSessionId, 'session_note.written', async (manager, session) => {
      const note = await this.sessions.noteOf(manager, session.id);
      if (note?.signedAt) throw conflict('This note is signed and locked. Please add an addendum instead.');
      if (note) await this.sessions.updateNote(manager, note.id, { body });
      else await this.sessions.insertNote(manager, { sessionId: session.id, authorId: viewer.userId, body });
    });
  }

  async signNote(viewer: Viewer, rawSessionId: string) {
    return this.withOwnSession(viewer, rawSessionId, 'session_note.signed', async (manager, session) => {
      const note = await this.sessions.noteOf(manager, session.id);
      if (!note) throw conflict('There is no note to sign yet.');
      if (note.signedAt) throw conflict('This note is already signed.');
      await this.sessions.updateNote(manager, note.id, { signedAt: new Date() });
    });
  }

  async addAddendum(viewer: Viewer, rawSessionId: string, rawBody: unknown) {
    const body = parseInput(sessionNoteSchema, rawBody, ['body']);
    return this.withOwnSession(viewer, rawSessionId, 'session_note.addendum_added', async (manager, session) => {
      const note = await this.sessions.noteOf(manager, session.id);
      if (!note?.signedAt) throw conflict('Addenda are for signed notes. You can still edit this note directly.');
      await this.sessions.insertAddendum(manager, { noteId: note.id, authorId: viewer.userId, body });
    });
  }

  /** Notes belong to the therapist who holds the session, while the client is in their care. */
  private async withOwnSession(viewer: Viewer, rawSessionId: string, action: string, work: (manager: EntityManager, session: TherapySessionEntity) => Promise<void>) {
    const id = parseInput(idSchema, rawSessionId, ['sessionId']);
    const session = await this.sessions.findById(id);
    if (!session || !Policy.holdsSession(viewer, session) || !(await this.care.canSeeRecord(viewer, session))) {
      throw await this.care.refuse(viewer, 'session', id, NOT_FOUND);
    }
    await this.dataSource.transaction(async (manager) => {
      await work(manager, session);
      await this.audit.record({ action, actor: viewer, targetType: 'session', targetId: id, subjectUserId: session.clientId }, manager);
    });
    return session;
  }
}
