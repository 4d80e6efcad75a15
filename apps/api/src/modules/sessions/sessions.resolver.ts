import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadScope, RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { loaderFor } from '../../common/loaders';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { PeopleService } from '../users/people.service';
import { Person } from '../users/user.model';
import { ScheduleSessionInput, SessionsArgs } from './dto/sessions.inputs';
import { Session, SessionConnection, SessionNote } from './session.model';
import { SessionsService } from './sessions.service';
import type { TherapySessionEntity } from './therapy-session.entity';

@Resolver(() => Session)
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
    private readonly people: PeopleService,
  ) {}

  @RequireScope('sessions:read')
  @Query(() => SessionConnection, { name: 'sessions', description: 'Sessions, earliest start first: a client’s own, or a therapist’s with clients in their care.' })
  listSessions(@Args() args: SessionsArgs, @Context() ctx: RequestContext) {
    return this.sessions.list(ctx.viewer!, args);
  }

  @RequireScope('sessions:read')
  @Query(() => Session, { description: 'One session, if you may see it.' })
  session(@Args('id', { type: () => ID, description: 'The session’s id.' }) id: string, @Context() ctx: RequestContext) {
    return this.sessions.get(ctx.viewer!, id);
  }

  @ResolveField(() => Person, { description: 'The client the session is with.' })
  client(@Parent() session: TherapySessionEntity, @Context() ctx: RequestContext) {
    return this.people.load(ctx, session.clientId);
  }

  @ResolveField(() => Person, { description: 'The therapist who holds the session.' })
  therapist(@Parent() session: TherapySessionEntity, @Context() ctx: RequestContext) {
    return this.people.load(ctx, session.therapistId);
  }

  @ReadScope('sessions:read')
  @ResolveField(() => String, { nullable: true, description: 'What the client would like to talk about. The client and the therapist who holds the session can read it.' })
  async agenda(@Parent() session: TherapySessionEntity, @Context() ctx: RequestContext) {
    return (await this.care.canSeeWords(ctx.viewer!, session)) ? session.agenda : null;
  }

  @ResolveField(() => String, { nullable: true })
  async cancelReason(@Parent() session: TherapySessionEntity, @Context() ctx: RequestContext) {
    return (await this.care.canSeeWords(ctx.viewer!, session)) ? session.cancelReason : null;
  }

  @ReadScope('notes:read')
  @ResolveField(() => SessionNote, { nullable: true, description: 'The private note: only the therapist who wrote it can read it; null for everyone else.' })
  async note(@Parent() session: TherapySessionEntity, @Context() ctx: RequestContext) {
    const viewer = ctx.viewer!;
    // Clients and admins never reach the query.
    if (!Policy.holdCare(viewer)) return null;
    const note = await loaderFor(ctx, 'session-notes', (ids) => this.sessions.notesBySession(ids)).load(session.id);
    if (!note || !(await this.care.canSeeNote(viewer, note, session))) return null;
    await this.audit.record({ action: 'session_note.read', actor: viewer, targetType: 'session', targetId: session.id, subjectUserId: session.clientId });
    return note;
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session, { description: 'Therapists: schedule a session with a client in their care. Double-booking is refused with CONFLICT.' })
  scheduleSession(@Args('input', { description: 'The client, the time and how it takes place.' }) input: ScheduleSessionInput, @Context() ctx: RequestContext) {
    return this.sessions.schedule(ctx.viewer!, input);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session, { description: 'Therapists: move a scheduled session.' })
  rescheduleSession(
    @Args('id', { type: () => ID, description: 'A scheduled session you hold.' }) id: string,
    @Args('startsAt', { description: 'The new start: ISO 8601 with offset, e.g. 2026-12-01T15:00:00Z.' }) startsAt: string,
    @Args('endsAt', { description: 'The new end: ISO 8601 with offset, after `startsAt` and at most 240 minutes later.' }) endsAt: string,
    @Context() ctx: RequestContext,
  ) {
    return this.sessions.reschedule(ctx.viewer!, { id, startsAt, endsAt });
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session, { description: 'Cancel a scheduled session with a reason both people can read. Therapists and their clients.' })
  cancelSession(@Args('id', { type: () => ID, description: 'A scheduled session: one you hold, or (clients) one of your own.' }) id: string, @Args('reason', { description: 'Why, in your own words (up to 500 characters). The client and the therapist can both read it.' }) reason: string, @Context() ctx: RequestContext) {
    return this.sessions.cancel(ctx.viewer!, { id, reason });
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session, { description: 'Therapists: mark a session that has taken place as completed. The client can then check in.' })
  completeSession(@Args('id', { type: () => ID, description: 'A scheduled session you hold that has started.' }) id: string, @Context() ctx: RequestContext) {
    return this.sessions.complete(ctx.viewer!, id);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session, { description: 'Therapists: mark a session the client did not attend.' })
  markSessionNoShow(@Args('id', { type: () => ID, description: 'A scheduled session you hold whose start time has come.' }) id: string, @Context() ctx: RequestContext) {
    return this.sessions.markNoShow(ctx.viewer!, id);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session, { description: 'Clients: note what you would like to talk about in an upcoming session (null clears it).' })
  setSessionAgenda(
    @Args('sessionId', { type: () => ID, description: 'An upcoming scheduled session of your own.' }) sessionId: string,
    @Args('agenda', { type: () => String, nullable: true, description: 'What you would like to talk about, up to 2,000 characters; null or empty clears it.' }) agenda: string | null,
    @Context() ctx: RequestContext,
  ) {
    return this.sessions.setAgenda(ctx.viewer!, sessionId, agenda);
  }

  @RequireScope('notes:write')
  @Mutation(() => Session, { description: 'Therapists: write or replace your private note on a session you held, until it is signed.' })
  writeSessionNote(@Args('sessionId', { type: () => ID, description: 'A session you hold, with a client in your care.' }) sessionId: string, @Args('body', { description: 'The note, up to 20,000 characters. It replaces what was there.' }) body: string, @Context() ctx: RequestContext) {
    return this.sessions.writeNote(ctx.viewer!, sessionId, body);
  }

  @RequireScope('notes:write')
  @Mutation(() => Session, { description: 'Therapists: sign your note. It is then locked.' })
  signSessionNote(@Args('sessionId', { type: () => ID, description: 'The session whose note to sign: one you hold, with a client in your care.' }) sessionId: string, @Context() ctx: RequestContext) {
    return this.sessions.signNote(ctx.viewer!, sessionId);
  }

  @RequireScope('notes:write')
  @Mutation(() => Session, { description: 'Therapists: add a dated addendum to your signed note.' })
  addSessionNoteAddendum(@Args('sessionId', { type: () => ID, description: 'The session whose signed note to add to.' }) sessionId: string, @Args('body', { description: 'What to add, up to 20,000 characters.' }) body: string, @Context() ctx: RequestContext) {
    return this.sessions.addAddendum(ctx.viewer!, sessionId, body);
  }
}
