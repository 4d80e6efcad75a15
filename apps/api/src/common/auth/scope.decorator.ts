import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Extensions } from '@nestjs/graphql';
import type { ApiScope } from '@attune/domain';

/**
 * What an API token needs to read a field, written into the schema's field and type extensions so that
 * one check (token-scopes.ts) can walk every field path of an operation before it runs:
 * - a list of scopes: the token needs one of them;
 * - 'open': no scope of its own; the path that reached it was already checked (ids, pages, public data);
 * - an empty list: never for tokens.
 * A field takes its own rule, else its type's. A field with neither is closed to tokens, and a test fails.
 */
export const SCOPE_RULE = 'attuneScopes';
export type ScopeRule = readonly ApiScope[] | 'open';

const rule = (value: ScopeRule) => Extensions({ [SCOPE_RULE]: value });

/** On a query or mutation: the scope a token needs. Operations without one are closed to tokens. */
export const RequireScope = (...scopes: [ApiScope, ...ApiScope[]]) => rule(scopes);

/** On an object type (the default for its fields) or a single field: a token needs one of these scopes to read it. */
export const ReadScope = (...scopes: [ApiScope, ...ApiScope[]]) => rule(scopes);

/** Structure or public data: a token reads it wherever the path that reached it was allowed. */
export const OpenToTokens = () => rule('open');

/** Said out loud: no token may read this (admin and sign-in data). */
export const ClosedToTokens = () => rule([]);

export const IS_PUBLIC = 'attune:isPublic';

/**
 * Resolvers are guarded by default; this marks the few that anonymous callers may use. A token may use
 * them too, unless `tokenScope` names what a token needs (`me` answers a token only with `account:read`).
 */
export const Public = (tokenScope?: ApiScope) => applyDecorators(SetMetadata(IS_PUBLIC, true), tokenScope ? RequireScope(tokenScope) : OpenToTokens());
