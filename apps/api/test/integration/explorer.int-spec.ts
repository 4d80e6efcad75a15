import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema, type GraphQLObjectType } from 'graphql';
import { parseDocument } from 'htmlparser2';
import { startTestApp, type TestApp } from '../harness';

/** Every script and stylesheet a page asks for. */
function assetsOf(html: string): string[] {
  const found: string[] = [];
  const walk = (node: { name?: string; attribs?: Record<string, string>; children?: unknown[] }) => {
    if (node.name === 'script' && node.attribs?.src) found.push(node.attribs.src);
    if (node.name === 'link' && node.attribs?.href) found.push(node.attribs.href);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(parseDocument(html) as unknown as Parameters<typeof walk>[0]);
  return found;
}

describe('the explorer and the schema, where introspection is on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'development' });
  });
  afterAll(() => t.close());

  it('serves GraphiQL at GET /graphql with every asset from this origin', async () => {
    const page = await t.http.get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    const assets = assetsOf(page.text);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/graphql-explorer\//);
      const res = await t.http.get(asset);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(asset.endsWith('.css') ? /text\/css/ : /javascript/);
    }
    expect((await t.http.get('/graphql-explorer/index.html')).status).toBe(404);
    expect((await t.http.get('/graphql-explorer/nothing-here.js')).status).toBe(404);
  });

  it('leaves fields that only read a property without a resolver, so graphql-jit reads them inline', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fieldsOf = (name: string) => (schema.getType(name) as GraphQLObjectType).getFields();
    expect(fieldsOf('CaseloadEntry').since!.resolve).toBeUndefined();
    expect(fieldsOf('AlliancePoint').overall!.resolve).toBeUndefined();
    // Field resolvers keep theirs: the check-in's words are read through the care policy.
    expect(fieldsOf('CheckIn').comment!.resolve).toBeDefined();
    expect(fieldsOf('Client').displayName!.resolve).toBeDefined();
  });

  it('serves the schema as SDL at GET /schema.graphql', async () => {
    const res = await t.http.get('/schema.graphql');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(printSchema(t.app.get(GraphQLSchemaHost).schema));
    expect(res.text).toContain('type Query');
  });
});

describe('where introspection is off (production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('serves neither the explorer nor the schema', async () => {
    expect((await t.http.get('/schema.graphql')).status).toBe(404);
    expect((await t.http.get('/graphql-explorer/graphiql.min.js')).status).toBe(404);
    const page = await t.http.get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toMatch(/graphiql/i);
  });
});
