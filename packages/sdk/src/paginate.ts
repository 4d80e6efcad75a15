/** The shape every Attune list has (docs/api.md, "Pagination"). */
export interface Connection<TNode> {
  edges: readonly { node: TNode }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Every node of a connection, page after page: each page's `pageInfo.endCursor` is the next one's
 * `after`. Pages are fetched as they are consumed, so stopping early (`break`) fetches no more.
 */
export async function* paginate<TNode>(fetchPage: (after: string | null) => Promise<Connection<TNode>>, after: string | null = null): AsyncGenerator<TNode, void, undefined> {
  let cursor = after;
  for (;;) {
    const page = await fetchPage(cursor);
    for (const edge of page.edges) yield edge.node;
    if (!page.pageInfo.hasNextPage) return;
    const next = page.pageInfo.endCursor ?? null;
    // A next page without a new cursor would ask for the same page forever.
    if (next === null || next === cursor) throw new Error(`The API said there is a next page but gave no new cursor (endCursor ${JSON.stringify(next)}).`);
    cursor = next;
  }
}
