import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { idSchema, pageArgsSchema } from '@attune/domain';
import type { RequestContext } from '../../common/auth/viewer';
import { parseInput } from '../../common/errors';
import { toConnection } from '../../common/pagination';
import { assertPolicy, Policy } from '../../common/policy/policy';
import { AuditEventConnection, AuditEventsArgs } from './audit.models';
import { ClosedToTokens } from '../../common/auth/scope.decorator';
import { AuditService } from './audit.service';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @ClosedToTokens()
  @Query(() => AuditEventConnection, { description: 'Admins: the audit trail, newest first, by person and date.' })
  async auditEvents(@Args() args: AuditEventsArgs, @Context() ctx: RequestContext) {
    assertPolicy(Policy.readAudit(ctx.viewer!));
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const userId = args.userId ? parseInput(idSchema, args.userId, ['userId']) : null;
    const rows = await this.audit.listEvents({ first, after, userId, from: args.from ?? null, to: args.to ?? null });
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
