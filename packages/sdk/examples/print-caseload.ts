/**
 * Prints the caseload of the therapist who owns the token.
 * Usage: ATTUNE_URL=http://localhost:3000/graphql ATTUNE_TOKEN=atn_… node dist/examples/print-caseload.js
 */
import { AttuneApiError, createAttuneClient, SdkCaseloadDocument, SdkMeDocument } from '../src/index.js';

const url = process.env.ATTUNE_URL ?? 'http://localhost:3000/graphql';
const token = process.env.ATTUNE_TOKEN;
if (!token) {
  process.stderr.write('Set ATTUNE_TOKEN to a personal API token with the account:read and caseload:read scopes.\n');
  process.exit(2);
}

const attune = createAttuneClient({ url, token });
try {
  const { me } = await attune.request(SdkMeDocument);
  process.stdout.write(`Caseload of ${me?.displayName ?? 'unknown'}\n`);
  let after: string | null = null;
  do {
    const { caseload }: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(after);
    for (const { node } of caseload.edges) {
      const next = node.nextSession ? new Date(node.nextSession.startsAt).toISOString().slice(0, 16).replace('T', ' ') : 'none scheduled';
      const flags = node.flags.map((flag) => flag.kind).join(', ') || '-';
      process.stdout.write(`${node.client.displayName.padEnd(24)} next: ${next.padEnd(16)} unread: ${node.unreadSharedReflections}  flags: ${flags}\n`);
    }
    after = caseload.pageInfo.hasNextPage ? caseload.pageInfo.endCursor : null;
  } while (after);
} catch (error) {
  if (error instanceof AttuneApiError) {
    process.stderr.write(`${error.code}: ${error.message}${error.requestId ? ` (reference ${error.requestId})` : ''}\n`);
    process.exit(1);
  }
  throw error;
}

function fetchPage(after: string | null) {
  return attune.request(SdkCaseloadDocument, { first: 50, after });
}
