/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query SdkMe {\n  me {\n    id\n    email\n    displayName\n    role\n  }\n}": typeof types.SdkMeDocument,
    "query SdkCaseload($first: Int, $after: String, $search: String, $sort: CaseloadSort, $filter: CaseloadFilter) {\n  caseload(\n    first: $first\n    after: $after\n    search: $search\n    sort: $sort\n    filter: $filter\n  ) {\n    edges {\n      cursor\n      node {\n        client {\n          id\n          displayName\n        }\n        nextSession {\n          id\n          startsAt\n          modality\n        }\n        lastSession {\n          id\n          startsAt\n        }\n        daysSinceLastSession\n        unreadSharedReflections\n        alliance {\n          direction\n          trend {\n            at\n            overall\n          }\n        }\n        flags {\n          kind\n          reason\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SdkCaseloadDocument,
    "query SdkArticles($first: Int, $after: String, $tag: String) {\n  articles(first: $first, after: $after, tag: $tag) {\n    edges {\n      cursor\n      node {\n        id\n        slug\n        title\n        summary\n        publishedAt\n        tags\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SdkArticlesDocument,
    "query SdkSessions($first: Int, $after: String, $clientId: ID, $from: DateTime, $to: DateTime) {\n  sessions(\n    first: $first\n    after: $after\n    clientId: $clientId\n    from: $from\n    to: $to\n  ) {\n    edges {\n      cursor\n      node {\n        id\n        startsAt\n        endsAt\n        modality\n        status\n        client {\n          id\n          displayName\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SdkSessionsDocument,
};
const documents: Documents = {
    "query SdkMe {\n  me {\n    id\n    email\n    displayName\n    role\n  }\n}": types.SdkMeDocument,
    "query SdkCaseload($first: Int, $after: String, $search: String, $sort: CaseloadSort, $filter: CaseloadFilter) {\n  caseload(\n    first: $first\n    after: $after\n    search: $search\n    sort: $sort\n    filter: $filter\n  ) {\n    edges {\n      cursor\n      node {\n        client {\n          id\n          displayName\n        }\n        nextSession {\n          id\n          startsAt\n          modality\n        }\n        lastSession {\n          id\n          startsAt\n        }\n        daysSinceLastSession\n        unreadSharedReflections\n        alliance {\n          direction\n          trend {\n            at\n            overall\n          }\n        }\n        flags {\n          kind\n          reason\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SdkCaseloadDocument,
    "query SdkArticles($first: Int, $after: String, $tag: String) {\n  articles(first: $first, after: $after, tag: $tag) {\n    edges {\n      cursor\n      node {\n        id\n        slug\n        title\n        summary\n        publishedAt\n        tags\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SdkArticlesDocument,
    "query SdkSessions($first: Int, $after: String, $clientId: ID, $from: DateTime, $to: DateTime) {\n  sessions(\n    first: $first\n    after: $after\n    clientId: $clientId\n    from: $from\n    to: $to\n  ) {\n    edges {\n      cursor\n      node {\n        id\n        startsAt\n        endsAt\n        modality\n        status\n        client {\n          id\n          displayName\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SdkSessionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SdkMe {\n  me {\n    id\n    email\n    displayName\n    role\n  }\n}"): (typeof documents)["query SdkMe {\n  me {\n    id\n    email\n    displayName\n    role\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SdkCaseload($first: Int, $after: String, $search: String, $sort: CaseloadSort, $filter: CaseloadFilter) {\n  caseload(\n    first: $first\n    after: $after\n    search: $search\n    sort: $sort\n    filter: $filter\n  ) {\n    edges {\n      cursor\n      node {\n        client {\n          id\n          displayName\n        }\n        nextSession {\n          id\n          startsAt\n          modality\n        }\n        lastSession {\n          id\n          startsAt\n        }\n        daysSinceLastSession\n        unreadSharedReflections\n        alliance {\n          direction\n          trend {\n            at\n            overall\n          }\n        }\n        flags {\n          kind\n          reason\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SdkCaseload($first: Int, $after: String, $search: String, $sort: CaseloadSort, $filter: CaseloadFilter) {\n  caseload(\n    first: $first\n    after: $after\n    search: $search\n    sort: $sort\n    filter: $filter\n  ) {\n    edges {\n      cursor\n      node {\n        client {\n          id\n          displayName\n        }\n        nextSession {\n          id\n          startsAt\n          modality\n        }\n        lastSession {\n          id\n          startsAt\n        }\n        daysSinceLastSession\n        unreadSharedReflections\n        alliance {\n          direction\n          trend {\n            at\n            overall\n          }\n        }\n        flags {\n          kind\n          reason\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SdkArticles($first: Int, $after: String, $tag: String) {\n  articles(first: $first, after: $after, tag: $tag) {\n    edges {\n      cursor\n      node {\n        id\n        slug\n        title\n        summary\n        publishedAt\n        tags\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SdkArticles($first: Int, $after: String, $tag: String) {\n  articles(first: $first, after: $after, tag: $tag) {\n    edges {\n      cursor\n      node {\n        id\n        slug\n        title\n        summary\n        publishedAt\n        tags\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SdkSessions($first: Int, $after: String, $clientId: ID, $from: DateTime, $to: DateTime) {\n  sessions(\n    first: $first\n    after: $after\n    clientId: $clientId\n    from: $from\n    to: $to\n  ) {\n    edges {\n      cursor\n      node {\n        id\n        startsAt\n        endsAt\n        modality\n        status\n        client {\n          id\n          displayName\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SdkSessions($first: Int, $after: String, $clientId: ID, $from: DateTime, $to: DateTime) {\n  sessions(\n    first: $first\n    after: $after\n    clientId: $clientId\n    from: $from\n    to: $to\n  ) {\n    edges {\n      cursor\n      node {\n        id\n        startsAt\n        endsAt\n        modality\n        status\n        client {\n          id\n          displayName\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;