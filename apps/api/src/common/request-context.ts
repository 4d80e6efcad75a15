import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request facts that logs, errors and the audit trail need without threading them through every call. */
export interface RequestScope {
  requestId: string;
  ip: string | null;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
export const currentRequestId = () => requestScope.getStore()?.requestId;
