import type { DocumentNode, GraphQLSchema } from 'graphql';
import { operationOf, type GraphQLContext } from './graphql-operation';
import { requestScope } from './request-context';

/**
 * The audit rows of one query, written together in one statement once every field has resolved and
 * before the answer leaves: a client record touched five kinds of record and wrote five inserts. Only
 * while open; a row recorded later (work after the response) is written at once.
 */
export class AuditBatch<Entry = unknown> {
  private entries: Entry[] = [];
  private write: ((entries: Entry[]) => Promise<void>) | null = null;
  private open = true;

  /** Takes the entries if the batch is still open; false means the caller writes them itself. */
  add(entries: Entry[], write: (entries: Entry[]) => Promise<void>) {
    if (!this.open) return false;
    this.entries.push(...entries);
    this.write = write;
    return true;
  }

  async close() {
    this.open = false;
    const entries = this.entries;
    this.entries = [];
    if (entries.length > 0) await this.write!(entries);
  }
}

/**
 * Opens a batch for each query's execution (the audit service fills it; a Mercurius preExecution hook, the
 * last) and writes it when execution ends (onResolution, before the answer is sent). Should the write
 * fail, the error leaves the hook and the answer is withheld: the route's error handler answers with it
 * alone (500, masked like any fault), so nothing is shown that the trail does not record. Mutations write
 * their rows as they go, inside their own transactions.
 */
export const auditBatchHooks = {
  async preExecution(_schema: GraphQLSchema, document: DocumentNode, context: GraphQLContext) {
    const scope = requestScope.getStore();
    if (!scope || operationOf(document, context).operation?.operation !== 'query') return;
    scope.auditBatch = new AuditBatch();
  },
  async onResolution() {
    const scope = requestScope.getStore();
    const batch = scope?.auditBatch;
    if (!batch) return;
    scope.auditBatch = undefined;
    await batch.close();
  },
};
