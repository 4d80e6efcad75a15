import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { idSchema, pageArgsSchema } from '@attune/domain';
import type { RequestContext } from '../../common/auth/viewer';
import { parseInput } from '../../common/errors';
import { parseAfter, toConnection } from '../../common/pagination';
import { assertPolicy, Policy } from '../../common/policy/policy';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventConnection, AuditEventsArgs } from './audit.models';
import { ClosedToTokens } from '../../common/auth/scope.decorator';
import { AuditService } from './audit.service';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @ClosedToTokens()
  @Query(() => AuditEventConnection, { description: 'Admins: the audit trail, newest first, by person and date.' })
  async auditEvents(@Args() args: AuditEventsArgs, @Context() ctx: RequestContext) {
    assertPolicy(Policy.readAudit(ctx.viewer!));
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const qb = this.dataSource.getRepository(AuditEventEntity).createQueryBuilder('e').orderBy('e.id', 'DESC').limit(first + 1);
    if (args.userId) {
      const userId = parseInput(idSchema, args.userId, ['userId']);
      qb.andWhere('(e.actor_id = :userId OR e.subject_user_id = :userId)', { userId });
    }
    if (args.from) qb.andWhere('e.occurred_at >= :from', { from: args.from });
    if (args.to) qb.andWhere('e.occurred_at < :to', { to: args.to });
    const cursor = parseAfter(after, ['serial']);
    if (cursor) qb.andWhere('e.id < :id', { id: cursor[0] });
    const rows = await qb.getMany();
    // The trail says whose records were touched: reading it is itself on the record (one row per page).
    await this.audit.record({
      action: 'audit_events.read',
      actor: ctx.viewer,
      targetType: 'audit_events',
      targetId: args.userId ?? null,
      subjectUserId: args.userId ?? null,
      metadata: { count: Math.min(rows.length, first), firstId: rows[0]?.id ?? null, lastId: rows[Math.min(rows.length, first) - 1]?.id ?? null },
    });
    return toConnection(rows, first, (row) => [row.id], (row) => row);
  }
}
