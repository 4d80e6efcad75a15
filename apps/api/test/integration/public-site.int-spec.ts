import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import request from 'supertest';
import { createApp } from '../../src/app';
import { createLogger } from '../../src/common/logger';
import { loadConfig } from '../../src/config/config';
import { ArticleEntity } from '../../src/modules/content/article.entity';
import { TherapistProfileEntity } from '../../src/modules/directory/therapist-profile.entity';
import { FirstConversationRequestEntity } from '../../src/modules/enquiries/first-conversation-request.entity';
import { OutboxEmailEntity } from '../../src/modules/mail/outbox-email.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, signedIn } from '../auth';
import { newArticle } from '../factories/article.factory';
import { newTherapistProfile } from '../factories/therapist-profile.factory';
import { gql, startTestApp, TEST_APP_SECRET, type TestApp } from '../harness';

// http, so the session cookie (Secure under https) rides along in these plain-http tests.
const PUBLIC_URL = 'http://practice.example';

/** What a search engine or a link preview reads from a page's head. */
function headOf(html: string) {
  const document = parseDocument(html);
  const meta = (key: string) =>
    DomUtils.findOne((el) => el.name === 'meta' && (el.attribs.property === key || el.attribs.name === key), document.children)?.attribs.content ?? null;
  const canonical = DomUtils.findOne((el) => el.name === 'link' && el.attribs.rel === 'canonical', document.children)?.attribs.href ?? null;
  const title = DomUtils.textContent(DomUtils.findOne((el) => el.name === 'title', document.children)!);
  const h1 = DomUtils.findAll((el) => el.name === 'h1', document.children).map((el) => DomUtils.textContent(el));
  const scripts = DomUtils.findAll((el) => el.name === 'script', document.children).length;
  const helpLinks = DomUtils.findAll((el) => el.name === 'a' && el.attribs.href === '/help', document.children).length;
  return { title, description: meta('description'), canonical, ogTitle: meta('og:title'), ogDescription: meta('og:description'), ogUrl: meta('og:url'), ogType: meta('og:type'), ogImage: meta('og:image'), robots: meta('robots'), h1, scripts, helpLinks };
}

type AtomEntry = { title: { '#text': string }; id: string; link: { '@_href': string }; content: { '#text': string }; category?: unknown };
function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'url' }).parse(xml);
  return parsed.feed as { title: string; entry?: AtomEntry[]; '@_xmlns': string };
}
function parseSitemap(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(xml);
  return (parsed.urlset.url as { loc: string }[]).map((url) => url.loc);
}

describe('the public site, rendered on the server', () => {
  let t: TestApp;
  let admin: UserEntity;
  let therapist: UserEntity;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL, CRISIS_TEXT: 'In Aotearoa, call or text **1737** any time.\\n\\nIn danger now? Call 111.', PRACTICE_NAME: 'Harbour Therapy' });
    admin = await newPerson(t.dataSource, 'ADMIN', { displayName: 'Alex Morgan' });
    therapist = await newPerson(t.dataSource, 'THERAPIST', { displayName: 'Sam Okafor' });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.dataSource.getRepository(ArticleEntity).deleteAll();
    await t.dataSource.getRepository(TherapistProfileEntity).deleteAll();
  });

  it('serves an article page readable without JavaScript, with its title, description, canonical URL and Open Graph tags', async () => {
    const article = await newArticle(t.dataSource, therapist.id, {
      slug: 'on-feeling-safe',
      title: 'On feeling safe',
      summary: 'Why the relationship matters <most>.',
      bodyMarkdown: 'Body with <script>alert(1)</script> **words**.',
      seoTitle: 'Feeling safe in therapy',
      coverImageUrl: 'https://images.example/calm.jpg',
      coverImageAlt: 'A calm harbour at dawn',
      tags: ['relationship'],
    });
    await newTherapistProfile(t.dataSource, therapist.id, { slug: 'sam-okafor', displayName: 'Sam Okafor' });
    const res = await t.http.get('/articles/on-feeling-safe').expect(200).expect('content-type', /text\/html/);
    const head = headOf(res.text);
    expect(head).toMatchObject({
      title: 'Feeling safe in therapy · Harbour Therapy',
      description: 'Why the relationship matters <most>.',
      canonical: `${PUBLIC_URL}/articles/on-feeling-safe`,
      ogTitle: 'Feeling safe in therapy',
      ogUrl: `${PUBLIC_URL}/articles/on-feeling-safe`,
      ogType: 'article',
      ogImage: 'https://images.example/calm.jpg',
      h1: ['On feeling safe'],
      scripts: 0,
    });
    expect(head.helpLinks).toBeGreaterThanOrEqual(1);
    expect(res.text).toContain('<strong>words</strong>');
    expect(res.text).toContain('alt="A calm harbour at dawn"');
    expect(res.text).toContain('href="/therapists/sam-okafor"');
    expect(res.text).not.toContain('<most>');
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    expect(article.id).toBeTruthy();
  });

  it('answers 404 for articles that do not exist or are not public, and for unknown paths and pages', async () => {
    await newArticle(t.dataSource, admin.id, { slug: 'a-draft', status: 'DRAFT', publishedAt: null });
    await newArticle(t.dataSource, admin.id, { slug: 'an-archive', status: 'ARCHIVED' });
    await newArticle(t.dataSource, admin.id, { slug: 'later', publishedAt: new Date(Date.now() + 3_600_000) });
    for (const path of ['/articles/a-draft', '/articles/an-archive', '/articles/later', '/articles/nothing-here', '/articles/UPPER', '/articles/x/y', '/therapists/nobody', '/articles?page=2', '/articles?page=0', '/articles?tag=grief', '/articles?tag=Not%20a%20tag', '/therapists?page=abc']) {
      const res = await t.http.get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).toContain("We couldn't find that page");
      expect(headOf(res.text).robots).toBe('noindex');
    }
  });

  it('lists articles with topic filters and pages, newest first', async () => {
    for (let i = 0; i < 12; i++) {
      await newArticle(t.dataSource, admin.id, { slug: `piece-${i}`, title: `Piece ${i}`, tags: i % 2 ? ['grief'] : ['starting-therapy'], publishedAt: new Date(Date.now() - (i + 1) * 60_000) });
    }
    await newArticle(t.dataSource, admin.id, { slug: 'hidden-draft', title: 'Hidden draft', status: 'DRAFT', publishedAt: null });
    const first = await t.http.get('/articles').expect(200);
    expect(first.text).toContain('href="/articles/piece-0"');
    expect(first.text).not.toContain('piece-10');
    expect(first.text).not.toContain('Hidden draft');
    expect(first.text).toContain('Page 1 of 2');
    expect(first.text).toContain('href="/articles?page=2"');
    const second = await t.http.get('/articles?page=2').expect(200);
    expect(second.text).toContain('href="/articles/piece-11"');
    expect(headOf(second.text).canonical).toBe(`${PUBLIC_URL}/articles?page=2`);
    const grief = await t.http.get('/articles?tag=grief').expect(200);
    expect(headOf(grief.text).h1).toEqual(['Articles about grief']);
    expect(grief.text).toContain('href="/articles/piece-1"');
    expect(grief.text).not.toContain('href="/articles/piece-0"');
  });

  it('publishes a valid Atom feed with the public articles only, newest first', async () => {
    await newArticle(t.dataSource, therapist.id, { slug: 'older', title: 'Older & wiser', publishedAt: new Date(Date.now() - 120_000) });
    await newArticle(t.dataSource, admin.id, { slug: 'newer', title: 'Title with ]]> and <b>', bodyMarkdown: 'Text with ]]> inside', publishedAt: new Date(Date.now() - 60_000) });
    await newArticle(t.dataSource, admin.id, { slug: 'draft', title: 'A draft', status: 'DRAFT', publishedAt: null });
    await newArticle(t.dataSource, admin.id, { slug: 'scheduled', title: 'Scheduled', publishedAt: new Date(Date.now() + 3_600_000) });
    const res = await t.http.get('/feed.xml').expect(200).expect('content-type', /application\/atom\+xml/);
    const feed = parseFeed(res.text);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('Harbour Therapy: articles');
    expect(feed.entry!.map((entry) => entry.title['#text'])).toEqual(['Title with ]]> and <b>', 'Older & wiser']);
    expect(feed.entry!.map((entry) => entry.link['@_href'])).toEqual([`${PUBLIC_URL}/articles/newer`, `${PUBLIC_URL}/articles/older`]);
    expect(feed.entry![0]!.content['#text']).toContain('<p>Text with ]]&gt; inside</p>');
  });

  it('lists only public pages in the sitemap', async () => {
    await newArticle(t.dataSource, admin.id, { slug: 'public-one' });
    await newArticle(t.dataSource, admin.id, { slug: 'draft-one', status: 'DRAFT', publishedAt: null });
    await newArticle(t.dataSource, admin.id, { slug: 'scheduled-one', publishedAt: new Date(Date.now() + 3_600_000) });
    await newTherapistProfile(t.dataSource, therapist.id, { slug: 'sam-okafor' });
    const unpublished = await newPerson(t.dataSource, 'THERAPIST');
    await newTherapistProfile(t.dataSource, unpublished.id, { slug: 'not-yet', published: false });
    const res = await t.http.get('/sitemap.xml').expect(200).expect('content-type', /xml/);
    const urls = parseSitemap(res.text);
    expect(urls).toEqual(expect.arrayContaining([`${PUBLIC_URL}/`, `${PUBLIC_URL}/articles`, `${PUBLIC_URL}/articles/public-one`, `${PUBLIC_URL}/therapists/sam-okafor`, `${PUBLIC_URL}/help`]));
    expect(urls.join(' ')).not.toMatch(/draft-one|scheduled-one|not-yet/);
    const robots = await t.http.get('/robots.txt').expect(200);
    expect(robots.text).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
  });

  it('shows a scheduled article at its time, on every instance and after a restart, exactly once', async () => {
    const adminAgent = await signedIn(t, admin);
    const created = await gql<{ createArticle: { id: string; slug: string } }>(adminAgent, 'mutation { createArticle(input: { title: "Right on time", summary: "s", bodyMarkdown: "b" }) { id slug } }');
    const { id, slug } = created.data!.createArticle;
    const at = new Date(Date.now() + 2_000);
    await gql(adminAgent, 'mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { status } }', { id, at: at.toISOString() });

    // A second instance over the same database, as when several API instances run.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORTAL_DIST: '/nonexistent', APP_SECRET: TEST_APP_SECRET, PUBLIC_URL });
    const second = await createApp(config, t.dataSource, createLogger('silent'));
    const instances = [t.http, request(second.getHttpServer())];
    try {
      for (const http of instances) {
        await http.get(`/articles/${slug}`).expect(404);
        expect(parseFeed((await http.get('/feed.xml')).text).entry ?? []).toEqual([]);
      }
      await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 200));
      // The first instance "restarts": nothing it held in memory is needed for the article to appear.
      await t.app.close();
      t.app = await createApp(t.config, t.dataSource, createLogger('silent'));
      t.http = request(t.app.getHttpServer());
      for (const http of [t.http, request(second.getHttpServer())]) {
        await http.get(`/articles/${slug}`).expect(200);
        const entries = parseFeed((await http.get('/feed.xml')).text).entry ?? [];
        expect(entries.filter((entry) => entry.title['#text'] === 'Right on time')).toHaveLength(1);
        expect(parseSitemap((await http.get('/sitemap.xml')).text).filter((url) => url.endsWith(`/articles/${slug}`))).toHaveLength(1);
      }
      const published = await t.dataSource.getRepository(ArticleEntity).findOneByOrFail({ id });
      expect(published.status).toBe('PUBLISHED');
    } finally {
      await second.close();
    }
  });

  it('shows the directory and a therapist’s profile, and hides unpublished profiles', async () => {
    await newTherapistProfile(t.dataSource, therapist.id, { slug: 'sam-okafor', displayName: 'Sam Okafor', pronouns: 'he/him', acceptingNewClients: true, approach: 'First paragraph.\n\nSecond <paragraph>.', specialties: ['Grief and loss'] });
    const hidden = await newPerson(t.dataSource, 'THERAPIST');
    await newTherapistProfile(t.dataSource, hidden.id, { slug: 'hidden-one', displayName: 'Hidden One', published: false });
    await newArticle(t.dataSource, therapist.id, { slug: 'by-sam', title: 'By Sam' });
    const directory = await t.http.get('/therapists').expect(200);
    expect(directory.text).toContain('href="/therapists/sam-okafor"');
    expect(directory.text).toContain('Accepting new clients');
    expect(directory.text).not.toContain('Hidden One');
    const profile = await t.http.get('/therapists/sam-okafor').expect(200);
    const head = headOf(profile.text);
    expect(head).toMatchObject({ h1: ['Sam Okafor'], canonical: `${PUBLIC_URL}/therapists/sam-okafor`, ogType: 'profile', description: 'First paragraph.' });
    expect(profile.text).toContain('<p>Second &lt;paragraph&gt;.</p>');
    expect(profile.text).toContain('href="/articles/by-sam"');
    expect(profile.text).toContain('href="/first-conversation?therapist=sam-okafor"');
    await t.http.get('/therapists/hidden-one').expect(404);
    const accepting = await t.http.get('/therapists?accepting=yes').expect(200);
    expect(accepting.text).toContain('Sam Okafor');
  });

  it('shows the configured crisis text, and the crisis link on every public page', async () => {
    const help = await t.http.get('/help').expect(200);
    expect(help.text).toContain('<strong>1737</strong>');
    expect(help.text).toContain('In danger now? Call 111.');
    const site = await gql<{ siteInfo: { practiceName: string; crisisHtml: string } }>(t.http, '{ siteInfo { practiceName crisisHtml } }');
    expect(site.data!.siteInfo.crisisHtml).toContain('1737');
    for (const path of ['/', '/articles', '/therapists', '/first-conversation', '/first-conversation/sent', '/help', '/articles/missing']) {
      const res = await t.http.get(path);
      expect([path, headOf(res.text).helpLinks >= 1]).toEqual([path, true]);
      expect(res.text).toContain('Need help now?');
    }
  });

  it('leaves the portal its own paths, and serves the home page with the practice introduced', async () => {
    const home = await t.http.get('/').expect(200);
    expect(headOf(home.text)).toMatchObject({ title: 'Harbour Therapy', h1: ['Therapy that starts with feeling safe'], canonical: `${PUBLIC_URL}/` });
    expect(home.text).toContain('href="/first-conversation"');
  });
});

describe('requesting a first conversation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    await newPerson(t.dataSource, 'ADMIN', { email: 'intake@practice.example', displayName: 'Intake Admin' });
    await newPerson(t.dataSource, 'ADMIN', { email: 'gone@practice.example', deactivatedAt: new Date() });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.dataSource.getRepository(FirstConversationRequestEntity).deleteAll();
    await t.dataSource.getRepository(OutboxEmailEntity).deleteAll();
  });

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('works as a plain HTML form: errors come back on the page with what was typed, success redirects kindly', async () => {
    const bad = await t.http.post('/first-conversation').set(from('10.0.0.1')).type('form').send({ name: 'Kim <b>', email: 'not-an-email', preferredContact: 'PHONE', message: 'Kept text' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Please enter an email address like name@example.com.');
    expect(bad.text).toContain('Please add a phone number, or choose email instead.');
    expect(bad.text).toContain('value="Kim &lt;b&gt;"');
    expect(bad.text).toContain('>Kept text</textarea>');
    expect(bad.text).toContain('aria-invalid="true"');
    expect(await t.dataSource.getRepository(FirstConversationRequestEntity).count()).toBe(0);

    const good = await t.http.post('/first-conversation').set(from('10.0.0.2')).type('form').send({ name: 'Kim', email: 'Kim@Example.org', message: 'I have been low for a while.' });
    expect(good.status).toBe(303);
    expect(good.headers.location).toBe('/first-conversation/sent');
    const sent = await t.http.get('/first-conversation/sent').expect(200);
    expect(sent.text).toContain('What happens next');

    const stored = await t.dataSource.getRepository(FirstConversationRequestEntity).find();
    expect(stored).toMatchObject([{ name: 'Kim', email: 'kim@example.org', preferredContact: 'EMAIL', status: 'NEW', message: 'I have been low for a while.' }]);
    // The admins are told, after the commit, without what the person wrote.
    const emails = await t.dataSource.getRepository(OutboxEmailEntity).find();
    expect(emails.map((email) => email.to)).toEqual(['intake@practice.example']);
    expect(emails[0]!.text).toContain(`${PUBLIC_URL}/admin/first-conversations`);
    expect(emails[0]!.text).not.toMatch(/Kim|low for a while/);
  });

  it('catches spam in the trap field without telling it so, and keeps nothing', async () => {
    const res = await t.http.post('/first-conversation').set(from('10.0.0.3')).type('form').send({ name: 'Bot', email: 'bot@example.org', website: 'https://spam.example' });
    expect(res.status).toBe(303);
    const viaGraphql = await gql(t.http, 'mutation { requestFirstConversation(input: { name: "Bot", email: "bot@example.org", website: "x" }) }', {}, from('10.0.0.3'));
    expect(viaGraphql.data).toEqual({ requestFirstConversation: true });
    expect(await t.dataSource.getRepository(FirstConversationRequestEntity).count()).toBe(0);
    expect(await t.dataSource.getRepository(OutboxEmailEntity).count()).toBe(0);
  });

  it('limits how often one address can send, and says so kindly', async () => {
    for (let i = 0; i < 5; i++) {
      const ok = await gql(t.http, 'mutation($i: RequestFirstConversationInput!) { requestFirstConversation(input: $i) }', { i: { name: `Person ${i}`, email: `p${i}@example.org` } }, from('10.0.0.9'));
      expect(ok.errors).toBeUndefined();
    }
    const limited = await gql(t.http, 'mutation { requestFirstConversation(input: { name: "Again", email: "again@example.org" }) }', {}, from('10.0.0.9'));
    expect(limited.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    const page = await t.http.post('/first-conversation').set(from('10.0.0.9')).type('form').send({ name: 'Again', email: 'again@example.org' });
    expect(page.status).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    expect(page.text).toContain('we have the ones you sent');
    expect(await t.dataSource.getRepository(FirstConversationRequestEntity).count()).toBe(5);
    // Another address is not affected.
    expect((await gql(t.http, 'mutation { requestFirstConversation(input: { name: "Other", email: "o@example.org" }) }', {}, from('10.0.0.10'))).errors).toBeUndefined();
  });

  it('lets admins, and only admins, read requests and mark them handled', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST', { displayName: 'Sam Okafor' });
    const profile = await newTherapistProfile(t.dataSource, therapist.id, { slug: `sam-${Date.now()}`, acceptingNewClients: true });
    const form = await t.http.get(`/first-conversation?therapist=${profile.slug}`).expect(200);
    expect(form.text).toContain(`value="${profile.id}" selected`);
    await gql(t.http, 'mutation($p: ID) { requestFirstConversation(input: { name: "Ari", email: "ari@example.org", therapistProfileId: $p, preferredContact: PHONE, phone: "+64 21 555 0101" }) }', { p: profile.id }, from('10.0.1.1'));
    const wrongTherapist = await gql(t.http, 'mutation { requestFirstConversation(input: { name: "Ari", email: "ari@example.org", therapistProfileId: "00000000-0000-4000-8000-000000000000" }) }', {}, from('10.0.1.2'));
    expect(wrongTherapist.errors![0]!.extensions.fields![0]!.path).toEqual(['input', 'therapistProfileId']);

    const admin = await newPerson(t.dataSource, 'ADMIN');
    const adminAgent = await signedIn(t, admin);
    type List = { firstConversationRequests: { edges: { node: { id: string; name: string; therapistName: string; phone: string; status: string } }[] } };
    const list = await gql<List>(adminAgent, '{ firstConversationRequests(status: NEW) { edges { node { id name therapistName phone status } } } }');
    expect(list.data!.firstConversationRequests.edges.map((edge) => edge.node)).toMatchObject([{ name: 'Ari', therapistName: 'Sam Okafor', phone: '+64 21 555 0101' }]);
    const id = list.data!.firstConversationRequests.edges[0]!.node.id;
    const handled = await gql<{ markFirstConversationRequestHandled: { status: string; handledByName: string } }>(adminAgent, 'mutation($id: ID!) { markFirstConversationRequestHandled(id: $id) { status handledByName } }', { id });
    expect(handled.data!.markFirstConversationRequestHandled).toEqual({ status: 'HANDLED', handledByName: admin.displayName });

    const therapistAgent = await signedIn(t, therapist);
    expect((await gql(therapistAgent, '{ firstConversationRequests { edges { node { id } } } }')).errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect((await gql(t.http, '{ firstConversationRequests { edges { node { id } } } }')).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
