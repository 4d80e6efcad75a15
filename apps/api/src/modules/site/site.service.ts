import { Inject, Injectable } from '@nestjs/common';
import { tagSchema } from '@attune/domain';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { defaultPortalDist } from '../../portal-dist';
import type { ArticleEntity } from '../content/article.entity';
import { ArticlesRepository } from '../content/articles.repository';
import { ArticlesService } from '../content/articles.service';
import { renderMarkdown } from '../content/markdown';
import { TherapistProfilesRepository } from '../directory/therapist-profiles.repository';
import { atomFeed, sitemap, type SitemapEntry } from './feed';
import type { SiteContext } from './layout';
import * as pages from './pages';
import type { Page } from './pages';
import { findPortalStylesheets } from './site-assets';

export const ARTICLES_PER_PAGE = 10;
export const THERAPISTS_PER_PAGE = 24;
export const FEED_SIZE = 20;
const SITEMAP_LIMIT = 40_000;

/** "2" → 2; anything that is not a plain page number → null (answered with 404). */
export function parsePage(value: unknown): number | null {
  if (value === undefined) return 1;
  return typeof value === 'string' && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : null;
}

/** Reads what the public pages show. Only public data: published articles, published profiles. */
@Injectable()
export class SiteService {
  readonly site: SiteContext;
  private readonly crisisHtml: string;

  constructor(
    private readonly articlesService: ArticlesService,
    private readonly articles: ArticlesRepository,
    private readonly profiles: TherapistProfilesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.site = {
      practiceName: config.PRACTICE_NAME,
      publicUrl: config.PUBLIC_URL,
      stylesheets: findPortalStylesheets(config.PORTAL_DIST ?? defaultPortalDist()),
    };
    this.crisisHtml = renderMarkdown(config.CRISIS_TEXT);
  }

  async home(): Promise<Page> {
    const now = new Date();
    const [latest, accepting] = await Promise.all([
      this.articles.publicPage({ offset: 0, limit: 3, tag: null, now }),
      this.profiles.directory({ offset: 0, limit: 3, acceptingOnly: true }),
    ]);
    return pages.homePage(this.site, latest.rows, accepting.rows);
  }

  async articleIndex(query: { tag?: unknown; page?: unknown }, path: string): Promise<Page> {
    const page = parsePage(query.page);
    const tagParse = query.tag === undefined ? null : tagSchema.safeParse(query.tag);
    if (page === null || (tagParse && (!tagParse.success || tagParse.data !== query.tag))) return this.notFound(path);
    const tag = tagParse?.success ? tagParse.data : null;
    const now = new Date();
    const [{ rows, total }, tags] = await Promise.all([
      this.articles.publicPage({ offset: (page - 1) * ARTICLES_PER_PAGE, limit: ARTICLES_PER_PAGE, tag, now }),
      this.articles.publicTags(now),
    ]);
    const pageCount = Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE));
    // A topic nobody writes about, or a page past the last, does not exist.
    if ((tag && total === 0) || page > pageCount) return this.notFound(path);
    return pages.articlesPage(this.site, { articles: rows, tag, tags, paging: { page, pages: pageCount, noun: 'articles' } });
  }

  /** The article, a redirect to its current address, or 404 (also for drafts, scheduled and archived ones). */
  async article(slug: string, path: string): Promise<Page | { redirect: string }> {
    const found = await this.articlesService.resolvePublicSlug(slug);
    if (!found) return this.notFound(path);
    if (found.moved) return { redirect: `/articles/${found.entity.slug}` };
    const [profile] = await this.profiles.findPublishedByUserIds([found.entity.authorId]);
    return pages.articlePage(this.site, found.entity, profile ?? null);
  }

  async therapistIndex(query: { accepting?: unknown; page?: unknown }, path: string): Promise<Page> {
    const page = parsePage(query.page);
    if (page === null || (query.accepting !== undefined && query.accepting !== 'yes')) return this.notFound(path);
    const acceptingOnly = query.accepting === 'yes';
    const { rows, total } = await this.profiles.directory({ offset: (page - 1) * THERAPISTS_PER_PAGE, limit: THERAPISTS_PER_PAGE, acceptingOnly });
    const pageCount = Math.max(1, Math.ceil(total / THERAPISTS_PER_PAGE));
    if (page > pageCount) return this.notFound(path);
    return pages.therapistsPage(this.site, { profiles: rows, acceptingOnly, paging: { page, pages: pageCount, noun: 'therapists' } });
  }

  async therapist(slug: string, path: string): Promise<Page> {
    const profile = /^[a-z0-9-]{1,100}$/.test(slug) ? await this.profiles.findPublishedBySlug(slug) : null;
    if (!profile) return this.notFound(path);
    const articles = await this.articles.listPublicByAuthor(profile.userId, new Date(), 10);
    return pages.therapistPage(this.site, profile, articles);
  }

  /** Therapists a person may ask for: published, and taking new clients. */
  async acceptingTherapists() {
    return (await this.profiles.directory({ offset: 0, limit: 200, acceptingOnly: true })).rows;
  }

  async firstConversation(state: pages.FormState, status = 200): Promise<Page> {
    return pages.firstConversationPage(this.site, await this.acceptingTherapists(), state, status);
  }

  requestSent(): Page {
    return pages.requestSentPage(this.site);
  }

  help(): Page {
    return pages.helpPage(this.site, this.crisisHtml);
  }

  notFound(path: string): Page {
    return pages.notFoundPage(this.site, path);
  }

  async feed(): Promise<string> {
    const { rows } = await this.articles.publicPage({ offset: 0, limit: FEED_SIZE, tag: null, now: new Date() });
    return atomFeed(this.site, rows);
  }

  async sitemap(): Promise<string> {
    const now = new Date();
    const [articles, profiles] = await Promise.all([
      this.articles.listPublicAddresses(now, SITEMAP_LIMIT),
      this.profiles.listPublishedAddresses(SITEMAP_LIMIT),
    ]);
    const newest = (rows: Pick<ArticleEntity, 'updatedAt'>[]) =>
      rows.reduce<Date | null>((latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest), null);
    const entries: SitemapEntry[] = [
      { path: '/' },
      { path: '/articles', lastModified: newest(articles) },
      ...articles.map((article) => ({ path: `/articles/${article.slug}`, lastModified: article.updatedAt })),
      { path: '/therapists' },
      ...profiles.map((profile) => ({ path: `/therapists/${profile.slug}`, lastModified: profile.updatedAt })),
      { path: '/first-conversation' },
      { path: '/help' },
    ];
    return sitemap(this.site, entries);
  }

  robots(): string {
    return `User-agent: *\nDisallow: /admin\nDisallow: /graphql\nAllow: /\n\nSitemap: ${this.site.publicUrl}/sitemap.xml\n`;
  }
}
