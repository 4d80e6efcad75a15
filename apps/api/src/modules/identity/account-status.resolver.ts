import { Args, Context, ID, Mutation, Resolver } from '@nestjs/graphql';
import { ClosedToTokens } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { AccountStatusService } from './account-status.service';

@Resolver()
export class AccountStatusResolver {
  constructor(private readonly status: AccountStatusService) {}

  @ClosedToTokens()
  @Mutation(() => Boolean, {
    description: "Admins: ends a person's access at once (sessions and API tokens); sign-in is refused until reactivated. Their history stays.",
  })
  deactivateUser(@Args('id', { type: () => ID, description: 'The person whose access ends: anyone in the practice but yourself.' }) id: string, @Context() ctx: RequestContext) {
    return this.status.deactivate(ctx.viewer!, id);
  }

  @ClosedToTokens()
  @Mutation(() => Boolean, { description: 'Admins: lets a deactivated person sign in again with their password.' })
  reactivateUser(@Args('id', { type: () => ID, description: 'A deactivated person. An account its owner closed cannot be reopened (CONFLICT).' }) id: string, @Context() ctx: RequestContext) {
    return this.status.reactivate(ctx.viewer!, id);
  }
}
