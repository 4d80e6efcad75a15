import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './auth/viewer';
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
 * Opens a batch for each query's execution (the audit service fills it) and writes it when execution ends. Should the write fail, the
 * error leaves this hook and Apollo answers with it alone (500, masked by formatError like any fault), so
 * nothing is shown that the trail does not record. Mutations write their rows as they go, inside their
 * own transactions.
 */
export function auditBatchPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          const scope = requestScope.getStore();
          if (!scope || operation.operation !== 'query') return;
          const batch = (scope.auditBatch = new AuditBatch());
          return {
            async executionDidEnd() {
              scope.auditBatch = undefined;
              await batch.close();
            },
          };
        },
      };
    },
  };
}
