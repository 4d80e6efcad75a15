import { Feed } from 'feed';
import { XMLBuilder } from 'fast-xml-parser';
import type { ArticleEntity } from '../content/article.entity';
import type { SiteContext } from './layout';

/** The newest public articles as an Atom feed, built with the `feed` library (it escapes every value). */
export function atomFeed(site: SiteContext, articles: ArticleEntity[]): string {
  const feed = new Feed({
    id: `${site.publicUrl}/`,
    title: `${site.practiceName}: articles`,
    description: `Writing from ${site.practiceName} to help you decide about starting therapy, and to find a therapist you feel safe with.`,
    link: `${site.publicUrl}/articles`,
    language: 'en',
    updated: articles.reduce<Date>((latest, article) => (article.updatedAt > latest ? article.updatedAt : latest), new Date(0)),
    generator: false,
    copyright: `© ${site.practiceName}`,
    feedLinks: { atom: `${site.publicUrl}/feed.xml` },
  });
  for (const article of articles) {
    const url = `${site.publicUrl}/articles/${article.slug}`;
    feed.addItem({
      id: url,
      title: article.title,
      link: url,
      description: article.summary,
      // Sanitized when saved; the library wraps it so feed readers get it as HTML.
      content: article.bodyHtml,
      author: article.author ? [{ name: article.author.displayName }] : [],
      date: article.updatedAt,
      published: article.publishedAt ?? undefined,
      category: article.tags.map((tag) => ({ name: tag, term: tag })),
    });
  }
  return feed.atom1();
}

export interface SitemapEntry {
  path: string;
  lastModified?: Date | null;
}

/** https://www.sitemaps.org/protocol.html; the builder escapes every value. */
export function sitemap(site: SiteContext, entries: SitemapEntry[]): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      url: entries.map((entry) => ({
        loc: `${site.publicUrl}${entry.path}`,
        ...(entry.lastModified ? { lastmod: entry.lastModified.toISOString() } : {}),
      })),
    },
  });
}
