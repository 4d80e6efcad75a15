import { ArticleEntity } from '../../src/modules/content/article.entity';
import { newArticle } from '../factories/article.factory';
import { newUser } from '../factories/user.factory';
import { gql, startTestApp, type TestApp } from '../harness';

const LIST = /* GraphQL */ `
  query Articles($first: Int, $after: String, $tag: String) {
    articles(first: $first, after: $after, tag: $tag) {
      edges { cursor node { slug title status tags bodyHtml author { displayName } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('public articles (walking skeleton: database → GraphQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.dataSource.getRepository(ArticleEntity).deleteAll());

  it('lists published articles newest first, page by page', async () => {
    const author = await newUser(t.dataSource, { role: 'ADMIN', displayName: 'Alex Morgan' });
    for (let i = 0; i < 5; i++) await newArticle(t.dataSource, author.id, { slug: `p${i}`, publishedAt: new Date(Date.now() - (i + 1) * 60_000) });

    const first = await gql<{ articles: { edges: { node: { slug: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(t.http, LIST, { first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.articles.edges.map((edge) => edge.node.slug)).toEqual(['p0', 'p1']);
    expect(first.data!.articles.pageInfo.hasNextPage).toBe(true);

    const second = await gql<typeof first.data & object>(t.http, LIST, { first: 10, after: first.data!.articles.pageInfo.endCursor });
    expect(second.data!.articles.edges.map((edge) => edge.node.slug)).toEqual(['p2', 'p3', 'p4']);
    expect(second.data!.articles.pageInfo.hasNextPage).toBe(false);
  });

  it('hides drafts, archived and not-yet-due scheduled articles from anonymous callers', async () => {
    const author = await newUser(t.dataSource, { role: 'ADMIN' });
    await newArticle(t.dataSource, author.id, { slug: 'visible' });
    await newArticle(t.dataSource, author.id, { slug: 'draft', status: 'DRAFT', publishedAt: null });
    await newArticle(t.dataSource, author.id, { slug: 'archived', status: 'ARCHIVED' });
    await newArticle(t.dataSource, author.id, { slug: 'scheduled', publishedAt: new Date(Date.now() + 3_600_000) });

    const list = await gql<{ articles: { edges: { node: { slug: string } }[] } }>(t.http, LIST, {});
    expect(list.data!.articles.edges.map((edge) => edge.node.slug)).toEqual(['visible']);
    for (const slug of ['draft', 'archived', 'scheduled']) {
      const one = await gql<{ article: unknown }>(t.http, 'query($slug: String!) { article(slug: $slug) { id } }', { slug });
      expect(one.data!.article).toBeNull();
    }
  });

  it('filters by tag', async () => {
    const author = await newUser(t.dataSource, { role: 'ADMIN' });
    await newArticle(t.dataSource, author.id, { slug: 'grief', tags: ['grief'] });
    await newArticle(t.dataSource, author.id, { slug: 'other', tags: ['relationship'] });
    const list = await gql<{ articles: { edges: { node: { slug: string } }[] } }>(t.http, LIST, { tag: 'grief' });
    expect(list.data!.articles.edges.map((edge) => edge.node.slug)).toEqual(['grief']);
  });

  it('refuses a page larger than the documented maximum, and a forged cursor, with BAD_USER_INPUT', async () => {
    const big = await gql(t.http, LIST, { first: 101 });
    expect(big.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(big.errors![0]!.extensions.fields![0]!.path).toEqual(['first']);
    const forged = await gql(t.http, LIST, { after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers unknown fields with BAD_USER_INPUT, and never leaks internals', async () => {
    const result = await gql(t.http, '{ articles { edges { node { secret } } } }');
    expect(result.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toMatch(/stack|SELECT|node_modules/);
  });

  it('serves health and readiness as JSON', async () => {
    await t.http.get('/healthz').expect(200, { status: 'ok' });
    await t.http.get('/readyz').expect(200, { status: 'ready', database: 'ok' });
  });

  it('refuses simple cross-site requests (CSRF prevention)', async () => {
    const res = await t.http.post('/graphql').set('content-type', 'text/plain').send(JSON.stringify({ query: '{ __typename }' }));
    expect(res.status).toBe(400);
  });
});
