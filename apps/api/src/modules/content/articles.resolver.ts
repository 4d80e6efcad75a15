import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/public.decorator';
import { Article, ArticleConnection } from './article.model';
import { ArticlesService } from './articles.service';
import { ArticlesArgs } from './dto/articles.args';

@Resolver(() => Article)
export class ArticlesResolver {
  constructor(private readonly articlesService: ArticlesService) {}

  @Public()
  @Query(() => ArticleConnection, { description: 'Published articles, newest first. Anonymous callers see published articles only.' })
  articles(@Args() args: ArticlesArgs) {
    return this.articlesService.listPublic(args);
  }

  @Public()
  @Query(() => Article, { nullable: true, description: 'One published article by its slug; null when there is none.' })
  article(@Args('slug') slug: string) {
    return this.articlesService.findPublicBySlug(slug);
  }
}
