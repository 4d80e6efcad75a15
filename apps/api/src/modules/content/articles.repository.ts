import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ArticleEntity } from './article.entity';

export interface ArticleListQuery {
  first: number;
  after: { publishedAt: string; id: string } | null;
  tag: string | null;
  now: Date;
}

/** The only place article queries live. */
@Injectable()
export class ArticlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ArticleEntity);
  }

  /** Public articles, newest first; one extra row tells whether another page exists. */
  listPublic(query: ArticleListQuery): Promise<ArticleEntity[]> {
    const qb = this.repo()
      .createQueryBuilder('article')
      .innerJoinAndSelect('article.author', 'author')
      .where("article.status = 'PUBLISHED'")
      .andWhere('article.published_at <= :now', { now: query.now })
      .orderBy('article.published_at', 'DESC')
      .addOrderBy('article.id', 'DESC')
      .limit(query.first + 1);
    if (query.tag) qb.andWhere(':tag = ANY(article.tags)', { tag: query.tag });
    if (query.after) {
      qb.andWhere('(article.published_at, article.id) < (:afterAt, :afterId)', {
        afterAt: query.after.publishedAt,
        afterId: query.after.id,
      });
    }
    return qb.getMany();
  }

  findPublicBySlug(slug: string, now: Date): Promise<ArticleEntity | null> {
    return this.repo()
      .createQueryBuilder('article')
      .innerJoinAndSelect('article.author', 'author')
      .where('article.slug = :slug', { slug })
      .andWhere("article.status = 'PUBLISHED'")
      .andWhere('article.published_at <= :now', { now })
      .getOne();
  }
}
