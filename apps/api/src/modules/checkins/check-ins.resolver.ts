import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadScope, RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { loaderFor } from '../../common/loaders';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { Session } from '../sessions/session.model';
import type { TherapySessionEntity } from '../sessions/therapy-session.entity';
import { PeopleService } from '../users/people.service';
import type { CheckInEntity } from './check-in.entity';
import { CheckIn, CheckInConnection, CheckInsArgs, SubmitCheckInInput } from './check-in.model';
import { CheckInsService } from './check-ins.service';

@Resolver(() => CheckIn)
export class CheckInsResolver {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly people: PeopleService,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
  ) {}

  @RequireScope('checkins:read')
  @Query(() => CheckInConnection, { name: 'checkIns', description: "Newest first: a client's own, or (therapists) a client's in their care. Never admins." })
  listCheckIns(@Args() args: CheckInsArgs, @Context() ctx: RequestContext) {
    return this.checkIns.list(ctx.viewer!, args);
  }

  @RequireScope('checkins:write')
  @Mutation(() => CheckIn, { description: 'Clients: check in after a completed session of your own, once. Scores are whole numbers 0–10.' })
  submitCheckIn(@Args('input', { description: 'The session, your four scores and an optional comment.' }) input: SubmitCheckInInput, @Context() ctx: RequestContext) {
    return this.checkIns.submit(ctx.viewer!, input);
  }

  @RequireScope('checkins:write')
  @Mutation(() => CheckIn, { description: "The client's therapist: say you read it and would like to talk about it next time. Closes its flag." })
  acknowledgeCheckIn(@Args('id', { type: () => ID, description: 'A check-in a client in your care gave about your sessions together.' }) id: string, @Context() ctx: RequestContext) {
    return this.checkIns.acknowledge(ctx.viewer!, id);
  }

  @ResolveField(() => String, { nullable: true })
  async comment(@Parent() checkIn: CheckInEntity, @Context() ctx: RequestContext) {
    if (checkIn.comment === null || !(await this.care.canSeeWords(ctx.viewer!, checkIn))) return null;
    // However the check-in was reached (a list, a session, the caseload's latest), reading its words is on record.
    await loaderFor(ctx, 'check-in-comments-read', async (keys) => {
      const read = keys.map((key) => key.split(' '));
      await this.audit.recordMany(read.map(([id, clientId]) => ({ action: 'check_in.comment_read', actor: ctx.viewer, targetType: 'check_in', targetId: id, subjectUserId: clientId })));
      return new Map(keys.map((key) => [key, true]));
    }).load(`${checkIn.id} ${checkIn.clientId}`);
    return checkIn.comment;
  }

  @ResolveField(() => String, { nullable: true, description: 'What the client sees once the therapist acknowledged the check-in, in Attune’s words.' })
  async acknowledgement(@Parent() checkIn: CheckInEntity, @Context() ctx: RequestContext) {
    if (!checkIn.acknowledgedAt) return null;
    const therapist = await this.people.load(ctx, checkIn.therapistId);
    return `${therapist?.displayName ?? 'Your therapist'} read your check-in and would like to talk about it next time.`;
  }
}

/** `Session.checkIn`, batched: the client and their therapist see it; nobody else reaches the session. */
@Resolver(() => Session)
export class SessionCheckInResolver {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
  ) {}

  @ReadScope('checkins:read', 'caseload:read')
  @ResolveField(() => CheckIn, { nullable: true, description: 'The client’s check-in for this session; null until they give one. It stays with the care relationship it was given in: after a hand-over the new therapist does not see it.' })
  checkIn(@Parent() session: TherapySessionEntity, @Context() ctx: RequestContext) {
    return loaderFor(ctx, 'check-ins-by-session', (keys) => this.visibleBySession(ctx, keys)).load(`${session.id} ${session.clientId}`);
  }

  /**
   * The check-ins of a response's sessions (keys `"<session id> <client id>"`) that the viewer may see: one
   * query and one audit insert however many sessions there are, and the policy asked once per client rather
   * than twice per session (a year of sessions on a client record made a hundred such checks). Only the
   * check-ins shown are recorded as read.
   */
  private async visibleBySession(ctx: RequestContext, keys: readonly string[]) {
    const viewer = ctx.viewer!;
    const sessions = keys.map((key) => ({ key, sessionId: key.split(' ')[0]!, clientId: key.split(' ')[1]! }));
    const visibleClients = new Set<string>();
    for (const clientId of new Set(sessions.map((session) => session.clientId))) {
      if (await this.care.canSeeRecord(viewer, { clientId })) visibleClients.add(clientId);
    }
    const reachable = sessions.filter((session) => visibleClients.has(session.clientId));
    const found = await this.checkIns.bySession(reachable.map((session) => session.sessionId));
    const shown = new Map<string, CheckInEntity>();
    for (const session of reachable) {
      const checkIn = found.get(session.sessionId);
      // A check-in rates one relationship: after a hand-over it stays with the therapist it was about.
      if (checkIn && (await this.care.canSeeWords(viewer, checkIn))) shown.set(session.key, checkIn);
    }
    await this.audit.recordMany([...shown.values()].map((row) => ({ action: 'check_in.read', actor: viewer, targetType: 'check_in', targetId: row.id, subjectUserId: row.clientId })));
    return shown;
  }
}
