import type { GraphQLSchema } from 'graphql';

/** What the root types say about themselves: the first thing a consumer reads in an explorer. */
export const ROOT_TYPE_DESCRIPTIONS = {
  Query:
    'Everything you can read in Attune. Each operation says who may use it, and its description ends with the scope an API token needs for it. Paged lists are cursor connections, at most 100 items a page.',
  Mutation:
    'Everything you can change in Attune. Send an `Idempotency-Key` header with each mutation, and the same key again when you retry it: the work is done once. Each description ends with the scope an API token needs for it.',
} as const;

/**
 * Nest's code-first schema gives its root types no description and has no option for one, so they are
 * set here, on the schema it serves and the one it writes (both pass through `transformSchema`).
 */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  // graphql-js leaves types writable; setting the same text twice is harmless.
  if (query) query.description = ROOT_TYPE_DESCRIPTIONS.Query;
  if (mutation) mutation.description = ROOT_TYPE_DESCRIPTIONS.Mutation;
  return schema;
}
