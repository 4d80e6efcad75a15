import { Injectable } from '@nestjs/common';
import type { ArticleStatus } from '@attune/domain';
import { DataSource, In, IsNull, Like, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { ArticleRevisionEntity, type ArticleRevisionEvent } from './article-revision.entity';
import { ArticleSlugRedirectEntity } from './article-slug-redirect.entity';
import { withExactTimes, type Timed } from '../../common/pagination';
import { ArticleEntity } from './article.entity';

export interface ArticleListQuery {
  first: number;
  after: { publishedAt: string; id: string } | null;
  tag: string | null;
  now: Date;
}

export interface EditorListQuery {
  first: number;
  after: { updatedAt: string; id: string } | null;
  status: ArticleStatus | null;
  search: string | null;
  /** Set for an author who is not an admin: only their own articles. */
  authorId: string | null;
  now: Date;
}

/** Public means: published, and its time has come. Decided at query time, so a schedule needs no job. */
function whereVisible<T extends object>(qb: SelectQueryBuilder<T>, now: Date, alias = 'article') {
  return qb.andWhere(`${alias}.status = 'PUBLISHED'`).andWhere(`${alias}.published_at <= :now`, { now });
}

/** Escape LIKE wildcards so a search for "50%" means the text "50%". */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The only place article queries live. */
@Injectable()
export class ArticlesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ArticleEntity);
  }

  /** Public articles, newest first; one extra row tells whether another page exists. */
  listPublic(query: ArticleListQuery): Promise<Timed<ArticleEntity>[]> {
    const qb = whereVisible(this.repo().createQueryBuilder('article').innerJoinAndSelect('article.author', 'author'), query.now)
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
    return withExactTimes(qb, 'article.published_at');
  }

  /** A numbered page of public articles, for the server-rendered index. */
  async publicPage(query: { offset: number; limit: number; tag: string | null; now: Date }) {
    const qb = whereVisible(this.repo().createQueryBuilder('article').innerJoinAndSelect('article.author', 'author'), query.now)
      .orderBy('article.published_at', 'DESC')
      .addOrderBy('article.id', 'DESC')
      .offset(query.offset)
      .limit(query.limit);
    if (query.tag) qb.andWhere(':tag = ANY(article.tags)', { tag: query.tag });
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total: Number(total) };
  }

  findPublicBySlug(slug: string, now: Date): Promise<ArticleEntity | null> {
    return whereVisible(this.repo().createQueryBuilder('article').innerJoinAndSelect('article.author', 'author'), now)
      .andWhere('article.slug = :slug', { slug })
      .getOne();
  }

  findPublicById(id: string, now: Date, manager?: EntityManager): Promise<ArticleEntity | null> {
    return whereVisible(this.repo(manager).createQueryBuilder('article').innerJoinAndSelect('article.author', 'author'), now)
      .andWhere('article.id = :id', { id })
      .getOne();
  }

  /** The article an old slug now points to, if any. */
  async findRedirect(slug: string): Promise<string | null> {
    const redirect = await this.dataSource.getRepository(ArticleSlugRedirectEntity).findOneBy({ slug });
    return redirect?.articleId ?? null;
  }

  /** Topics of public articles, with how many carry each. */
  async publicTags(now: Date): Promise<{ name: string; count: number }[]> {
    const rows: { name: string; count: string | number }[] = await this.dataSource.query(
      `SELECT tag AS name, count(*) AS count
         FROM articles, unnest(articles.tags) AS tag
        WHERE articles.status = 'PUBLISHED' AND articles.published_at <= $1
        GROUP BY tag ORDER BY tag`,
      [now],
    );
    return rows.map((row) => ({ name: row.name, count: Number(row.count) }));
  }

  /** Every public article's address and last change, for the sitemap. */
  listPublicAddresses(now: Date, limit: number): Promise<Pick<ArticleEntity, 'slug' | 'updatedAt' | 'publishedAt'>[]> {
    return whereVisible(this.repo().createQueryBuilder('article').select(['article.slug', 'article.updatedAt', 'article.publishedAt']), now)
      .orderBy('article.published_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  listPublicByAuthor(authorId: string, now: Date, limit: number): Promise<ArticleEntity[]> {
    return whereVisible(this.repo().createQueryBuilder('article').innerJoinAndSelect('article.author', 'author'), now)
      .andWhere('article.author_id = :authorId', { authorId })
      .orderBy('article.published_at', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Every article an editor may see, most recently changed first. */
  listForEditors(query: EditorListQuery): Promise<Timed<ArticleEntity>[]> {
    const changed = 'article.updated_at';
    const qb = this.repo()
      .createQueryBuilder('article')
      .innerJoinAndSelect('article.author', 'author')
      .orderBy(changed, 'DESC')
      .addOrderBy('article.id', 'DESC')
      .limit(query.first + 1);
    if (query.authorId) qb.andWhere('article.author_id = :authorId', { authorId: query.authorId });
    if (query.search) qb.andWhere("article.title ILIKE :search ESCAPE '\\'", { search: `%${likeEscape(query.search)}%` });
    switch (query.status) {
      case 'DRAFT':
      case 'ARCHIVED':
        qb.andWhere('article.status = :status', { status: query.status });
        break;
      case 'SCHEDULED':
        qb.andWhere("article.status = 'PUBLISHED'").andWhere('article.published_at > :now', { now: query.now });
        break;
      case 'PUBLISHED':
        whereVisible(qb, query.now);
        break;
    }
    if (query.after) {
      qb.andWhere(`(${changed}, article.id) < (:afterAt, :afterId)`, { afterAt: query.after.updatedAt, afterId: query.after.id });
    }
    return withExactTimes(qb, changed);
  }

  findById(id: string, manager?: EntityManager): Promise<ArticleEntity | null> {
    return this.repo(manager).findOne({ where: { id }, relations: { author: true } });
  }

  /** The row, locked until the transaction ends: concurrent saves of one article queue up. */
  lockById(manager: EntityManager, id: string): Promise<ArticleEntity | null> {
    return this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findSlugOwner(manager: EntityManager, slug: string): Promise<string | null> {
    const row = await this.repo(manager).findOne({ where: { slug }, select: { id: true } });
    return row?.id ?? null;
  }

  /** Slugs in use (by an article or as an old address) that start with `base`. */
  async slugsStartingWith(manager: EntityManager, base: string): Promise<Set<string>> {
    const pattern = `${likeEscape(base)}%`;
    const [articles, redirects] = await Promise.all([
      this.repo(manager).find({ where: { slug: Like(pattern) }, select: { slug: true } }),
      manager.getRepository(ArticleSlugRedirectEntity).find({ where: { slug: Like(pattern) }, select: { slug: true } }),
    ]);
    return new Set([...articles, ...redirects].map((row) => row.slug));
  }

  /** The article moves to a new address; the old one keeps pointing to it. */
  async moveSlug(manager: EntityManager, articleId: string, from: string, to: string) {
    const redirects = manager.getRepository(ArticleSlugRedirectEntity);
    // A live address wins over an old one, whoever it used to belong to.
    await redirects.delete({ slug: to });
    await redirects.upsert({ slug: from, articleId }, ['slug']);
  }

  async deleteRedirect(manager: EntityManager, slug: string) {
    await manager.getRepository(ArticleSlugRedirectEntity).delete({ slug });
  }

  async save(manager: EntityManager, article: ArticleEntity): Promise<ArticleEntity> {
    return this.repo(manager).save(article);
  }

  async insertRevision(manager: EntityManager, article: ArticleEntity, event: ArticleRevisionEvent, editorId: string) {
    await manager.getRepository(ArticleRevisionEntity).insert({
      articleId: article.id,
      version: article.version,
      event,
      slug: article.slug,
      title: article.title,
      summary: article.summary,
      bodyMarkdown: article.bodyMarkdown,
      tags: article.tags,
      coverImageUrl: article.coverImageUrl,
      coverImageAlt: article.coverImageAlt,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      authorId: article.authorId,
      editedById: editorId,
    });
  }

  /** Revisions newest first, paged by version. */
  listRevisions(articleId: string, first: number, beforeVersion: number | null): Promise<ArticleRevisionEntity[]> {
    const qb = this.dataSource
      .getRepository(ArticleRevisionEntity)
      .createQueryBuilder('revision')
      .leftJoinAndSelect('revision.editedBy', 'editor')
      .where('revision.article_id = :articleId', { articleId })
      .orderBy('revision.version', 'DESC')
      .addOrderBy('revision.created_at', 'DESC')
      .limit(first + 1);
    if (beforeVersion !== null) qb.andWhere('revision.version < :beforeVersion', { beforeVersion });
    return qb.getMany();
  }

  findRevision(manager: EntityManager, articleId: string, revisionId: string) {
    return manager.getRepository(ArticleRevisionEntity).findOneBy({ id: revisionId, articleId });
  }

  /** Admins and therapists who can be named as authors (active accounts only). */
  listAuthorOptions(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({
      where: { role: In(['ADMIN', 'THERAPIST']), deactivatedAt: IsNull() },
      order: { displayName: 'ASC' },
      take: 500,
    });
  }

  findPossibleAuthor(manager: EntityManager, userId: string) {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .where('user.id = :userId', { userId })
      .andWhere("user.role IN ('ADMIN', 'THERAPIST')")
      .andWhere('user.deactivated_at IS NULL')
      .getOne();
  }
}
