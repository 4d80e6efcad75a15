import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { of } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { AdminPeoplePageDocument, type AdminPeoplePageQuery } from '../features/admin-people/admin-people.generated';
import { AuditLogPageDocument, type AuditLogPageQuery } from '../features/admin/admin.generated';
import { ClientHomePageDocument } from '../features/client-home/client-home.generated';
import { ReflectionsPageDocument, type ReflectionsPageQuery } from '../features/reflections/reflections.generated';
import { typePolicies } from './apollo';

/**
 * A client's reflections as the API pages them (newest first; the cursor is the last item's id), so the
 * cache's list policy meets real operations through Apollo's own fetchMore and refetch.
 */
function reflectionsApi(count: number) {
  const reflections = Array.from({ length: count }, (_, index) => reflection(`r${count - index}`));
  const requests: Record<string, unknown>[] = [];
  const link = new ApolloLink((operation) => {
    requests.push(operation.variables);
    const { first = 20, after } = operation.variables as { first?: number; after?: string };
    const start = after ? reflections.findIndex((item) => item.id === after) + 1 : 0;
    const page = reflections.slice(start, start + first);
    const connection = {
      __typename: 'ReflectionConnection',
      edges: page.map((node) => ({ __typename: 'ReflectionEdge', cursor: node.id, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: start + first < reflections.length, endCursor: page.at(-1)?.id ?? null },
    };
    return of({
      data: {
        client: { __typename: 'Client', id: 'client-1', therapist: null },
        reflectionDraft: null,
        upcoming: { __typename: 'SessionConnection', edges: [] },
        past: { __typename: 'SessionConnection', edges: [] },
        practicePrompts: [],
        reflections: connection,
      },
    });
  });
  const client = new ApolloClient({ link, cache: new InMemoryCache({ typePolicies }) });
  return { client, requests, write: (id: string) => reflections.unshift(reflection(id)) };
}

function reflection(id: string) {
  return { __typename: 'Reflection', id, body: `Reflection ${id}`, mood: null, shared: false, sharedAt: null, createdAt: '2026-12-01T10:00:00.000Z', responses: [] };
}

/** What a page's watched query shows now (Apollo types a result still loading as partial). */
const shownNow = (query: ReturnType<typeof watchReflectionsPage>) => query.getCurrentResult().data as ReflectionsPageQuery | undefined;
const ids = (data: ReflectionsPageQuery | null | undefined) => data?.reflections.edges.map((edge) => edge.node.id);

function watchReflectionsPage(client: ApolloClient) {
  return client.watchQuery({ query: ReflectionsPageDocument, variables: { clientId: 'client-1', first: 3 } });
}

/** Opens the page's query as a page would, and gives what it shows once the cache has told it (which happens after fetchMore resolves). */
async function open(query: ReturnType<typeof watchReflectionsPage>) {
  const subscription = query.subscribe(() => undefined);
  const shown = () => ids(shownNow(query));
  const shows = (expected: string[]) => vi.waitFor(() => expect(shown()).toEqual(expected));
  await vi.waitFor(() => expect(query.getCurrentResult().data).toBeDefined());
  return { subscription, shows };
}

describe('paged lists in the cache', () => {
  it('appends the next page when a page asks for more with only the cursor', async () => {
    const { client, requests } = reflectionsApi(7);
    const page = watchReflectionsPage(client);
    const { subscription, shows } = await open(page);
    await shows(['r7', 'r6', 'r5']);

    await page.fetchMore({ variables: { after: shownNow(page)!.reflections.pageInfo.endCursor } });
    await shows(['r7', 'r6', 'r5', 'r4', 'r3', 'r2']);
    await page.fetchMore({ variables: { after: shownNow(page)!.reflections.pageInfo.endCursor } });
    await shows(['r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1']);
    expect(shownNow(page)?.reflections.pageInfo).toEqual({ __typename: 'PageInfo', hasNextPage: false, endCursor: 'r1' });
    expect(requests.at(-1)).toMatchObject({ first: 3, after: 'r2' });
    subscription.unsubscribe();
  });

  it('does not show a page twice when "show more" is pressed twice before the answer', async () => {
    const { client } = reflectionsApi(7);
    const page = watchReflectionsPage(client);
    const { subscription, shows } = await open(page);
    await Promise.all([page.fetchMore({ variables: { after: 'r5' } }), page.fetchMore({ variables: { after: 'r5' } })]);
    await shows(['r7', 'r6', 'r5', 'r4', 'r3', 'r2']);
    subscription.unsubscribe();
  });

  it('shows a new reflection at the top once the page refetches after writing it', async () => {
    const { client, write } = reflectionsApi(5);
    const page = watchReflectionsPage(client);
    const { subscription, shows } = await open(page);
    await page.fetchMore({ variables: { after: 'r3' } });
    await shows(['r5', 'r4', 'r3', 'r2', 'r1']);
    write('r6');
    await page.refetch();
    // A first page replaces the list: the newest reflections, with "show more" for the rest.
    await shows(['r6', 'r5', 'r4']);
    expect(shownNow(page)?.reflections.pageInfo.hasNextPage).toBe(true);
    subscription.unsubscribe();
  });

  it('keeps lists of different lengths apart: the client home reads twenty reflections, the reflections page three at a time', async () => {
    const { client } = reflectionsApi(25);
    const pageVariables = { clientId: 'client-1', first: 3 };
    await client.query({ query: ReflectionsPageDocument, variables: pageVariables });
    const home = await client.query({ query: ClientHomePageDocument, variables: { clientId: 'client-1', recent: 'r', yearAgo: 'y', now: 'n' } });
    expect(home.data?.reflections.edges).toHaveLength(20);
    expect(ids(client.readQuery({ query: ReflectionsPageDocument, variables: pageVariables }))).toEqual(['r25', 'r24', 'r23']);
  });
});

describe('which lists are merged', () => {
  const cache = () => new InMemoryCache({ typePolicies });
  const member = (id: string) => ({ __typename: 'PracticeMember', id, displayName: id, email: `${id}@attune.test`, role: 'CLIENT', deactivated: false });
  // Typed loosely: the API's answers carry __typename, which the generated types leave out.
  const people = (nodes: string[], endCursor: string) => ({
    practiceMembers: {
      __typename: 'PracticeMemberConnection',
      edges: nodes.map((id) => ({ __typename: 'PracticeMemberEdge', cursor: id, node: member(id) })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor },
    },
  }) as unknown as AdminPeoplePageQuery;

  it('keeps a search apart from the whole list', () => {
    const store = cache();
    store.writeQuery({ query: AdminPeoplePageDocument, variables: { search: null, first: 2 }, data: people(['ada', 'ben'], 'ben') });
    store.writeQuery({ query: AdminPeoplePageDocument, variables: { search: 'cy', first: 2 }, data: people(['cy'], 'cy') });
    store.writeQuery({ query: AdminPeoplePageDocument, variables: { search: null, first: 2, after: 'ben' }, data: people(['cy', 'dee'], 'dee') });
    const names = (search: string | null) => store.readQuery({ query: AdminPeoplePageDocument, variables: { search, first: 2 } })?.practiceMembers.edges.map((edge) => edge.node.id);
    expect(names(null)).toEqual(['ada', 'ben', 'cy', 'dee']);
    expect(names('cy')).toEqual(['cy']);
  });

  it('leaves the audit log alone: it shows one page at a time, each under its own cursor', () => {
    const store = cache();
    const auditPage = (id: string) => ({
      auditEvents: {
        __typename: 'AuditEventConnection',
        edges: [{ __typename: 'AuditEventEdge', cursor: id, node: { __typename: 'AuditEvent', id, occurredAt: '2026-12-01T10:00:00.000Z', action: 'user.sign_in', actorId: null, actorRole: null, subjectUserId: null, targetType: null, targetId: null, viaTokenId: null, ip: null, requestId: null, metadata: null } }],
        pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: id },
      },
    }) as unknown as AuditLogPageQuery;
    const variables = { userId: null, from: null, to: null, first: 1 };
    store.writeQuery({ query: AuditLogPageDocument, variables: { ...variables, after: null }, data: auditPage('e1') });
    store.writeQuery({ query: AuditLogPageDocument, variables: { ...variables, after: 'e1' }, data: auditPage('e2') });
    expect(store.readQuery({ query: AuditLogPageDocument, variables: { ...variables, after: 'e1' } })?.auditEvents.edges.map((edge) => edge.node.id)).toEqual(['e2']);
    expect(store.readQuery({ query: AuditLogPageDocument, variables: { ...variables, after: null } })?.auditEvents.edges.map((edge) => edge.node.id)).toEqual(['e1']);
  });
});
