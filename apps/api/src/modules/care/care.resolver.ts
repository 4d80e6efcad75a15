import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/auth/viewer';
import { ClinicalAccessAccount, PracticeMemberConnection, PracticeMembersArgs } from './care.models';
import { CareService } from './care.service';
import { ClosedToTokens } from '../../common/auth/scope.decorator';

@Resolver()
export class CareResolver {
  constructor(private readonly care: CareService) {}

  @ClosedToTokens()
  @Query(() => PracticeMemberConnection, { description: 'Admins: people in the practice, by name, with each client’s current therapist.' })
  practiceMembers(@Args() args: PracticeMembersArgs, @Context() ctx: RequestContext) {
    return this.care.members(ctx.viewer!, args);
  }

  @ClosedToTokens()
  @Query(() => [ClinicalAccessAccount], {
    description: 'Admins: therapist accounts of your own (ones you invited, with your name or email) that have clients: through them you have clinical access. Assignments to them are flagged selfAssigned in the audit trail.',
  })
  myClinicalAccess(@Context() ctx: RequestContext) {
    return this.care.clinicalAccess(ctx.viewer!);
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, { description: 'Admins: put a client in a therapist’s care; any current relationship ends (a hand-over).' })
  async assignClient(
    @Args('clientId', { type: () => ID, description: 'The client to place in care.' }) clientId: string,
    @Args('therapistId', { type: () => ID, description: 'The therapist who will care for them: an active therapist account.' }) therapistId: string,
    @Context() ctx: RequestContext,
  ) {
    await this.care.assign(ctx.viewer!, clientId, therapistId);
    return true;
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, { description: 'Admins: end a client’s current care relationship.' })
  endCare(@Args('clientId', { type: () => ID, description: 'The client whose current care relationship ends.' }) clientId: string, @Context() ctx: RequestContext) {
    return this.care.end(ctx.viewer!, clientId);
  }
}
