import { html, type SafeHtml } from './html';

export interface SiteContext {
  practiceName: string;
  /** The address people use, without a trailing slash. */
  publicUrl: string;
  stylesheets: string[];
}

export type Section = 'home' | 'articles' | 'therapists' | 'first-conversation' | 'help' | null;

export interface PageMeta {
  /** The page's own title; the practice name is added. Null on the home page. */
  title: string | null;
  description: string;
  /** The canonical path on this site, with its query string if it has one. */
  path: string;
  section: Section;
  ogType?: 'website' | 'article' | 'profile';
  image?: { url: string; alt: string } | null;
  /** For pages that should not be indexed (errors, the confirmation page). */
  noindex?: boolean;
  article?: { publishedAt: Date | null; updatedAt: Date; tags: string[] };
  /** Pagination hints for search engines. */
  prev?: string | null;
  next?: string | null;
}

const NAV: { section: Exclude<Section, null | 'home' | 'help'>; href: string; label: string }[] = [
  { section: 'articles', href: '/articles', label: 'Articles' },
  { section: 'therapists', href: '/therapists', label: 'Our therapists' },
  { section: 'first-conversation', href: '/first-conversation', label: 'Request a first conversation' },
];

export const fullTitle = (site: SiteContext, title: string | null) => (title ? `${title} · ${site.practiceName}` : site.practiceName);

/** The frame of every public page, matching the portal's: skip link, navigation, the crisis link, and the footer. */
export function layout(site: SiteContext, meta: PageMeta, body: SafeHtml): string {
  const canonical = `${site.publicUrl}${meta.path}`;
  const title = fullTitle(site, meta.title);
  const current = (section: Section) => (meta.section === section ? html` aria-current="page"` : null);
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title}</title>
    <meta name="description" content="${meta.description}">
    <link rel="canonical" href="${canonical}">
    ${meta.noindex ? html`<meta name="robots" content="noindex">` : null}
    ${meta.prev ? html`<link rel="prev" href="${site.publicUrl}${meta.prev}">` : null}
    ${meta.next ? html`<link rel="next" href="${site.publicUrl}${meta.next}">` : null}
    <meta property="og:site_name" content="${site.practiceName}">
    <meta property="og:type" content="${meta.ogType ?? 'website'}">
    <meta property="og:title" content="${meta.title ?? site.practiceName}">
    <meta property="og:description" content="${meta.description}">
    <meta property="og:url" content="${canonical}">
    <meta property="og:locale" content="en">
    ${meta.image
      ? html`<meta property="og:image" content="${meta.image.url}">
    <meta property="og:image:alt" content="${meta.image.alt}">
    <meta name="twitter:card" content="summary_large_image">`
      : html`<meta name="twitter:card" content="summary">`}
    ${meta.article
      ? html`${meta.article.publishedAt ? html`<meta property="article:published_time" content="${meta.article.publishedAt.toISOString()}">` : null}
    <meta property="article:modified_time" content="${meta.article.updatedAt.toISOString()}">
    ${meta.article.tags.map((tag) => html`<meta property="article:tag" content="${tag}">`)}`
      : null}
    <link rel="alternate" type="application/atom+xml" title="${site.practiceName}: articles" href="/feed.xml">
    <link rel="icon" href="/favicon.svg" type="image/svg+xml">
    ${site.stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">`)}
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <div class="site-header__inner">
        <a href="/" class="brand"${current('home')}><span aria-hidden="true" class="brand__mark"></span>${site.practiceName}</a>
        <nav aria-label="Main">
          <ul class="nav-list">
            ${NAV.map((item) => html`<li><a href="${item.href}"${current(item.section)}>${item.label}</a></li>`)}
            <li><a href="/sign-in">Sign in</a></li>
          </ul>
        </nav>
        <a href="/help" class="help-link"${current('help')}>Need help now?</a>
      </div>
    </header>
    <main id="main" tabindex="-1">
${body}
    </main>
    <footer class="site-footer">
      <p>${site.practiceName} is not an emergency service and is not monitored around the clock. <a href="/help">Need help now?</a></p>
      <p><a href="/feed.xml">Follow our articles (Atom feed)</a></p>
    </footer>
  </body>
</html>
`.value;
}
