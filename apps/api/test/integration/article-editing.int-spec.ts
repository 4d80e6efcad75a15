import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { ArticleRevisionEntity } from '../../src/modules/content/article-revision.entity';
import { ArticleEntity } from '../../src/modules/content/article.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, signedIn } from '../auth';
import { newArticle } from '../factories/article.factory';
import { gql, startTestApp, type Http, type TestApp } from '../harness';

const FIELDS = 'id slug title summary bodyMarkdown bodyHtml status publishedAt version tags coverImageUrl coverImageAlt seoTitle seoDescription authorId author { displayName }';
const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation Publish($id: ID!, $at: DateTime, $version: Int) { publishArticle(id: $id, at: $at, version: $version) { ${FIELDS} } }`;
const UNPUBLISH = `mutation Unpublish($id: ID!, $version: Int) { unpublishArticle(id: $id, version: $version) { ${FIELDS} } }`;
const ARCHIVE = `mutation Archive($id: ID!) { archiveArticle(id: $id) { ${FIELDS} } }`;
const ADMIN_LIST = `query List($status: ArticleStatus, $search: String, $first: Int, $after: String) {
  adminArticles(status: $status, search: $search, first: $first, after: $after) { edges { node { id slug status } } pageInfo { hasNextPage endCursor } }
}`;
const ADMIN_ONE = `query One($id: ID!) { adminArticle(id: $id) { ${FIELDS} } }`;
const PUBLIC_ONE = 'query($slug: String!) { article(slug: $slug) { id slug status title } }';
const PUBLIC_LIST = '{ articles(first: 100) { edges { node { slug } } } }';
const REVISIONS = `query Revisions($id: ID!, $first: Int, $after: String) {
  articleRevisions(articleId: $id, first: $first, after: $after) { edges { node { id version event title bodyMarkdown editedBy { displayName } } } pageInfo { hasNextPage endCursor } }
}`;
const RESTORE = `mutation Restore($articleId: ID!, $revisionId: ID!, $version: Int!) { restoreArticleRevision(articleId: $articleId, revisionId: $revisionId, version: $version) { ${FIELDS} } }`;

interface ArticleShape {
  id: string;
  slug: string;
  title: string;
  bodyMarkdown: string;
  bodyHtml: string;
  status: string;
  publishedAt: string | null;
  version: number;
  tags: string[];
  coverImageUrl: string | null;
  coverImageAlt: string | null;
  seoTitle: string | null;
  authorId: string | null;
  author: { displayName: string };
}

const codeOf = (result: { errors?: { extensions: { code: string } }[] }) => result.errors?.[0]?.extensions.code;

describe('writing and publishing articles', () => {
  let t: TestApp;
  let admin: UserEntity;
  let adminAgent: Http;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await newPerson(t.dataSource, 'ADMIN', { displayName: 'Alex Morgan' });
    adminAgent = await signedIn(t, admin);
  });
  afterAll(() => t.close());

  async function create(input: Record<string, unknown>, agent: Http = adminAgent) {
    const result = await gql<{ createArticle: ArticleShape }>(agent, CREATE, { input: { summary: 'A short piece.', bodyMarkdown: 'Some words.', ...input } });
    expect(result.errors).toBeUndefined();
    return result.data!.createArticle;
  }

  it('creates a draft with a slug made from the title, renders sanitized HTML, and keeps a first revision', async () => {
    const article = await create({ title: 'When Therapy Feels Stuck — What Then?', bodyMarkdown: 'Hello <script>alert(1)</script> **there**', tags: ['relationship', 'relationship'] });
    expect(article).toMatchObject({ slug: 'when-therapy-feels-stuck-what-then', status: 'DRAFT', publishedAt: null, version: 1, tags: ['relationship'], authorId: admin.id });
    expect(article.author.displayName).toBe('Alex Morgan');
    expect(article.bodyHtml).toContain('<strong>there</strong>');
    expect(article.bodyHtml).not.toContain('<script');
    const revisions = await t.dataSource.getRepository(ArticleRevisionEntity).findBy({ articleId: article.id });
    expect(revisions).toMatchObject([{ version: 1, event: 'CREATED', editedById: admin.id }]);
    const audit = await t.dataSource.getRepository(AuditEventEntity).findBy({ action: 'article.created', targetId: article.id });
    expect(audit).toHaveLength(1);

    // The same title again gets the next free slug.
    const again = await create({ title: 'When therapy feels stuck: what then?' });
    expect(again.slug).toBe('when-therapy-feels-stuck-what-then-2');
  });

  it('refuses bad input with the paths of the fields, and writes nothing', async () => {
    const before = await t.dataSource.getRepository(ArticleEntity).count();
    const result = await gql(adminAgent, CREATE, {
      input: { title: ' ', summary: 'x', bodyMarkdown: '', tags: ['Not A Tag'], slug: 'Bad Slug!', coverImageUrl: 'https://images.example/a.jpg' },
    });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    const paths = result.errors![0]!.extensions.fields!.map((field) => field.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['input.title', 'input.tags.0', 'input.slug', 'input.coverImageAlt']));
    expect(await t.dataSource.getRepository(ArticleEntity).count()).toBe(before);

    const taken = await create({ title: 'Taken address' });
    const duplicate = await gql(adminAgent, CREATE, { input: { title: 'Other', summary: 's', bodyMarkdown: 'b', slug: taken.slug } });
    expect(codeOf(duplicate)).toBe('BAD_USER_INPUT');
    expect(duplicate.errors![0]!.extensions.fields![0]!.path).toEqual(['input', 'slug']);

    const client = await newPerson(t.dataSource, 'CLIENT');
    const wrongAuthor = await gql(adminAgent, CREATE, { input: { title: 'By a client?', summary: 's', bodyMarkdown: 'b', authorId: client.id } });
    expect(wrongAuthor.errors![0]!.extensions.fields![0]!.path).toEqual(['input', 'authorId']);
  });

  it('names a therapist as author when asked, and the author sees their own drafts but cannot change them', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST', { displayName: 'Sam Okafor' });
    const article = await create({ title: 'Grief has no timetable', authorId: therapist.id });
    const other = await create({ title: 'Not theirs' });
    const therapistAgent = await signedIn(t, therapist);

    const list = await gql<{ adminArticles: { edges: { node: { id: string } }[] } }>(therapistAgent, ADMIN_LIST, {});
    expect(list.data!.adminArticles.edges.map((edge) => edge.node.id)).toEqual([article.id]);
    const own = await gql<{ adminArticle: ArticleShape }>(therapistAgent, ADMIN_ONE, { id: article.id });
    expect(own.data!.adminArticle).toMatchObject({ status: 'DRAFT', authorId: therapist.id });
    expect(codeOf(await gql(therapistAgent, ADMIN_ONE, { id: other.id }))).toBe('NOT_FOUND');

    expect(codeOf(await gql(therapistAgent, UPDATE, { id: article.id, input: { version: 1, title: 'Changed' } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(therapistAgent, PUBLISH, { id: article.id }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(therapistAgent, CREATE, { input: { title: 'Mine', summary: 's', bodyMarkdown: 'b' } }))).toBe('FORBIDDEN');
  });

  it('keeps drafts and scheduled articles from anonymous callers and clients, and lets only staff list them', async () => {
    const draft = await create({ title: 'A quiet draft' });
    const client = await newPerson(t.dataSource, 'CLIENT');
    const clientAgent = await signedIn(t, client);
    for (const [agent, expected] of [
      [t.http, 'UNAUTHENTICATED'],
      [clientAgent, 'FORBIDDEN'],
    ] as const) {
      expect(codeOf(await gql(agent, ADMIN_LIST, {}))).toBe(expected);
      expect(codeOf(await gql(agent, ADMIN_ONE, { id: draft.id }))).toBe(expected);
      expect(codeOf(await gql(agent, REVISIONS, { id: draft.id }))).toBe(expected);
      expect(codeOf(await gql(agent, CREATE, { input: { title: 'x', summary: 's', bodyMarkdown: 'b' } }))).toBe(expected);
      expect(codeOf(await gql(agent, PUBLISH, { id: draft.id }))).toBe(expected);
      expect(codeOf(await gql(agent, 'query { previewMarkdown(markdown: "x") }'))).toBe(expected);
      const one = await gql<{ article: unknown }>(agent, PUBLIC_ONE, { slug: draft.slug });
      expect(one.data!.article).toBeNull();
      // The editor-only field says nothing to anyone else.
    }
    const published = await newArticle(t.dataSource, admin.id, { slug: `public-${Date.now()}` });
    const seen = await gql<{ article: { id: string } }>(clientAgent, `query($slug: String!) { article(slug: $slug) { id authorId } }`, { slug: published.slug });
    expect(seen.data!.article).toEqual({ id: published.id, authorId: null });
  });

  it('publishes now, schedules for later, unpublishes and archives, each visible only when it should be', async () => {
    const article = await create({ title: 'On feeling ready', bodyMarkdown: 'You do not need to be ready.' });
    const publicSlugs = async () => (await gql<{ articles: { edges: { node: { slug: string } }[] } }>(t.http, PUBLIC_LIST)).data!.articles.edges.map((edge) => edge.node.slug);

    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await gql<{ publishArticle: ArticleShape }>(adminAgent, PUBLISH, { id: article.id, at: inAnHour, version: 1 });
    expect(scheduled.data!.publishArticle).toMatchObject({ status: 'SCHEDULED', publishedAt: inAnHour, version: 2 });
    expect(await publicSlugs()).not.toContain(article.slug);
    expect((await gql<{ article: unknown }>(t.http, PUBLIC_ONE, { slug: article.slug })).data!.article).toBeNull();
    const scheduledList = await gql<{ adminArticles: { edges: { node: { id: string } }[] } }>(adminAgent, ADMIN_LIST, { status: 'SCHEDULED' });
    expect(scheduledList.data!.adminArticles.edges.map((edge) => edge.node.id)).toContain(article.id);

    const now = await gql<{ publishArticle: ArticleShape }>(adminAgent, PUBLISH, { id: article.id });
    expect(now.data!.publishArticle.status).toBe('PUBLISHED');
    expect(Date.parse(now.data!.publishArticle.publishedAt!)).toBeLessThanOrEqual(Date.now());
    expect(await publicSlugs()).toContain(article.slug);

    const unpublished = await gql<{ unpublishArticle: ArticleShape }>(adminAgent, UNPUBLISH, { id: article.id });
    expect(unpublished.data!.unpublishArticle).toMatchObject({ status: 'DRAFT', publishedAt: null });
    expect(await publicSlugs()).not.toContain(article.slug);

    await gql(adminAgent, PUBLISH, { id: article.id });
    const archived = await gql<{ archiveArticle: ArticleShape }>(adminAgent, ARCHIVE, { id: article.id });
    expect(archived.data!.archiveArticle.status).toBe('ARCHIVED');
    expect(await publicSlugs()).not.toContain(article.slug);

    const actions = (await t.dataSource.getRepository(AuditEventEntity).findBy({ targetId: article.id })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['article.created', 'article.scheduled', 'article.published', 'article.unpublished', 'article.archived']));
  });

  it('refuses a time in the past, and an empty article', async () => {
    const article = await create({ title: 'Past tense' });
    const past = await gql(adminAgent, PUBLISH, { id: article.id, at: new Date(Date.now() - 86_400_000).toISOString() });
    expect(codeOf(past)).toBe('BAD_USER_INPUT');
    expect(past.errors![0]!.extensions.fields![0]!.path).toEqual(['at']);
    const empty = await create({ title: 'Nothing yet', bodyMarkdown: '' });
    expect(codeOf(await gql(adminAgent, PUBLISH, { id: empty.id }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(adminAgent, PUBLISH, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(adminAgent, PUBLISH, { id: 'not-an-id' }))).toBe('NOT_FOUND');
  });

  it('refuses a stale save with CONFLICT, so two admins cannot silently overwrite each other', async () => {
    const secondAdmin = await newPerson(t.dataSource, 'ADMIN');
    const secondAgent = await signedIn(t, secondAdmin);
    const article = await create({ title: 'Two editors', bodyMarkdown: 'First words.' });

    const first = await gql<{ updateArticle: ArticleShape }>(adminAgent, UPDATE, { id: article.id, input: { version: 1, bodyMarkdown: 'Alex wrote this.' } });
    expect(first.data!.updateArticle.version).toBe(2);
    const second = await gql(secondAgent, UPDATE, { id: article.id, input: { version: 1, bodyMarkdown: 'Sam wrote this.' } });
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors![0]!.message).toMatch(/Reload/);
    expect(second.errors![0]!.extensions).toMatchObject({ reason: 'STALE_VERSION', currentVersion: 2 });

    const stored = await t.dataSource.getRepository(ArticleEntity).findOneByOrFail({ id: article.id });
    expect(stored.bodyMarkdown).toBe('Alex wrote this.');
    // Publishing a stale copy is refused as well, when the caller says which version it saw.
    expect(codeOf(await gql(secondAgent, PUBLISH, { id: article.id, version: 1 }))).toBe('CONFLICT');
    expect(codeOf(await gql(adminAgent, UPDATE, { id: article.id, input: { title: 'No version' } }))).toBe('BAD_USER_INPUT');
  });

  it('lets saves that race for one article end with exactly one winner', async () => {
    const article = await create({ title: 'Racing' });
    const results = await Promise.all(
      ['one', 'two', 'three'].map((word) => gql(adminAgent, UPDATE, { id: article.id, input: { version: 1, bodyMarkdown: word } })),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => codeOf(result) === 'CONFLICT')).toHaveLength(2);
    expect(await t.dataSource.getRepository(ArticleRevisionEntity).countBy({ articleId: article.id })).toBe(2);
  });

  it('keeps a revision per save, lists them newest first, and restores one as a new revision', async () => {
    const article = await create({ title: 'Drafting', bodyMarkdown: 'Version one.' });
    let version = article.version;
    for (const body of ['Version two.', 'Version three.']) {
      const saved = await gql<{ updateArticle: ArticleShape }>(adminAgent, UPDATE, { id: article.id, input: { version, bodyMarkdown: body } });
      version = saved.data!.updateArticle.version;
    }
    // A save that changes nothing keeps no revision.
    const unchanged = await gql<{ updateArticle: ArticleShape }>(adminAgent, UPDATE, { id: article.id, input: { version, bodyMarkdown: 'Version three.' } });
    expect(unchanged.data!.updateArticle.version).toBe(version);

    type Revisions = { articleRevisions: { edges: { node: { id: string; version: number; event: string; bodyMarkdown: string; editedBy: { displayName: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const page1 = await gql<Revisions>(adminAgent, REVISIONS, { id: article.id, first: 2 });
    expect(page1.data!.articleRevisions.edges.map((edge) => edge.node.bodyMarkdown)).toEqual(['Version three.', 'Version two.']);
    expect(page1.data!.articleRevisions.edges[0]!.node.editedBy.displayName).toBe('Alex Morgan');
    const page2 = await gql<Revisions>(adminAgent, REVISIONS, { id: article.id, first: 2, after: page1.data!.articleRevisions.pageInfo.endCursor });
    expect(page2.data!.articleRevisions.edges.map((edge) => edge.node.event)).toEqual(['CREATED']);
    expect(page2.data!.articleRevisions.pageInfo.hasNextPage).toBe(false);

    const first = page2.data!.articleRevisions.edges[0]!.node;
    const restored = await gql<{ restoreArticleRevision: ArticleShape }>(adminAgent, RESTORE, { articleId: article.id, revisionId: first.id, version });
    expect(restored.data!.restoreArticleRevision).toMatchObject({ bodyMarkdown: 'Version one.', version: version + 1, slug: article.slug });
    expect(restored.data!.restoreArticleRevision.bodyHtml).toContain('Version one.');
    const latest = await gql<Revisions>(adminAgent, REVISIONS, { id: article.id, first: 1 });
    expect(latest.data!.articleRevisions.edges[0]!.node).toMatchObject({ event: 'RESTORED', bodyMarkdown: 'Version one.' });

    expect(codeOf(await gql(adminAgent, RESTORE, { articleId: article.id, revisionId: first.id, version }))).toBe('CONFLICT');
    const otherArticle = await create({ title: 'Elsewhere' });
    expect(codeOf(await gql(adminAgent, RESTORE, { articleId: otherArticle.id, revisionId: first.id, version: 1 }))).toBe('NOT_FOUND');
  });

  it('changes the address and keeps the old one pointing to the article', async () => {
    const article = await create({ title: 'Old address' });
    await gql(adminAgent, PUBLISH, { id: article.id });
    const moved = await gql<{ updateArticle: ArticleShape }>(adminAgent, UPDATE, { id: article.id, input: { version: 2, slug: 'new-address' } });
    expect(moved.data!.updateArticle.slug).toBe('new-address');
    const viaOld = await gql<{ article: { id: string; slug: string } }>(t.http, PUBLIC_ONE, { slug: 'old-address' });
    expect(viaOld.data!.article).toMatchObject({ id: article.id, slug: 'new-address' });
    const page = await t.http.get('/articles/old-address');
    expect(page.status).toBe(301);
    expect(page.headers.location).toBe('/articles/new-address');

    // Moving back reclaims the old address; the auto-made slug of a new article avoids addresses still redirecting.
    await gql(adminAgent, UPDATE, { id: article.id, input: { version: 3, slug: 'old-address' } });
    expect((await t.http.get('/articles/new-address')).headers.location).toBe('/articles/old-address');
    const newcomer = await create({ title: 'New address' });
    expect(newcomer.slug).toBe('new-address-2');
  });

  it('edits the cover image, search fields and author, and clears optional fields with an empty value', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const article = await create({ title: 'With a picture', coverImageUrl: 'https://images.example/path.jpg', coverImageAlt: 'A path through woods', seoTitle: 'A picture' });
    expect(article).toMatchObject({ coverImageUrl: 'https://images.example/path.jpg', coverImageAlt: 'A path through woods', seoTitle: 'A picture' });
    const noAlt = await gql(adminAgent, UPDATE, { id: article.id, input: { version: 1, coverImageAlt: '' } });
    expect(noAlt.errors![0]!.extensions.fields![0]!.path).toEqual(['input', 'coverImageAlt']);
    const cleared = await gql<{ updateArticle: ArticleShape }>(adminAgent, UPDATE, {
      id: article.id,
      input: { version: 1, coverImageUrl: '', coverImageAlt: '', seoTitle: null, authorId: therapist.id },
    });
    expect(cleared.data!.updateArticle).toMatchObject({ coverImageUrl: null, coverImageAlt: null, seoTitle: null, authorId: therapist.id });
  });

  it('lists articles for editors by state and title, page by page', async () => {
    const marker = `Findable ${Date.now()}`;
    for (let i = 0; i < 3; i++) await create({ title: `${marker} ${i}` });
    type List = { adminArticles: { edges: { node: { slug: string; status: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await gql<List>(adminAgent, ADMIN_LIST, { search: marker, first: 2 });
    expect(first.data!.adminArticles.edges).toHaveLength(2);
    expect(first.data!.adminArticles.pageInfo.hasNextPage).toBe(true);
    const rest = await gql<List>(adminAgent, ADMIN_LIST, { search: marker, first: 2, after: first.data!.adminArticles.pageInfo.endCursor });
    expect(rest.data!.adminArticles.edges).toHaveLength(1);
    const all = [...first.data!.adminArticles.edges, ...rest.data!.adminArticles.edges].map((edge) => edge.node.slug);
    expect(new Set(all).size).toBe(3);
    const drafts = await gql<List>(adminAgent, ADMIN_LIST, { status: 'DRAFT', first: 100 });
    expect(drafts.data!.adminArticles.edges.every((edge) => edge.node.status === 'DRAFT')).toBe(true);
    expect((await gql<List>(adminAgent, ADMIN_LIST, { search: '100%_\\' })).data!.adminArticles.edges).toEqual([]);
  });

  it('previews Markdown through the same sanitizer', async () => {
    const preview = await gql<{ previewMarkdown: string }>(adminAgent, 'query($m: String!) { previewMarkdown(markdown: $m) }', { m: '**hi** <img src=x onerror=alert(1)>' });
    expect(preview.data!.previewMarkdown).toContain('<strong>hi</strong>');
    expect(preview.data!.previewMarkdown).not.toMatch(/onerror/);
    const authors = await gql<{ articleAuthors: { id: string; role: string }[] }>(adminAgent, '{ articleAuthors { id displayName role } }');
    expect(authors.data!.articleAuthors.map((author) => author.role).every((role) => role === 'ADMIN' || role === 'THERAPIST')).toBe(true);
  });

  it('lets API tokens act only within their scopes', async () => {
    const mint = async (scopes: string[]) =>
      (await gql<{ createApiToken: { token: string } }>(adminAgent, 'mutation($s: [String!]!) { createApiToken(input: { name: "cms", scopes: $s }) { token } }', { s: scopes })).data!
        .createApiToken.token;
    const reader = { authorization: `Bearer ${await mint(['content:read'])}` };
    const writer = { authorization: `Bearer ${await mint(['content:write'])}` };
    const other = { authorization: `Bearer ${await mint(['account:read'])}` };
    expect((await gql(t.http, ADMIN_LIST, {}, reader)).errors).toBeUndefined();
    expect(codeOf(await gql(t.http, CREATE, { input: { title: 'x', summary: 's', bodyMarkdown: 'b' } }, reader))).toBe('FORBIDDEN');
    const created = await gql<{ createArticle: ArticleShape }>(t.http, CREATE, { input: { title: 'From a script', summary: 's', bodyMarkdown: 'b' } }, writer);
    expect(created.data!.createArticle.status).toBe('DRAFT');
    expect(codeOf(await gql(t.http, ADMIN_LIST, {}, other))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.http, 'mutation { requestFirstConversation(input: { name: "x", email: "x@example.org" }) }', {}, reader))).toBeUndefined();
    expect(codeOf(await gql(t.http, '{ firstConversationRequests { edges { node { id } } } }', {}, reader))).toBe('FORBIDDEN');
  });
});
