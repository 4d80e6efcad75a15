import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, RequireScope } from '../../common/auth/scope.decorator';
import type { RequestContext, Viewer } from '../../common/auth/viewer';
import { unauthenticated } from '../../common/errors';
import { PageArgs } from '../../common/pagination';
import { Policy } from '../../common/policy/policy';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { Article, ArticleAuthorOption, ArticleConnection, ArticleRevisionConnection, ArticleTag, SiteInfo } from './article.model';
import { ArticlesService } from './articles.service';
import { AdminArticlesArgs, CreateArticleInput, UpdateArticleInput } from './dto/article.inputs';
import { ArticlesArgs } from './dto/articles.args';
import { renderMarkdown } from './markdown';

const viewerOf = (ctx: RequestContext): Viewer => {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
};

/** Thin: the service decides, the policy says who may. */
@Resolver(() => Article)
export class ArticlesResolver {
  constructor(
    private readonly articlesService: ArticlesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Query(() => ArticleConnection, { description: 'Published articles, newest first. Anonymous callers see published articles only.' })
  articles(@Args() args: ArticlesArgs) {
    return this.articlesService.listPublic(args);
  }

  @Public()
  @Query(() => Article, {
    nullable: true,
    description: 'One published article by its slug, or by an old slug it used to have (its `slug` is then the current one); null when there is none.',
  })
  article(@Args('slug', { description: 'The part of the address after /articles/: the current one, or one the article used to have.' }) slug: string) {
    return this.articlesService.findPublicBySlug(slug);
  }

  @Public()
  @Query(() => [ArticleTag], { description: 'The topics of published articles, alphabetically, with how many carry each.' })
  articleTags() {
    return this.articlesService.publicTags();
  }

  @Public()
  @Query(() => SiteInfo, { description: 'What the public site says: the practice name and its crisis resources.' })
  siteInfo(): SiteInfo {
    return { practiceName: this.config.PRACTICE_NAME, crisisHtml: renderMarkdown(this.config.CRISIS_TEXT) };
  }

  @RequireScope('content:read')
  @Query(() => ArticleConnection, {
    description: 'Articles in every state, most recently changed first: admins see all of them, a therapist the ones they are named author of.',
  })
  adminArticles(@Args() args: AdminArticlesArgs, @Context() ctx: RequestContext) {
    return this.articlesService.listForEditors(viewerOf(ctx), args);
  }

  @RequireScope('content:read')
  @Query(() => Article, { description: 'One article in any state, for its editors: admins, and its author.' })
  adminArticle(@Args('id', { type: () => ID, description: 'The article’s id.' }) id: string, @Context() ctx: RequestContext) {
    return this.articlesService.findForEditor(viewerOf(ctx), id);
  }

  @RequireScope('content:read')
  @Query(() => ArticleRevisionConnection, { description: 'The saved revisions of an article, newest first.' })
  articleRevisions(@Args('articleId', { type: () => ID, description: 'The article whose revisions to list.' }) articleId: string, @Args() page: PageArgs, @Context() ctx: RequestContext) {
    return this.articlesService.listRevisions(viewerOf(ctx), articleId, page);
  }

  @RequireScope('content:read')
  @Query(() => [ArticleAuthorOption], { description: 'Admins: who can be named as an article’s author: the practice’s active admins and therapists, by name.' })
  articleAuthors(@Context() ctx: RequestContext) {
    return this.articlesService.authorOptions(viewerOf(ctx));
  }

  @RequireScope('content:read')
  @Query(() => String, { description: 'Admins: Markdown rendered through the same sanitized pipeline as a saved article, for a live preview.' })
  previewMarkdown(@Args('markdown', { description: 'Markdown to render, up to 100,000 characters.' }) markdown: string, @Context() ctx: RequestContext) {
    return this.articlesService.preview(viewerOf(ctx), markdown);
  }

  @RequireScope('content:write')
  @Mutation(() => Article, { description: 'Admins: writes a new draft. Keeps its first revision.' })
  createArticle(@Args('input', { description: 'The new article.' }) input: CreateArticleInput, @Context() ctx: RequestContext) {
    return this.articlesService.create(viewerOf(ctx), input);
  }

  @RequireScope('content:write')
  @Mutation(() => Article, { description: 'Admins: saves changes and keeps a revision. A stale `input.version` is refused with CONFLICT.' })
  updateArticle(@Args('id', { type: () => ID, description: 'The article to change.' }) id: string, @Args('input', { description: 'The changes, and the version you loaded.' }) input: UpdateArticleInput, @Context() ctx: RequestContext) {
    return this.articlesService.update(viewerOf(ctx), id, input);
  }

  @RequireScope('content:write')
  @Mutation(() => Article, { description: 'Admins: publishes now, or schedules it when `at` is in the future. With `version`, a stale copy gets CONFLICT.' })
  publishArticle(
    @Args('id', { type: () => ID, description: 'The article to publish.' }) id: string,
    @Args('at', { type: () => Date, nullable: true, description: 'When it goes public: now when left out; a future time schedules it. A time more than a minute past is refused.' }) at: Date | null,
    @Args('version', { type: () => Int, nullable: true, description: 'The `version` you loaded; a stale one is refused with CONFLICT. Left out, the change is made whatever the version.' }) version: number | null,
    @Context() ctx: RequestContext,
  ) {
    return this.articlesService.publish(viewerOf(ctx), id, at, version);
  }

  @RequireScope('content:write')
  @Mutation(() => Article, { description: 'Admins: takes a published or scheduled article back to a draft.' })
  unpublishArticle(
    @Args('id', { type: () => ID, description: 'The article to take back to a draft.' }) id: string,
    @Args('version', { type: () => Int, nullable: true, description: 'The `version` you loaded; a stale one is refused with CONFLICT. Left out, the change is made whatever the version.' }) version: number | null,
    @Context() ctx: RequestContext,
  ) {
    return this.articlesService.unpublish(viewerOf(ctx), id, version);
  }

  @RequireScope('content:write')
  @Mutation(() => Article, { description: 'Admins: withdraws an article from the site and from the editors’ working list.' })
  archiveArticle(
    @Args('id', { type: () => ID, description: 'The article to archive.' }) id: string,
    @Args('version', { type: () => Int, nullable: true, description: 'The `version` you loaded; a stale one is refused with CONFLICT. Left out, the change is made whatever the version.' }) version: number | null,
    @Context() ctx: RequestContext,
  ) {
    return this.articlesService.archive(viewerOf(ctx), id, version);
  }

  @RequireScope('content:write')
  @Mutation(() => Article, { description: 'Admins: saves an earlier revision’s words as the newest revision. The address and author stay.' })
  restoreArticleRevision(
    @Args('articleId', { type: () => ID, description: 'The article.' }) articleId: string,
    @Args('revisionId', { type: () => ID, description: 'One of its revisions, from `articleRevisions`.' }) revisionId: string,
    @Args('version', { type: () => Int, description: 'The article’s `version` you loaded; a stale one is refused with CONFLICT.' }) version: number,
    @Context() ctx: RequestContext,
  ) {
    return this.articlesService.restoreRevision(viewerOf(ctx), articleId, revisionId, version);
  }

  @ResolveField(() => ID, { nullable: true, description: 'The author’s account, for editors; null for everyone else.' })
  authorId(@Parent() article: Article, @Context() ctx: RequestContext) {
    const viewer = ctx.viewer;
    if (!viewer) return null;
    return Policy.manageContent(viewer) || viewer.userId === article.authorUserId ? article.authorUserId : null;
  }
}
