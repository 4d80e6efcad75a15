/**
 * Prints the caseload of the therapist who owns the token, every page of it.
 * Usage: ATTUNE_URL=http://localhost:3000/graphql ATTUNE_TOKEN=atn_… node dist/examples/print-caseload.js
 */
import { AttuneApiError, createAttuneClient } from '../src/index.js';

const url = process.env.ATTUNE_URL ?? 'http://localhost:3000/graphql';
const token = process.env.ATTUNE_TOKEN;
if (!token) {
  process.stderr.write('Set ATTUNE_TOKEN to a personal API token with the account:read and caseload:read scopes.\n');
  process.exit(2);
}

const attune = createAttuneClient({ url, token });
try {
  const me = await attune.me();
  process.stdout.write(`Caseload of ${me?.displayName ?? 'unknown'}\n`);
  for await (const entry of attune.caseload.all({ first: 50 })) {
    const next = entry.nextSession ? new Date(entry.nextSession.startsAt).toISOString().slice(0, 16).replace('T', ' ') : 'none scheduled';
    const flags = entry.flags.map((flag) => flag.kind).join(', ') || '-';
    process.stdout.write(`${entry.client.displayName.padEnd(24)} next: ${next.padEnd(16)} unread: ${entry.unreadSharedReflections}  flags: ${flags}\n`);
  }
} catch (error) {
  if (error instanceof AttuneApiError) {
    process.stderr.write(`${error.code}: ${error.message}${error.requestId ? ` (reference ${error.requestId})` : ''}\n`);
    process.exit(1);
  }
  throw error;
}
