import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext } from '../../common/auth/viewer';
import { unauthenticated } from '../../common/errors';
import { PageArgs } from '../../common/pagination';
import { ArticleRecipient, SharedArticle, SharedArticleConnection } from './article.model';
import { ShareArticleInput } from './dto/article.inputs';
import { SharedArticlesService } from './shared-articles.service';

const viewerOf = (ctx: RequestContext) => {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
};

@Resolver(() => SharedArticle)
export class SharedArticlesResolver {
  constructor(private readonly service: SharedArticlesService) {}

  @RequireScope('content:write')
  @Mutation(() => SharedArticle, { description: 'Therapists: sends a published article to a client in your care, with a note only the two of you see.' })
  shareArticle(@Args('input', { description: 'The article, the client, and your note.' }) input: ShareArticleInput, @Context() ctx: RequestContext) {
    return this.service.share(viewerOf(ctx), input);
  }

  @RequireScope('content:read')
  @Query(() => SharedArticleConnection, {
    description: 'Articles your therapist sent you, newest first. A therapist passes `clientId` to see what they sent that client. An article that is no longer published leaves the list.',
  })
  sharedArticles(@Args() page: PageArgs, @Args('clientId', { type: () => ID, nullable: true, description: 'Therapists: a client in your care (needed). Clients leave it out and see their own.' }) clientId: string | null, @Context() ctx: RequestContext) {
    return this.service.list(viewerOf(ctx), { ...page, clientId });
  }

  @RequireScope('caseload:read')
  @Query(() => [ArticleRecipient], { description: 'Therapists: the clients you can send an article to (those in your care now), by name.' })
  articleRecipients(@Context() ctx: RequestContext) {
    return this.service.recipients(viewerOf(ctx));
  }
}
