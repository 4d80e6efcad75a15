export { createAttuneClient, type AttuneClient, type AttuneClientOptions, type RequestOptions } from './client.js';
export { AttuneApiError, type AttuneErrorCode, type AttuneFieldError, type AttuneResult } from './errors.js';
export { paginate, type Connection } from './paginate.js';
export * from './generated/graphql.js';

import type { SdkArticleSummaryFragment, SdkCaseloadEntryFragment, SdkCheckInFragment, SdkReflectionFragment, SdkSessionFragment } from './generated/graphql.js';
/** Short names for what the lists yield. */
export type CaseloadEntry = SdkCaseloadEntryFragment;
export type Session = SdkSessionFragment;
export type Reflection = SdkReflectionFragment;
export type CheckIn = SdkCheckInFragment;
export type ArticleSummary = SdkArticleSummaryFragment;
