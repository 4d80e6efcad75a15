import { expect, test, type APIRequestContext } from '@playwright/test';
import { gqlOk, signInAs } from '../../fixtures/graphql';

/** A token of the signed-in person with exactly these scopes: each SDK read must work with its one documented scope. */
async function tokenWith(request: APIRequestContext, scopes: string[]) {
  const { createApiToken } = await gqlOk<{ createApiToken: { token: string } }>(
    request,
    'mutation($scopes: [String!]!) { createApiToken(input: { name: "sdk reads", scopes: $scopes, expiresInDays: 1 }) { token } }',
    { scopes },
  );
  return createApiToken.token;
}

// The built SDK is ESM; the spec is compiled to CommonJS, so it is loaded with import().
const loadSdk = () => import('@attune/sdk');

test('each SDK read answers with only the scope its README names', async ({ request, baseURL }) => {
  const { createAttuneClient } = await loadSdk();
  const url = `${baseURL}/graphql`;
  const collect = async <T>(nodes: AsyncIterable<T>) => {
    const all: T[] = [];
    for await (const node of nodes) all.push(node);
    return all;
  };

  await signInAs(request, 'therapist@attune.test');
  const caseloadToken = createAttuneClient({ url, token: await tokenWith(request, ['caseload:read']) });
  const entries = await collect(caseloadToken.caseload.all({ first: 100 }));
  expect(entries.length).toBeGreaterThan(10);
  const { client } = entries[0]!;
  expect(await caseloadToken.client(client.id)).toMatchObject({ id: client.id, displayName: client.displayName, relationship: { client: { id: client.id } } });

  await signInAs(request, 'client@attune.test');
  const me = await createAttuneClient({ url, token: await tokenWith(request, ['account:read']) }).me();
  expect(me).toMatchObject({ email: 'client@attune.test', role: 'CLIENT' });

  const sessionsToken = createAttuneClient({ url, token: await tokenWith(request, ['sessions:read']) });
  const sessions = await collect(sessionsToken.sessions.all({ first: 2 }));
  expect(sessions.length).toBeGreaterThan(1);
  expect(new Set(sessions.map((session) => session.id)).size, 'no session twice across pages').toBe(sessions.length);
  expect(await sessionsToken.session(sessions[0]!.id)).toMatchObject({ id: sessions[0]!.id, client: { id: me!.id } });

  const reflectionsToken = createAttuneClient({ url, token: await tokenWith(request, ['reflections:read']) });
  const reflections = await collect(reflectionsToken.reflections.all({ first: 2 }));
  expect(reflections.some((reflection) => reflection.shared) && reflections.some((reflection) => !reflection.shared)).toBe(true);
  expect(await reflectionsToken.reflection(reflections[0]!.id)).toMatchObject({ id: reflections[0]!.id, body: reflections[0]!.body });

  const checkInsToken = createAttuneClient({ url, token: await tokenWith(request, ['checkins:read']) });
  const checkIns = await collect(checkInsToken.checkIns.all({ first: 2 }));
  for (const checkIn of checkIns) expect(checkIn.overall).toBeGreaterThanOrEqual(0);

  // Published articles need no token at all.
  const anonymous = createAttuneClient({ url });
  const articles = await collect(anonymous.articles.all({ first: 1 }));
  expect(articles.length).toBeGreaterThanOrEqual(3);
  const article = await anonymous.article(articles[0]!.slug);
  expect(article).toMatchObject({ slug: articles[0]!.slug, title: articles[0]!.title });
  expect(article!.bodyHtml.length).toBeGreaterThan(0);
  expect(await anonymous.article('no-such-article-here')).toBeNull();
});
