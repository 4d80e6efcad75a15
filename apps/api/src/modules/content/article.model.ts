import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ARTICLE_STATUSES, type ArticleStatus } from '@attune/domain';
import { Connection } from '../../common/pagination';
import { PublicAuthor } from '../users/user.model';
import { OpenToTokens, ReadScope } from '../../common/auth/scope.decorator';

export const ArticleStatusEnum = Object.fromEntries(ARTICLE_STATUSES.map((status) => [status, status])) as { [K in ArticleStatus]: K };
registerEnumType(ArticleStatusEnum, {
  name: 'ArticleStatus',
  description: 'Where an article stands.',
  valuesMap: {
    DRAFT: { description: 'Being written; only its editors see it.' },
    SCHEDULED: { description: 'Will be published at `publishedAt`.' },
    PUBLISHED: { description: 'Public.' },
    ARCHIVED: { description: 'Withdrawn from the public site.' },
  },
});

@OpenToTokens()
@ObjectType({ description: "A piece of the practice's writing." })
export class Article {
  @Field(() => ID, { description: 'Identifies the article.' })
  id: string;

  @Field({ description: 'Unique, readable part of the article URL: /articles/<slug>. Old slugs keep redirecting here.' })
  slug: string;

  @Field({ description: 'The public address of the article.' })
  url: string;

  @Field({ description: 'The title.' })
  title: string;

  @Field({ description: 'A short summary, for lists and link previews.' })
  summary: string;

  @Field({ description: 'The body in Markdown, as its editors wrote it. To show it, use `bodyHtml`.' })
  bodyMarkdown: string;

  @Field({ description: 'The body rendered from Markdown and sanitized: safe to insert into a page.' })
  bodyHtml: string;

  @Field(() => ArticleStatusEnum, { description: 'Where it stands. The public sees only published articles.' })
  status: ArticleStatus;

  @Field(() => Date, { nullable: true, description: 'When it became (or will become) public.' })
  publishedAt: Date | null;

  @Field(() => PublicAuthor, { description: 'Who is named as its author.' })
  author: PublicAuthor;

  /** Resolved for editors only (see ArticlesResolver.authorId). */
  authorUserId: string;

  @Field(() => [String], { description: 'Its topics, like starting-therapy (at most 10).' })
  tags: string[];

  @Field(() => String, { nullable: true, description: 'An https address of the cover image, if there is one.' })
  coverImageUrl: string | null;

  @Field(() => String, { nullable: true, description: 'What the cover image shows, for people who cannot see it. Always set with an image.' })
  coverImageAlt: string | null;

  @Field(() => String, { nullable: true, description: 'The title search engines and link previews show; `title` when empty.' })
  seoTitle: string | null;

  @Field(() => String, { nullable: true, description: 'The description search engines and link previews show; `summary` when empty.' })
  seoDescription: string | null;

  @Field(() => Int, { description: 'Send this back when updating, so two editors cannot overwrite each other.' })
  version: number;

  @Field({ description: 'When it was last saved or changed state.' })
  updatedAt: Date;
}

export const ArticleConnection = Connection(Article, 'Article');

@ReadScope('content:read')
@ObjectType({ description: 'Who saved a revision, as the editors see it.' })
export class RevisionEditor {
  @Field({ description: 'Their name.' })
  displayName: string;
}

@ReadScope('content:read')
@ObjectType({ description: 'An article as one save left it. Restoring one saves its content as a new revision.' })
export class ArticleRevision {
  @Field(() => ID, { description: 'Identifies the revision, for `restoreArticleRevision`.' })
  id: string;

  @Field(() => Int, { description: 'The article version this save produced.' })
  version: number;

  @Field({ description: 'CREATED, SAVED or RESTORED.' })
  event: string;

  @Field({ description: 'The address, as saved.' })
  slug: string;

  @Field({ description: 'The title, as saved.' })
  title: string;

  @Field({ description: 'The summary, as saved.' })
  summary: string;

  @Field({ description: 'The body in Markdown, as saved.' })
  bodyMarkdown: string;

  @Field(() => [String], { description: 'The tags, as saved.' })
  tags: string[];

  @Field(() => String, { nullable: true, description: 'The cover image’s address, as saved; null for none.' })
  coverImageUrl: string | null;

  @Field(() => String, { nullable: true, description: 'What the cover image shows, as saved; null for none.' })
  coverImageAlt: string | null;

  @Field(() => String, { nullable: true, description: 'The title for search engines, as saved; null when the title stood in.' })
  seoTitle: string | null;

  @Field(() => String, { nullable: true, description: 'The description for search engines, as saved; null when the summary stood in.' })
  seoDescription: string | null;

  @Field(() => RevisionEditor, { nullable: true, description: 'Null when the account that saved it no longer exists.' })
  editedBy: RevisionEditor | null;

  @Field({ description: 'When this save happened.' })
  createdAt: Date;
}

export const ArticleRevisionConnection = Connection(ArticleRevision, 'ArticleRevision');

@ReadScope('content:read')
@ObjectType({ description: 'Someone who can be named as the author of an article: an admin or a therapist.' })
export class ArticleAuthorOption {
  @Field(() => ID, { description: 'Their account’s id, to pass as `authorId`.' })
  id: string;

  @Field({ description: 'Their name.' })
  displayName: string;

  @Field({ description: 'ADMIN or THERAPIST.' })
  role: string;
}

@OpenToTokens()
@ObjectType({ description: 'A topic in use on published articles.' })
export class ArticleTag {
  @Field({ description: 'The tag, like starting-therapy.' })
  name: string;

  @Field(() => Int, { description: 'How many published articles carry it.' })
  count: number;
}

@ReadScope('content:read')
@ObjectType({ description: 'A published article a therapist sent to a client, with a line of their own.' })
export class SharedArticle {
  @Field(() => ID, { description: 'Identifies this sending.' })
  id: string;

  @Field(() => Article, { description: 'The article, as it is published now.' })
  article: Article;

  @Field(() => String, { nullable: true, description: "The therapist's note. Only the therapist and the client see it." })
  note: string | null;

  @Field(() => PublicAuthor, { description: 'The therapist who sent it.' })
  sharedBy: PublicAuthor;

  @Field({ description: 'When the therapist sent it.' })
  sharedAt: Date;
}

export const SharedArticleConnection = Connection(SharedArticle, 'SharedArticle');

@ReadScope('content:read')
@ObjectType({ description: 'A client a therapist can send an article to: one in an active care relationship with them.' })
export class ArticleRecipient {
  @Field(() => ID, { description: 'The client’s id, to pass as `clientId` to `shareArticle`.' })
  id: string;

  @Field({ description: 'The client’s name.' })
  displayName: string;
}

@OpenToTokens()
@ObjectType({ description: 'What the public site says, set by the practice.' })
export class SiteInfo {
  @Field({ description: 'The practice’s name, from the PRACTICE_NAME setting.' })
  practiceName: string;

  @Field({ description: 'The "Need help now?" text, sanitized HTML from the CRISIS_TEXT setting.' })
  crisisHtml: string;
}
