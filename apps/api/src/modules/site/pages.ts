import type { ArticleEntity } from '../content/article.entity';
import type { TherapistProfileEntity } from '../directory/therapist-profile.entity';
import { html, sanitized, type SafeHtml } from './html';
import type { PageMeta, SiteContext } from './layout';

/** One page: its metadata for the head, and its content for <main>. */
export interface Page {
  status: number;
  meta: PageMeta;
  body: SafeHtml;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
const date = (value: Date) => html`<time datetime="${value.toISOString()}">${dateFormat.format(value)}</time>`;
const tagLabel = (tag: string) => tag.replace(/-/g, ' ');
const tagHref = (tag: string) => `/articles?tag=${encodeURIComponent(tag)}`;

/** Plain text in paragraphs, split at blank lines (a therapist's own words are not Markdown). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => html`<p>${part}</p>`);

export interface Paging {
  page: number;
  pages: number;
  /** What the items are called: "articles", "therapists". */
  noun: string;
}

function pagination(paging: Paging, href: (page: number) => string) {
  if (paging.pages <= 1) return null;
  return html`<nav class="pagination" aria-label="Pages of ${paging.noun}">
    <ul>
      ${paging.page > 1 ? html`<li><a href="${href(paging.page - 1)}" rel="prev">Newer ${paging.noun}</a></li>` : null}
      <li aria-current="page">Page ${paging.page} of ${paging.pages}</li>
      ${paging.page < paging.pages ? html`<li><a href="${href(paging.page + 1)}" rel="next">Older ${paging.noun}</a></li>` : null}
    </ul>
  </nav>`;
}

function articleCard(article: ArticleEntity, headingLevel: 2 | 3) {
  const id = `article-${article.id}`;
  const heading =
    headingLevel === 2
      ? html`<h2 id="${id}"><a href="/articles/${article.slug}">${article.title}</a></h2>`
      : html`<h3 id="${id}"><a href="/articles/${article.slug}">${article.title}</a></h3>`;
  return html`<li class="card">
        <article aria-labelledby="${id}">
          ${heading}
          <p class="meta">${article.author?.displayName ?? ''}${article.publishedAt ? html` · ${date(article.publishedAt)}` : null}</p>
          <p>${article.summary}</p>
          ${article.tags.length > 0
            ? html`<ul class="tags" aria-label="Topics">${article.tags.map((tag) => html`<li><a href="${tagHref(tag)}">${tagLabel(tag)}</a></li>`)}</ul>`
            : null}
        </article>
      </li>`;
}

function acceptingBadge(profile: TherapistProfileEntity) {
  return profile.acceptingNewClients
    ? html`<p class="badge badge--open">Accepting new clients</p>`
    : html`<p class="badge">Not taking new clients right now</p>`;
}

function therapistCard(profile: TherapistProfileEntity, headingLevel: 2 | 3) {
  const id = `therapist-${profile.id}`;
  const name = html`<a href="/therapists/${profile.slug}">${profile.displayName}</a>`;
  return html`<li class="card">
        <article aria-labelledby="${id}">
          ${headingLevel === 2 ? html`<h2 id="${id}">${name}</h2>` : html`<h3 id="${id}">${name}</h3>`}
          <p class="meta">${[profile.pronouns, profile.credentials].filter(Boolean).join(' · ')}</p>
          ${acceptingBadge(profile)}
          ${profile.specialties.length > 0 ? html`<ul class="tags tags--plain" aria-label="Specialties">${profile.specialties.map((item) => html`<li>${item}</li>`)}</ul>` : null}
        </article>
      </li>`;
}

const firstConversationCta = (therapist?: TherapistProfileEntity) => html`<aside class="card cta" aria-labelledby="cta-heading">
        <h2 id="cta-heading">Talking to someone can help</h2>
        <p>A first conversation is a chance to ask questions and see whether working together feels right. There is no commitment.</p>
        <p><a class="button" href="/first-conversation${therapist?.acceptingNewClients ? `?therapist=${therapist.slug}` : ''}">Request a first conversation${therapist?.acceptingNewClients ? html` with ${therapist.displayName}` : null}</a></p>
      </aside>`;

// --- Pages -----------------------------------------------------------------------------------

export function homePage(site: SiteContext, articles: ArticleEntity[], therapists: TherapistProfileEntity[]): Page {
  return {
    status: 200,
    meta: {
      title: null,
      description: `${site.practiceName} is a therapy practice that puts the relationship first: feeling safe with your therapist matters more than any single technique.`,
      path: '/',
      section: 'home',
    },
    body: html`<div class="page">
      <section class="hero" aria-labelledby="home-heading">
        <h1 id="home-heading">Therapy that starts with feeling safe</h1>
        <p class="lead">How safe, heard and understood you feel with your therapist matters more than any single technique. Everything we do at ${site.practiceName} is built around that relationship.</p>
        <p class="actions"><a class="button" href="/first-conversation">Request a first conversation</a> <a class="button button--quiet" href="/therapists">Meet our therapists</a></p>
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">How starting works</h2>
        <ol class="steps">
          <li><h3>Tell us a little</h3><p>Send a short request with your name and how to reach you. You don't need to explain why you're getting in touch.</p></li>
          <li><h3>Have a first conversation</h3><p>We arrange a short call or video chat. You can ask anything, and get a feel for how we work. There is no commitment.</p></li>
          <li><h3>Find someone you feel safe with</h3><p>If it feels right, you start with a therapist who suits you. If it doesn't, you can say so, and we'll help you find someone else.</p></li>
        </ol>
      </section>
      ${therapists.length > 0
        ? html`<section aria-labelledby="therapists-heading">
        <h2 id="therapists-heading">Therapists accepting new clients</h2>
        <ul class="card-list card-list--grid">${therapists.map((profile) => therapistCard(profile, 3))}</ul>
        <p><a href="/therapists">See all our therapists</a></p>
      </section>`
        : null}
      ${articles.length > 0
        ? html`<section aria-labelledby="articles-heading">
        <h2 id="articles-heading">Recent writing</h2>
        <ul class="card-list">${articles.map((article) => articleCard(article, 3))}</ul>
        <p><a href="/articles">Read all our articles</a></p>
      </section>`
        : null}
    </div>`,
  };
}

export function articlesPage(
  site: SiteContext,
  data: { articles: ArticleEntity[]; tag: string | null; tags: { name: string; count: number }[]; paging: Paging },
): Page {
  const { articles, tag, tags, paging } = data;
  const heading = tag ? `Articles about ${tagLabel(tag)}` : 'Articles';
  const path = (page: number) => `/articles${tag || page > 1 ? '?' : ''}${new URLSearchParams({ ...(tag ? { tag } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return {
    status: 200,
    meta: {
      title: paging.page > 1 ? `${heading}, page ${paging.page}` : heading,
      description: tag
        ? `Writing from ${site.practiceName} about ${tagLabel(tag)}.`
        : `Writing from ${site.practiceName} to help you decide about starting therapy, and to find a therapist you feel safe with.`,
      path: path(paging.page),
      section: 'articles',
      prev: paging.page > 1 ? path(paging.page - 1) : null,
      next: paging.page < paging.pages ? path(paging.page + 1) : null,
    },
    body: html`<section class="page" aria-labelledby="page-heading">
      <h1 id="page-heading">${heading}</h1>
      ${tags.length > 0
        ? html`<nav class="topics" aria-label="Topics">
        <ul class="tags">
          <li><a href="/articles"${tag ? null : html` aria-current="page"`}>All topics</a></li>
          ${tags.map((item) => html`<li><a href="${tagHref(item.name)}"${item.name === tag ? html` aria-current="page"` : null}>${tagLabel(item.name)}</a></li>`)}
        </ul>
      </nav>`
        : null}
      ${articles.length === 0 ? html`<p>There are no articles here yet.</p>` : html`<ul class="card-list">${articles.map((article) => articleCard(article, 2))}</ul>`}
      ${pagination(paging, path)}
    </section>`,
  };
}

export function articlePage(site: SiteContext, article: ArticleEntity, authorProfile: TherapistProfileEntity | null): Page {
  const author = authorProfile
    ? html`<a href="/therapists/${authorProfile.slug}">${authorProfile.displayName}</a>`
    : html`${article.author?.displayName ?? ''}`;
  return {
    status: 200,
    meta: {
      title: article.seoTitle ?? article.title,
      description: article.seoDescription ?? article.summary,
      path: `/articles/${article.slug}`,
      section: 'articles',
      ogType: 'article',
      image: article.coverImageUrl && article.coverImageAlt ? { url: article.coverImageUrl, alt: article.coverImageAlt } : null,
      article: { publishedAt: article.publishedAt, updatedAt: article.updatedAt, tags: article.tags },
    },
    body: html`<article class="page narrow" aria-labelledby="article-heading">
      <p><a href="/articles">All articles</a></p>
      <h1 id="article-heading">${article.title}</h1>
      <p class="meta">${author}${article.publishedAt ? html` · ${date(article.publishedAt)}` : null}</p>
      ${article.coverImageUrl && article.coverImageAlt
        ? html`<figure class="cover"><img src="${article.coverImageUrl}" alt="${article.coverImageAlt}"></figure>`
        : null}
      <p class="lead">${article.summary}</p>
      <div class="prose">
${sanitized(article.bodyHtml)}
      </div>
      ${article.tags.length > 0
        ? html`<ul class="tags" aria-label="Topics">${article.tags.map((tag) => html`<li><a href="${tagHref(tag)}">${tagLabel(tag)}</a></li>`)}</ul>`
        : null}
      ${firstConversationCta(authorProfile ?? undefined)}
    </article>`,
  };
}

export function therapistsPage(site: SiteContext, data: { profiles: TherapistProfileEntity[]; acceptingOnly: boolean; paging: Paging }): Page {
  const { profiles, acceptingOnly, paging } = data;
  const path = (page: number) =>
    `/therapists${acceptingOnly || page > 1 ? '?' : ''}${new URLSearchParams({ ...(acceptingOnly ? { accepting: 'yes' } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  return {
    status: 200,
    meta: {
      title: paging.page > 1 ? `Our therapists, page ${paging.page}` : 'Our therapists',
      description: `Meet the therapists at ${site.practiceName}: how they work, in their own words, and whether they are accepting new clients.`,
      path: path(paging.page),
      section: 'therapists',
      prev: paging.page > 1 ? path(paging.page - 1) : null,
      next: paging.page < paging.pages ? path(paging.page + 1) : null,
    },
    body: html`<section class="page" aria-labelledby="page-heading">
      <h1 id="page-heading">Our therapists</h1>
      <p class="lead">Finding someone you feel safe with matters most. Read how each of us works, in our own words.</p>
      <p>${acceptingOnly
        ? html`Showing therapists accepting new clients. <a href="/therapists">Show everyone</a>`
        : html`<a href="/therapists?accepting=yes">Show only therapists accepting new clients</a>`}</p>
      ${profiles.length === 0
        ? html`<p>${acceptingOnly ? 'No one is taking new clients just now.' : 'Our therapists have not written their profiles yet.'} You can still <a href="/first-conversation">request a first conversation</a>, and we will tell you when someone is available.</p>`
        : html`<ul class="card-list card-list--grid">${profiles.map((profile) => therapistCard(profile, 2))}</ul>`}
      ${pagination(paging, path)}
    </section>`,
  };
}

export function therapistPage(site: SiteContext, profile: TherapistProfileEntity, articles: ArticleEntity[]): Page {
  const firstParagraph = profile.approach.split(/\n\s*\n/)[0]!.trim();
  return {
    status: 200,
    meta: {
      title: profile.displayName,
      description: firstParagraph.length > 200 ? `${firstParagraph.slice(0, 197).trimEnd()}…` : firstParagraph,
      path: `/therapists/${profile.slug}`,
      section: 'therapists',
      ogType: 'profile',
    },
    body: html`<article class="page narrow" aria-labelledby="profile-heading">
      <p><a href="/therapists">All our therapists</a></p>
      <h1 id="profile-heading">${profile.displayName}</h1>
      <p class="meta">${[profile.pronouns, profile.credentials].filter(Boolean).join(' · ')}</p>
      ${acceptingBadge(profile)}
      <section aria-labelledby="approach-heading">
        <h2 id="approach-heading">How I work</h2>
        <div class="prose">${paragraphs(profile.approach)}</div>
      </section>
      ${profile.specialties.length > 0
        ? html`<section aria-labelledby="specialties-heading">
        <h2 id="specialties-heading">What I often help with</h2>
        <ul>${profile.specialties.map((item) => html`<li>${item}</li>`)}</ul>
      </section>`
        : null}
      ${articles.length > 0
        ? html`<section aria-labelledby="writing-heading">
        <h2 id="writing-heading">Writing by ${profile.displayName}</h2>
        <ul class="card-list">${articles.map((article) => articleCard(article, 3))}</ul>
      </section>`
        : null}
      ${firstConversationCta(profile)}
    </article>`,
  };
}

export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** A problem that belongs to no one field, like a rate limit. */
  problem?: string | null;
}

function field(
  state: FormState,
  name: string,
  label: string,
  control: (describedBy: string | null, invalid: boolean) => SafeHtml,
  hint?: string,
) {
  const error = state.errors[name];
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || null;
  return html`<div class="field${error ? ' field--invalid' : ''}">
          <label for="${name}">${label}</label>
          ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : null}
          ${error ? html`<p class="field-error" id="${name}-error">${error}</p>` : null}
          ${control(describedBy, Boolean(error))}
        </div>`;
}

const describedByAttr = (describedBy: string | null, invalid: boolean) =>
  html`${describedBy ? html` aria-describedby="${describedBy}"` : null}${invalid ? html` aria-invalid="true"` : null}`;

const FIELD_ORDER = ['name', 'email', 'preferredContact', 'phone', 'therapistProfileId', 'message'];

export function firstConversationPage(site: SiteContext, therapists: TherapistProfileEntity[], state: FormState, status = 200): Page {
  const value = (name: string) => state.values[name] ?? '';
  const contact = value('preferredContact') || 'EMAIL';
  const errorNames = FIELD_ORDER.filter((name) => state.errors[name]);
  return {
    status,
    meta: {
      title: 'Request a first conversation',
      description: `Ask ${site.practiceName} for a first conversation: a chance to ask questions and see whether working together feels right. There is no commitment.`,
      path: '/first-conversation',
      section: 'first-conversation',
      noindex: status !== 200,
    },
    body: html`<section class="page narrow" aria-labelledby="page-heading">
      <h1 id="page-heading">Request a first conversation</h1>
      <p class="lead">A first conversation is a chance to ask questions and see whether working together feels right. There is no commitment.</p>
      <p>You don't need to explain why you're getting in touch. We only need your name and a way to reach you.</p>
      <p class="notice">This form is not for emergencies, and it is not read around the clock. If you need help now, see <a href="/help">Need help now?</a></p>
      ${state.problem ? html`<div class="notice notice--problem" role="alert"><p>${state.problem}</p></div>` : null}
      ${errorNames.length > 0
        ? html`<div class="notice notice--problem error-summary" role="alert" aria-labelledby="error-summary-heading">
        <h2 id="error-summary-heading">Please check what you entered</h2>
        <ul>${errorNames.map((name) => html`<li><a href="#${name === 'preferredContact' ? 'preferredContact-EMAIL' : name}">${state.errors[name]}</a></li>`)}</ul>
      </div>`
        : null}
      <form method="post" action="/first-conversation" class="form" novalidate>
        ${field(state, 'name', 'Your name', (d, i) => html`<input id="name" name="name" type="text" autocomplete="name" required maxlength="100" value="${value('name')}"${describedByAttr(d, i)}>`, 'The name you would like us to use.')}
        ${field(state, 'email', 'Email address', (d, i) => html`<input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="${value('email')}"${describedByAttr(d, i)}>`)}
        <fieldset class="field${state.errors.preferredContact ? ' field--invalid' : ''}">
          <legend>How would you like us to reach you?</legend>
          <div class="choice"><input id="preferredContact-EMAIL" name="preferredContact" type="radio" value="EMAIL"${contact === 'EMAIL' ? html` checked` : null}><label for="preferredContact-EMAIL">By email</label></div>
          <div class="choice"><input id="preferredContact-PHONE" name="preferredContact" type="radio" value="PHONE"${contact === 'PHONE' ? html` checked` : null}><label for="preferredContact-PHONE">By phone</label></div>
        </fieldset>
        ${field(state, 'phone', 'Phone number (optional)', (d, i) => html`<input id="phone" name="phone" type="tel" autocomplete="tel" maxlength="30" value="${value('phone')}"${describedByAttr(d, i)}>`, 'Only needed if you would like a call.')}
        ${therapists.length > 0
          ? field(
              state,
              'therapistProfileId',
              'Would you like to talk to someone in particular? (optional)',
              (d, i) => html`<select id="therapistProfileId" name="therapistProfileId"${describedByAttr(d, i)}>
            <option value="">No preference</option>
            ${therapists.map((profile) => html`<option value="${profile.id}"${value('therapistProfileId') === profile.id ? html` selected` : null}>${profile.displayName}</option>`)}
          </select>`,
            )
          : null}
        ${field(
          state,
          'message',
          'Anything you would like us to know? (optional)',
          (d, i) => html`<textarea id="message" name="message" rows="5" maxlength="2000"${describedByAttr(d, i)}>${value('message')}</textarea>`,
          'You can also save it for the conversation. Share only what you are comfortable writing down.',
        )}
        <div class="trap" hidden>
          <label for="website">Leave this field empty</label>
          <input id="website" name="website" type="text" autocomplete="off" tabindex="-1">
        </div>
        <p class="privacy">Only the practice’s administrators, who arrange first conversations, read what you send here. We use it only to get back to you.</p>
        <p><button class="button" type="submit">Send my request</button></p>
      </form>
    </section>`,
  };
}

export function requestSentPage(site: SiteContext): Page {
  return {
    status: 200,
    meta: { title: 'Thank you: we have your request', description: 'Your request for a first conversation has reached us.', path: '/first-conversation/sent', section: 'first-conversation', noindex: true },
    body: html`<section class="page narrow" aria-labelledby="page-heading">
      <h1 id="page-heading">Thank you: we have your request</h1>
      <p class="lead">Reaching out can take a lot. You've done the hard part.</p>
      <h2>What happens next</h2>
      <ol class="steps">
        <li><p>Someone from ${site.practiceName} reads your request and gets back to you, the way you chose, to find a time that suits you.</p></li>
        <li><p>In the first conversation, you can ask anything and say as much or as little as you like.</p></li>
        <li><p>Afterwards, you decide whether to go on. There is no commitment.</p></li>
      </ol>
      <p>If you need to talk to someone before we reply, or you feel unsafe, please see <a href="/help">Need help now?</a></p>
      <p><a href="/articles">Read our articles while you wait</a></p>
    </section>`,
  };
}

export function helpPage(site: SiteContext, crisisHtml: string): Page {
  return {
    status: 200,
    meta: {
      title: 'Need help now?',
      description: 'If you are in danger or thinking about ending your life, call your local emergency number now. Where to find help right away.',
      path: '/help',
      section: 'help',
    },
    body: html`<section class="page narrow" aria-labelledby="page-heading">
      <h1 id="page-heading">Need help now?</h1>
      <div class="prose crisis">
${sanitized(crisisHtml)}
      </div>
    </section>`,
  };
}

export function notFoundPage(site: SiteContext, path: string): Page {
  return {
    status: 404,
    meta: { title: 'Page not found', description: 'We could not find that page.', path, section: null, noindex: true },
    body: html`<section class="page narrow" aria-labelledby="page-heading">
      <h1 id="page-heading">We couldn't find that page</h1>
      <p>It may have moved, or the link may be incomplete.</p>
      <ul>
        <li><a href="/">Go to the home page</a></li>
        <li><a href="/articles">Read our articles</a></li>
        <li><a href="/therapists">Meet our therapists</a></li>
      </ul>
    </section>`,
  };
}
