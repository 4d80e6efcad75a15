import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../common/auth/viewer';
import { unauthenticated } from '../../common/errors';
import { requestScope } from '../../common/request-context';
import {
  FirstConversationRequest,
  FirstConversationRequestConnection,
  FirstConversationRequestsArgs,
  RequestFirstConversationInput,
} from './first-conversation.model';
import { FirstConversationsService } from './first-conversations.service';
import { ClosedToTokens, Public } from '../../common/auth/scope.decorator';

/** No API-token scope: requests for a first conversation are read in the portal only. */
@Resolver(() => FirstConversationRequest)
export class FirstConversationsResolver {
  constructor(private readonly service: FirstConversationsService) {}

  @Public()
  @Mutation(() => Boolean, {
    description: 'Asks the practice for a first conversation. The admins are told; someone gets back to you the way you chose. Rate limited.',
  })
  async requestFirstConversation(@Args('input', { description: 'Who you are and how to reach you.' }) input: RequestFirstConversationInput) {
    await this.service.submit({ ...input }, requestScope.getStore()?.ip ?? 'unknown');
    return true;
  }

  @ClosedToTokens()
  @Query(() => FirstConversationRequestConnection, { description: 'Admins: requests for a first conversation, newest first.' })
  firstConversationRequests(@Args() args: FirstConversationRequestsArgs, @Context() ctx: RequestContext) {
    if (!ctx.viewer) throw unauthenticated();
    return this.service.list(ctx.viewer, args);
  }

  @ClosedToTokens()
  @Mutation(() => FirstConversationRequest, { description: 'Admins: notes that someone got back to this person.' })
  markFirstConversationRequestHandled(@Args('id', { type: () => ID, description: 'The request someone got back to.' }) id: string, @Context() ctx: RequestContext) {
    if (!ctx.viewer) throw unauthenticated();
    return this.service.markHandled(ctx.viewer, id);
  }
}
