import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, getNamedType, isLeafType, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type TypeNode, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '@attune/domain';
import { AppError } from './errors';
import { operationOf, Refusal, type GraphQLContext } from './graphql-operation';

/** The limits every operation must stay within; they are checked before anything runs. */
export const GRAPHQL_LIMITS = {
  depth: 10,
  /** Introspection (`__schema`) only; the standard introspection query is 21 deep. */
  introspectionDepth: 24,
  aliases: 30,
  directives: 20,
  tokens: 5_000,
  // A full page (100) of any list with its objects two levels down costs a few hundred to ~1,300; ten are refused.
  cost: 2_000,
} as const;

/** Each limit's name in `extensions.limit`, and how its refusal reads. */
const LIMIT_MESSAGES = {
  depth: (found: number, max: number) => `Query depth limit exceeded: this query is nested ${found} levels deep; the limit is ${max}.`,
  introspectionDepth: (found: number, max: number) =>
    `Introspection depth limit exceeded: this introspection query is nested ${found} levels deep; the limit is ${max}.`,
  aliases: (found: number, max: number) => `Alias limit exceeded: this query uses ${found} aliases; the limit is ${max}.`,
  directives: (found: number, max: number) => `Directive limit exceeded: this query uses ${found} directives; the limit is ${max}.`,
  cost: (found: number, max: number) =>
    `Query cost limit exceeded: this query would cost ${found}; the limit is ${max}. Ask for smaller pages or fewer nested objects.`,
} as const;

/** A refusal by one of the limits: the caller's input (BAD_USER_INPUT), naming the limit and the figures. */
export function limitExceeded(limit: keyof typeof LIMIT_MESSAGES, found: number, max: number) {
  return new AppError('BAD_USER_INPUT', LIMIT_MESSAGES[limit](found, max), { limit, max, found });
}

/** graphql-js stops counting at the limit, so the figure found is not known. */
export const tokenLimitExceeded = () =>
  new AppError(
    'BAD_USER_INPUT',
    `Token limit exceeded: this document has more than ${GRAPHQL_LIMITS.tokens} tokens (names, values and punctuation); the limit is ${GRAPHQL_LIMITS.tokens}.`,
    { limit: 'tokens', max: GRAPHQL_LIMITS.tokens },
  );

/**
 * graphql-armor reports a refusal as a "Syntax Error: … found N." message; report our own error instead
 * (as a validation error, so nothing runs), keeping only the figure it found.
 */
const reportAs = (limit: keyof typeof LIMIT_MESSAGES, max: number) => ({
  n: max,
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(limitExceeded(limit, Number(/found (\d+)/.exec(error.message)?.[1] ?? max + 1), max)),
  ],
});

/**
 * Validation rules from graphql-armor. Depth is measured without the introspection fields (`__schema`),
 * which get a depth limit of their own that the standard introspection query (depth 21, from graphql-js
 * `getIntrospectionQuery()`, what GraphiQL and codegen tools send) fits.
 */
export const limitValidationRules: ValidationRule[] = [
  maxDepthRule({ ignoreIntrospection: true, ...reportAs('depth', GRAPHQL_LIMITS.depth) }),
  maxDepthRule({ ignoreIntrospection: false, ...reportAs('introspectionDepth', GRAPHQL_LIMITS.introspectionDepth) }),
  // __typename counts too: a thousand of anything is not a query a person means to send.
  maxAliasesRule({ allowList: [], ...reportAs('aliases', GRAPHQL_LIMITS.aliases) }),
  maxDirectivesRule(reportAs('directives', GRAPHQL_LIMITS.directives)),
];

/**
 * The cost model of the large public GraphQL APIs (GitHub, Shopify): what costs is what the server must
 * fetch. A connection costs one, plus what one of its items costs times the page asked for (`first`, or the
 * default page); any other object costs one (a plain list of objects is short and bounded by the server);
 * scalars and enums cost nothing, since they come with the object that holds them.
 */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const connection = /Connection!?$/.test(String(field.type));
  if (!connection) return undefined;
  const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * Math.max(first, 1);
};

const objectEstimator: ComplexityEstimator = ({ childComplexity, field }) => (isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity);

/** What an operation would cost under the model above; throws GraphQLError on variables that do not fit. */
export function operationCost(options: Omit<Parameters<typeof getComplexity>[0], 'estimators'>): number {
  return getComplexity({ ...options, estimators: [pageEstimator, objectEstimator] });
}

/** How many variants (operation name and page sizes) of one document keep their cost: pages come in few sizes. */
const COSTS_PER_DOCUMENT = 32;

/**
 * Costs already worked out, by document and by the values of its `Int` variables, the only variables the
 * model reads (`first`). Mercurius keeps one parsed document per query text, so the portal's repeated queries
 * cost a lookup instead of a walk of the document against the schema.
 */
function costCache() {
  const byDocument = new WeakMap<DocumentNode, Map<string, number>>();
  return (document: DocumentNode, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown>, work: () => number) => {
    if (!operation) return work();
    const ints = (operation.variableDefinitions ?? []).filter(({ type }) => namedTypeOf(type) === 'Int');
    const key = JSON.stringify([operation.name?.value ?? null, ...ints.map(({ variable }) => variables[variable.name.value] ?? null)]);
    let costs = byDocument.get(document);
    const known = costs?.get(key);
    if (known !== undefined) return known;
    const cost = work();
    if (!costs || costs.size >= COSTS_PER_DOCUMENT) byDocument.set(document, (costs = new Map()));
    costs.set(key, cost);
    return cost;
  };
}

const namedTypeOf = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type));

/** Refuses an operation whose estimated cost is over the limit, before it touches the database (a Mercurius preExecution hook). */
export function costLimitHook() {
  const cached = costCache();
  return async (schema: GraphQLSchema, document: DocumentNode, context: GraphQLContext, variables: Record<string, unknown> | undefined) => {
    const { operation, operationName } = operationOf(document, context);
    let cost: number;
    try {
      const values = variables ?? {};
      cost = cached(document, operation, values, () => operationCost({ schema, query: document, operationName, variables: values }));
    } catch (error) {
      // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT before any resolver runs.
      if (error instanceof GraphQLError) return;
      throw error;
    }
    // A refusal of the caller's document, like a validation error: 400, never a server fault.
    if (cost > GRAPHQL_LIMITS.cost) throw new Refusal(400, limitExceeded('cost', cost, GRAPHQL_LIMITS.cost));
  };
}
