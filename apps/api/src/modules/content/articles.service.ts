import { Injectable } from '@nestjs/common';
import { pageArgsSchema, tagSchema } from '@attune/domain';
import { badInput, parseInput } from '../../common/errors';
import { decodeCursor, toConnection } from '../../common/pagination';
import type { Article } from './article.model';
import type { ArticleEntity } from './article.entity';
import { ArticlesRepository } from './articles.repository';
import type { ArticlesArgs } from './dto/articles.args';

export function toArticle(entity: ArticleEntity, now = new Date()): Article {
  const scheduled = entity.status === 'PUBLISHED' && entity.publishedAt !== null && entity.publishedAt > now;
  return {
    id: entity.id,
    slug: entity.slug,
    title: entity.title,
    summary: entity.summary,
    bodyMarkdown: entity.bodyMarkdown,
    bodyHtml: entity.bodyHtml,
    status: scheduled ? 'SCHEDULED' : entity.status,
    publishedAt: entity.publishedAt,
    author: { displayName: entity.author?.displayName ?? '' },
    tags: entity.tags,
    version: entity.version,
    updatedAt: entity.updatedAt,
  };
}

@Injectable()
export class ArticlesService {
  constructor(private readonly articles: ArticlesRepository) {}

  async listPublic(args: ArticlesArgs) {
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const tag = args.tag ? parseInput(tagSchema, args.tag, ['tag']) : null;
    const now = new Date();
    const rows = await this.articles.listPublic({ first, after: after ? this.parseCursor(after) : null, tag, now });
    return toConnection(rows, first, (row) => [row.publishedAt!.toISOString(), row.id], (row) => toArticle(row, now));
  }

  async findPublicBySlug(slug: string) {
    const row = await this.articles.findPublicBySlug(slug, new Date());
    return row ? toArticle(row) : null;
  }

  private parseCursor(cursor: string) {
    const parts = decodeCursor(cursor);
    if (!parts || parts.length !== 2 || typeof parts[0] !== 'string' || typeof parts[1] !== 'string' || Number.isNaN(Date.parse(parts[0]))) {
      throw badInput([{ path: ['after'], message: 'That cursor is not one we gave out.' }]);
    }
    return { publishedAt: parts[0], id: parts[1] };
  }
}
