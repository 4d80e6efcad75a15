import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ARTICLE_STATUSES, type ArticleStatus } from '@attune/domain';
import { Connection } from '../../common/pagination';
import { PublicAuthor } from '../users/user.model';

export const ArticleStatusEnum = Object.fromEntries(ARTICLE_STATUSES.map((status) => [status, status])) as { [K in ArticleStatus]: K };
registerEnumType(ArticleStatusEnum, {
  name: 'ArticleStatus',
  description: 'DRAFT: being written. SCHEDULED: will publish at `publishedAt`. PUBLISHED: public. ARCHIVED: withdrawn.',
});

@ObjectType({ description: "A piece of the practice's writing." })
export class Article {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Unique, readable part of the article URL: /articles/<slug>.' })
  slug: string;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field()
  bodyMarkdown: string;

  @Field({ description: 'The body rendered from Markdown and sanitized: safe to insert into a page.' })
  bodyHtml: string;

  @Field(() => ArticleStatusEnum)
  status: ArticleStatus;

  @Field(() => Date, { nullable: true, description: 'When it became (or will become) public.' })
  publishedAt: Date | null;

  @Field(() => PublicAuthor)
  author: PublicAuthor;

  @Field(() => [String])
  tags: string[];

  @Field(() => Int, { description: 'Send this back when updating, so two editors cannot overwrite each other.' })
  version: number;

  @Field()
  updatedAt: Date;
}

export const ArticleConnection = Connection(Article, 'Article');
