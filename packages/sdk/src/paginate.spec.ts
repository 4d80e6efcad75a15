import { createAttuneClient } from './client.js';
import { paginate, type Connection } from './paginate.js';

/** Pages of `size` numbered nodes out of `total`, with the cursor being the last number handed out. */
function pagesOf(total: number, size: number) {
  const asked: (string | null)[] = [];
  const fetchPage = async (after: string | null): Promise<Connection<number>> => {
    asked.push(after);
    const start = after === null ? 0 : Number(after);
    const nodes = Array.from({ length: Math.min(size, total - start) }, (_, index) => start + index + 1);
    const end = start + nodes.length;
    return { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage: end < total, endCursor: nodes.length ? String(end) : null } };
  };
  return { asked, fetchPage };
}

async function collect<T>(iterable: AsyncIterable<T>) {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('paginate', () => {
  it('yields every node of every page, passing each endCursor on as the next after', async () => {
    const { asked, fetchPage } = pagesOf(7, 3);
    expect(await collect(paginate(fetchPage))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(asked).toEqual([null, '3', '6']);
  });

  it('starts after the cursor it is given', async () => {
    const { asked, fetchPage } = pagesOf(5, 2);
    expect(await collect(paginate(fetchPage, '2'))).toEqual([3, 4, 5]);
    expect(asked).toEqual(['2', '4']);
  });

  it('asks for no further page once the caller stops', async () => {
    const { asked, fetchPage } = pagesOf(100, 10);
    for await (const node of paginate(fetchPage)) if (node === 12) break;
    expect(asked).toEqual([null, '10']);
  });

  it('ends on an empty list after one request', async () => {
    const { asked, fetchPage } = pagesOf(0, 10);
    expect(await collect(paginate(fetchPage))).toEqual([]);
    expect(asked).toEqual([null]);
  });

  it('refuses to loop when a next page comes without a new cursor', async () => {
    const stuck = async (): Promise<Connection<number>> => ({ edges: [{ node: 1 }], pageInfo: { hasNextPage: true, endCursor: null } });
    await expect(collect(paginate(stuck))).rejects.toThrow(/no new cursor/);
    const repeating = async (): Promise<Connection<number>> => ({ edges: [{ node: 1 }], pageInfo: { hasNextPage: true, endCursor: 'same' } });
    await expect(collect(paginate(repeating, 'same'))).rejects.toThrow(/no new cursor/);
  });
});

describe('client lists', () => {
  it('send the previous page’s endCursor as `after`, keeping the other variables', async () => {
    const sent: Record<string, unknown>[] = [];
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      const { variables } = JSON.parse(String(init.body)) as { variables: Record<string, unknown> };
      sent.push(variables);
      const page = variables.after === null ? 1 : 2;
      const caseload = {
        edges: [{ cursor: `c${page}`, node: { client: { id: `client-${page}`, displayName: `Client ${page}` } } }],
        pageInfo: { hasNextPage: page === 1, endCursor: `c${page}` },
      };
      return new Response(JSON.stringify({ data: { caseload } }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const attune = createAttuneClient({ url: 'http://attune.test/graphql', token: 'atn_test', fetch: fakeFetch });

    const names: string[] = [];
    for await (const entry of attune.caseload.all({ first: 1, sort: 'NAME' })) names.push(entry.client.displayName);

    expect(names).toEqual(['Client 1', 'Client 2']);
    expect(sent).toEqual([
      { first: 1, sort: 'NAME', after: null },
      { first: 1, sort: 'NAME', after: 'c1' },
    ]);
  });
});
