import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ArticleEntity } from '../../src/modules/content/article.entity';
import { renderMarkdown } from '../../src/modules/content/markdown';

export async function newArticle(dataSource: DataSource, authorId: string, overrides: Partial<ArticleEntity> = {}): Promise<ArticleEntity> {
  const id = randomUUID().slice(0, 8);
  const bodyMarkdown = overrides.bodyMarkdown ?? `Some words for article ${id}.`;
  const repo = dataSource.getRepository(ArticleEntity);
  return repo.save(
    repo.create({
      slug: `article-${id}`,
      title: `Article ${id}`,
      summary: `About article ${id}`,
      bodyMarkdown,
      bodyHtml: renderMarkdown(bodyMarkdown),
      status: 'PUBLISHED',
      publishedAt: new Date(Date.now() - 60_000),
      tags: [],
      authorId,
      ...overrides,
    }),
  );
}
