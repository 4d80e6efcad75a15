import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArticleStatusEnum } from '../article.model';
import type { ArticleStatus } from '@attune/domain';
import { PageArgs } from '../../../common/pagination';

@InputType({ description: 'A new article. It starts as a draft; the slug is made from the title unless you give one.' })
export class CreateArticleInput {
  @Field({ description: 'The title, up to 200 characters.' })
  title: string;

  @Field({ description: 'A short summary for lists and link previews, up to 500 characters.' })
  summary: string;

  @Field({ description: 'Markdown; rendered to sanitized HTML when saved.' })
  bodyMarkdown: string;

  @Field(() => [String], { nullable: true, description: 'Lowercase words joined by hyphens, like starting-therapy. At most 10.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The readable address, like what-to-expect. Made from the title when left out.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'An https address of a cover image.' })
  coverImageUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'What the cover image shows. Required with an image.' })
  coverImageAlt?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 70 characters; the title stands in when empty.' })
  seoTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 300 characters; the summary stands in when empty.' })
  seoDescription?: string | null;

  @Field(() => ID, { nullable: true, description: 'An admin or a therapist to name as the author; you, when left out.' })
  authorId?: string | null;
}

@InputType({ description: 'Changes to an article: fields left out stay as they are. Each save keeps a revision.' })
export class UpdateArticleInput {
  @Field(() => Int, { description: 'The version you loaded. If someone saved since, the save is refused with CONFLICT.' })
  version: number;

  @Field(() => String, { nullable: true, description: 'A new title, up to 200 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new summary, up to 500 characters.' })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'A new body in Markdown, up to 100,000 characters; rendered to sanitized HTML when saved.' })
  bodyMarkdown?: string | null;

  @Field(() => [String], { nullable: true, description: 'New tags, replacing the old ones: lowercase words joined by hyphens, at most 10.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A new address; the old one keeps redirecting to the article.' })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: 'A new https address of a cover image. Null or empty removes the image.' })
  coverImageUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'What the cover image shows; needed while there is an image. Null or empty removes it.' })
  coverImageAlt?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 70 characters. Null or empty removes it, and the title stands in.' })
  seoTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 300 characters. Null or empty removes it, and the summary stands in.' })
  seoDescription?: string | null;

  @Field(() => ID, { nullable: true, description: 'A new author: one of the practice’s admins or therapists.' })
  authorId?: string | null;
}

@ArgsType()
export class AdminArticlesArgs extends PageArgs {
  @Field(() => ArticleStatusEnum, { nullable: true, description: 'Only articles in this state.' })
  status?: ArticleStatus | null;

  @Field(() => String, { nullable: true, description: 'Words to look for in the title.' })
  search?: string | null;
}

@InputType({ description: 'A published article for one of your clients, with a line of your own.' })
export class ShareArticleInput {
  @Field(() => ID, { description: 'A published article.' })
  articleId: string;

  @Field(() => ID, { description: 'A client in your care.' })
  clientId: string;

  @Field(() => String, { nullable: true, description: 'Your note, like "this made me think of what you said". At most 500 characters.' })
  note?: string | null;
}
