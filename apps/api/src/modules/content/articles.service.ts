import { Inject, Injectable } from '@nestjs/common';
import {
  articleDraftSchema,
  articleInputSchema,
  articleSlugSchema,
  articleVersionSchema,
  idSchema,
  pageArgsSchema,
  publishTimeProblem,
  slugify,
  tagSchema,
  uniqueSlug,
  type ArticleDraft,
} from '@attune/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { badInput, conflict, forbidden, notFound, parseInput } from '../../common/errors';
import { parseAfter, toConnection } from '../../common/pagination';
import { assertPolicy, Policy } from '../../common/policy/policy';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import type { ArticleRevisionEntity } from './article-revision.entity';
import { ArticleEntity } from './article.entity';
import type { Article, ArticleRevision } from './article.model';
import { ArticlesRepository } from './articles.repository';
import type { AdminArticlesArgs, CreateArticleInput, UpdateArticleInput } from './dto/article.inputs';
import type { ArticlesArgs } from './dto/articles.args';
import { renderMarkdown } from './markdown';

export function toArticle(entity: ArticleEntity, baseUrl: string, now = new Date()): Article {
  const scheduled = entity.status === 'PUBLISHED' && entity.publishedAt !== null && entity.publishedAt > now;
  return {
    id: entity.id,
    slug: entity.slug,
    url: `${baseUrl}/articles/${entity.slug}`,
    title: entity.title,
    summary: entity.summary,
    bodyMarkdown: entity.bodyMarkdown,
    bodyHtml: entity.bodyHtml,
    status: scheduled ? 'SCHEDULED' : entity.status,
    publishedAt: entity.publishedAt,
    author: { displayName: entity.author?.displayName ?? '' },
    authorUserId: entity.authorId,
    tags: entity.tags,
    coverImageUrl: entity.coverImageUrl,
    coverImageAlt: entity.coverImageAlt,
    seoTitle: entity.seoTitle,
    seoDescription: entity.seoDescription,
    version: entity.version,
    updatedAt: entity.updatedAt,
  };
}

function toRevision(entity: ArticleRevisionEntity): ArticleRevision {
  return { ...entity, editedBy: entity.editedBy ? { displayName: entity.editedBy.displayName } : null };
}

/** Whether a stored article is public at `now`. */
export function isPublic(entity: Pick<ArticleEntity, 'status' | 'publishedAt'>, now = new Date()) {
  return entity.status === 'PUBLISHED' && entity.publishedAt !== null && entity.publishedAt <= now;
}

/** The fields a save writes, in the order the editor shows them. */
const CONTENT_FIELDS = ['title', 'summary', 'bodyMarkdown', 'tags', 'slug', 'coverImageUrl', 'coverImageAlt', 'seoTitle', 'seoDescription', 'authorId'] as const;
type ContentField = (typeof CONTENT_FIELDS)[number];
/** Fields a save may clear; the others keep their value when sent as null. */
const CLEARABLE: readonly ContentField[] = ['coverImageUrl', 'coverImageAlt', 'seoTitle', 'seoDescription'];

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function articleConflict(current: Pick<ArticleEntity, 'version'>) {
  return conflict(
    'Someone else saved this article after you opened it. Reload to see their version: your changes stay on this page so you can add them again.',
    'STALE_VERSION',
    { currentVersion: current.version },
  );
}

const slugTaken = () =>
  badInput([{ path: ['input', 'slug'], message: 'Another article already uses this address. Please choose another.' }]);

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505' || (error as { driverError?: { code?: string } } | null)?.driverError?.code === '23505';

@Injectable()
export class ArticlesService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private article(entity: ArticleEntity, now = new Date()) {
    return toArticle(entity, this.config.PUBLIC_URL, now);
  }

  // --- What everyone may read -------------------------------------------------------------

  async listPublic(args: ArticlesArgs) {
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const tag = args.tag ? parseInput(tagSchema, args.tag, ['tag']) : null;
    const now = new Date();
    const cursor = parseAfter(after, ['time', 'id']);
    const rows = await this.articles.listPublic({ first, after: cursor && { publishedAt: cursor[0], id: cursor[1] }, tag, now });
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => this.article(row, now));
  }

  /** A public article by its slug, or by an address it used to have. */
  async findPublicBySlug(slug: string): Promise<Article | null> {
    const found = await this.resolvePublicSlug(slug);
    return found ? this.article(found.entity) : null;
  }

  /** For the public pages: the article, and whether `slug` is an old address of it. */
  async resolvePublicSlug(slug: string): Promise<{ entity: ArticleEntity; moved: boolean } | null> {
    const parsed = articleSlugSchema.safeParse(slug);
    if (!parsed.success || parsed.data !== slug) return null;
    const now = new Date();
    const entity = await this.articles.findPublicBySlug(slug, now);
    if (entity) return { entity, moved: false };
    const articleId = await this.articles.findRedirect(slug);
    const moved = articleId ? await this.articles.findPublicById(articleId, now) : null;
    return moved ? { entity: moved, moved: true } : null;
  }

  publicTags() {
    return this.articles.publicTags(new Date());
  }

  // --- What editors may read --------------------------------------------------------------

  /** Admins see every article; a therapist sees the ones they are named author of; clients none. */
  private editorScope(viewer: Viewer): { authorId: string | null } {
    if (Policy.manageContent(viewer)) return { authorId: null };
    if (viewer.role === 'THERAPIST') return { authorId: viewer.userId };
    throw forbidden('Only the practice’s admins and authors can see articles before they are published.');
  }

  async listForEditors(viewer: Viewer, args: AdminArticlesArgs) {
    const scope = this.editorScope(viewer);
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const search = args.search?.trim().slice(0, 200) || null;
    const now = new Date();
    const cursor = parseAfter(after, ['time', 'id']);
    const rows = await this.articles.listForEditors({
      first,
      after: cursor && { updatedAt: cursor[0], id: cursor[1] },
      status: args.status ?? null,
      search,
      authorId: scope.authorId,
      now,
    });
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => this.article(row, now));
  }

  async findForEditor(viewer: Viewer, id: string): Promise<Article> {
    return this.article(await this.loadForEditor(viewer, id));
  }

  private async loadForEditor(viewer: Viewer, id: string) {
    const scope = this.editorScope(viewer);
    const entity = idSchema.safeParse(id).success ? await this.articles.findById(id) : null;
    // An article you may not see is answered as one that does not exist.
    if (!entity || (scope.authorId && entity.authorId !== scope.authorId)) throw notFound('That article');
    return entity;
  }

  async listRevisions(viewer: Viewer, articleId: string, args: { first?: number | null; after?: string | null }) {
    await this.loadForEditor(viewer, articleId);
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const cursor = parseAfter(after, ['number']);
    const rows = await this.articles.listRevisions(articleId, first, cursor?.[0] ?? null);
    return toConnection(rows, first, (row) => [row.version], toRevision);
  }

  async authorOptions(viewer: Viewer) {
    assertPolicy(Policy.manageContent(viewer));
    const users = await this.articles.listAuthorOptions();
    return users.map((user) => ({ id: user.id, displayName: user.displayName, role: user.role }));
  }

  /** The editor's live preview: the same sanitized pipeline the saved article goes through. */
  preview(viewer: Viewer, markdown: string) {
    assertPolicy(Policy.manageContent(viewer));
    const body = parseInput(articleInputSchema.shape.bodyMarkdown, markdown, ['markdown']);
    return renderMarkdown(body);
  }

  // --- What admins may change -------------------------------------------------------------

  async create(viewer: Viewer, input: CreateArticleInput): Promise<Article> {
    assertPolicy(Policy.manageContent(viewer), 'Only the practice’s admins can write articles.');
    // Checked in full before anything is written; a placeholder stands in for a slug still to be made.
    const draft = parseInput(
      articleDraftSchema,
      { ...input, tags: input.tags ?? [], slug: input.slug ?? 'placeholder', authorId: input.authorId ?? viewer.userId },
      ['input'],
    );
    return this.write(async (manager) => {
      await this.assertAuthor(manager, draft.authorId);
      let slug = draft.slug;
      if (input.slug === undefined || input.slug === null || input.slug.trim() === '') {
        const base = slugify(draft.title);
        slug = uniqueSlug(base, await this.articles.slugsStartingWith(manager, base));
      } else if (await this.articles.findSlugOwner(manager, slug)) {
        throw slugTaken();
      }
      const entity = await this.articles.save(
        manager,
        manager.create(ArticleEntity, {
          ...draft,
          slug,
          bodyHtml: renderMarkdown(draft.bodyMarkdown),
          status: 'DRAFT',
          publishedAt: null,
        }),
      );
      // An address another article left behind now belongs to this one.
      await this.articles.deleteRedirect(manager, slug);
      await this.articles.insertRevision(manager, entity, 'CREATED', viewer.userId);
      await this.audit.record({ action: 'article.created', actor: viewer, targetType: 'article', targetId: entity.id }, manager);
      return this.reload(manager, entity.id);
    });
  }

  async update(viewer: Viewer, id: string, input: UpdateArticleInput): Promise<Article> {
    assertPolicy(Policy.manageContent(viewer), 'Only the practice’s admins can change articles.');
    const version = parseInput(articleVersionSchema, input.version, ['input', 'version']);
    return this.write(async (manager) => {
      const current = await this.lock(manager, id, version);
      const merged = Object.fromEntries(
        CONTENT_FIELDS.map((field) => {
          const sent = input[field];
          const keep = sent === undefined || (sent === null && !CLEARABLE.includes(field));
          return [field, keep ? current[field] : sent];
        }),
      );
      const next = parseInput(articleDraftSchema, merged, ['input']);
      const changed = CONTENT_FIELDS.filter((field) => !sameValue(next[field], current[field]));
      if (changed.length === 0) return this.reload(manager, current.id);

      if (changed.includes('authorId')) await this.assertAuthor(manager, next.authorId);
      if (changed.includes('slug')) {
        const owner = await this.articles.findSlugOwner(manager, next.slug);
        if (owner && owner !== current.id) throw slugTaken();
        await this.articles.moveSlug(manager, current.id, current.slug, next.slug);
      }
      const saved = await this.saveContent(manager, current, next);
      await this.articles.insertRevision(manager, saved, 'SAVED', viewer.userId);
      await this.audit.record(
        { action: 'article.updated', actor: viewer, targetType: 'article', targetId: current.id, metadata: { version: saved.version, fields: changed.length } },
        manager,
      );
      return this.reload(manager, current.id);
    });
  }

  /** Publishes now, or at `at` (a future time schedules it: it appears then, on every instance, with no job to run). */
  async publish(viewer: Viewer, id: string, at: Date | null | undefined, version: number | null | undefined): Promise<Article> {
    assertPolicy(Policy.manageContent(viewer), 'Only the practice’s admins can publish articles.');
    if (at) {
      const problem = publishTimeProblem(at);
      if (problem) throw badInput([{ path: ['at'], message: problem }]);
    }
    return this.write(async (manager) => {
      const article = await this.lock(manager, id, version);
      if (article.bodyMarkdown.trim() === '') {
        throw badInput([{ path: ['bodyMarkdown'], message: 'Please write the article before publishing it.' }]);
      }
      const now = new Date();
      const when = at && at > now ? at : now;
      if (!at && isPublic(article, now)) return this.reload(manager, article.id);
      article.status = 'PUBLISHED';
      article.publishedAt = when;
      await this.articles.save(manager, article);
      const scheduled = when > now;
      await this.audit.record(
        { action: scheduled ? 'article.scheduled' : 'article.published', actor: viewer, targetType: 'article', targetId: article.id },
        manager,
      );
      return this.reload(manager, article.id);
    });
  }

  /** Back to a draft: it leaves the site, the feed and the sitemap at once. */
  async unpublish(viewer: Viewer, id: string, version: number | null | undefined): Promise<Article> {
    return this.changeStatus(viewer, id, version, 'DRAFT', 'article.unpublished');
  }

  async archive(viewer: Viewer, id: string, version: number | null | undefined): Promise<Article> {
    return this.changeStatus(viewer, id, version, 'ARCHIVED', 'article.archived');
  }

  /** Saves an earlier revision's words as the newest; the address and the author stay as they are. */
  async restoreRevision(viewer: Viewer, articleId: string, revisionId: string, version: number): Promise<Article> {
    assertPolicy(Policy.manageContent(viewer), 'Only the practice’s admins can change articles.');
    parseInput(articleVersionSchema, version, ['version']);
    if (!idSchema.safeParse(revisionId).success) throw notFound('That revision');
    return this.write(async (manager) => {
      const current = await this.lock(manager, articleId, version);
      const revision = await this.articles.findRevision(manager, articleId, revisionId);
      if (!revision) throw notFound('That revision');
      const next = parseInput(articleDraftSchema, { ...revision, slug: current.slug, authorId: current.authorId }, ['revision']);
      const changed = CONTENT_FIELDS.filter((field) => !sameValue(next[field], current[field]));
      if (changed.length === 0) return this.reload(manager, current.id);
      const saved = await this.saveContent(manager, current, next);
      await this.articles.insertRevision(manager, saved, 'RESTORED', viewer.userId);
      await this.audit.record(
        { action: 'article.restored', actor: viewer, targetType: 'article', targetId: current.id, metadata: { fromVersion: revision.version, version: saved.version } },
        manager,
      );
      return this.reload(manager, current.id);
    });
  }

  // --- Helpers ----------------------------------------------------------------------------

  private async changeStatus(viewer: Viewer, id: string, version: number | null | undefined, status: 'DRAFT' | 'ARCHIVED', action: string) {
    assertPolicy(Policy.manageContent(viewer), 'Only the practice’s admins can change articles.');
    return this.write(async (manager) => {
      const article = await this.lock(manager, id, version);
      if (article.status === status) return this.reload(manager, article.id);
      article.status = status;
      // A draft has no publication time; an archived article keeps the one it had, for the record.
      if (status === 'DRAFT') article.publishedAt = null;
      await this.articles.save(manager, article);
      await this.audit.record({ action, actor: viewer, targetType: 'article', targetId: article.id }, manager);
      return this.reload(manager, article.id);
    });
  }

  private async saveContent(manager: EntityManager, current: ArticleEntity, next: ArticleDraft) {
    if (next.bodyMarkdown !== current.bodyMarkdown) current.bodyHtml = renderMarkdown(next.bodyMarkdown);
    for (const field of CONTENT_FIELDS) (current as unknown as Record<string, unknown>)[field] = next[field];
    return this.articles.save(manager, current);
  }

  /** Locks the article for this transaction, and refuses a stale version with CONFLICT. */
  private async lock(manager: EntityManager, id: string, expectedVersion: number | null | undefined) {
    const article = idSchema.safeParse(id).success ? await this.articles.lockById(manager, id) : null;
    if (!article) throw notFound('That article');
    if (expectedVersion !== null && expectedVersion !== undefined && article.version !== expectedVersion) throw articleConflict(article);
    return article;
  }

  private async assertAuthor(manager: EntityManager, userId: string) {
    if (!(await this.articles.findPossibleAuthor(manager, userId))) {
      throw badInput([{ path: ['input', 'authorId'], message: 'The author needs to be one of the practice’s admins or therapists.' }]);
    }
  }

  private async reload(manager: EntityManager, id: string) {
    return this.article((await this.articles.findById(id, manager))!);
  }

  /** One transaction per write; two saves racing for one address end with a clear answer, not a fault. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken();
      throw error;
    }
  }
}
