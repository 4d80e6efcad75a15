import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { PeopleService } from '../users/people.service';
import { Person } from '../users/user.model';
import { CaseloadArgs, CaseloadConnection, Client } from './caseload.model';
import { CaseloadService } from './caseload.service';

type ClientRecord = Awaited<ReturnType<CaseloadService['client']>>;

@Resolver(() => Client)
export class CaseloadResolver {
  constructor(
    private readonly caseloadService: CaseloadService,
    private readonly people: PeopleService,
  ) {}

  @RequireScope('caseload:read')
  @Query(() => CaseloadConnection, { description: "The signed-in therapist's active clients at a glance: sessions, unread reflections, alliance and flags." })
  caseload(@Args() args: CaseloadArgs, @Context() ctx: RequestContext) {
    return this.caseloadService.caseload(ctx.viewer!, args, ctx);
  }

  @RequireScope('caseload:read')
  @Query(() => Client, { name: 'client', description: 'A client’s record: the client themself, or their therapist.' })
  getClient(@Args('id', { type: () => ID, description: 'The client’s id.' }) id: string, @Context() ctx: RequestContext) {
    return this.caseloadService.client(ctx.viewer!, id, ctx);
  }

  @ResolveField(() => String)
  async displayName(@Parent() record: ClientRecord, @Context() ctx: RequestContext) {
    return record.person?.displayName ?? (await this.people.load(ctx, record.id))?.displayName ?? '';
  }

  @ResolveField(() => String)
  async email(@Parent() record: ClientRecord, @Context() ctx: RequestContext) {
    return record.person?.email ?? (ctx.viewer?.userId === record.id ? (await this.people.email(record.id)) : '');
  }

  @ResolveField(() => Person, { nullable: true })
  therapist(@Parent() record: ClientRecord, @Context() ctx: RequestContext) {
    return record.therapistId ? this.people.load(ctx, record.therapistId) : null;
  }
}
