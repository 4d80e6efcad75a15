import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, isLeafType, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '@attune/domain';
import type { RequestContext } from './auth/viewer';
import { AppError } from './errors';
import type { RateLimitService } from './rate-limit/rate-limit.service';

/** The limits every operation must stay within; they are checked before anything runs. */
export const GRAPHQL_LIMITS = {
  depth: 10,
  aliases: 30,
  directives: 20,
  tokens: 5_000,
  // A full page (100) of any list with its objects two levels down costs a few hundred to ~1,300; ten are refused.
  cost: 2_000,
} as const;

/** Report a refusal as a validation error (BAD_USER_INPUT), instead of throwing out of validation. */
const asValidationError = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/** Validation rules from graphql-armor: depth, aliases and directives, each naming its limit when hit. */
export const limitValidationRules: ValidationRule[] = [
  maxDepthRule({ n: GRAPHQL_LIMITS.depth, ignoreIntrospection: false, ...asValidationError }),
  // __typename counts too: a thousand of anything is not a query a person means to send.
  maxAliasesRule({ n: GRAPHQL_LIMITS.aliases, allowList: [], ...asValidationError }),
  maxDirectivesRule({ n: GRAPHQL_LIMITS.directives, ...asValidationError }),
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

/** Refuses an operation whose estimated cost is over the limit, before it touches the database. */
export function costLimitPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = operationCost({ schema, query: document, operationName: request.operationName ?? undefined, variables: request.variables ?? {} });
          } catch (error) {
            // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT before any resolver runs.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (cost > GRAPHQL_LIMITS.cost) {
            throw new AppError('BAD_USER_INPUT', `Query cost limit exceeded: this query would cost ${cost}; the limit is ${GRAPHQL_LIMITS.cost}. Ask for smaller pages or fewer nested objects.`, {
              limit: 'cost',
              cost,
              max: GRAPHQL_LIMITS.cost,
            });
          }
        },
      };
    },
  };
}

/**
 * Per-token, per-person and (for anonymous callers) per-address rate limits, shared through Redis when
 * REDIS_URL is set. Every response carries the IETF RateLimit headers; a refused one also Retry-After.
 */
export function rateLimitPlugin(limits: RateLimitService, perMinute: number): ApolloServerPlugin<RequestContext> {
  const rule = { points: perMinute, durationSeconds: 60 };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, response }) {
          const { viewer, req } = contextValue;
          const key = viewer?.tokenId ? `token:${viewer.tokenId}` : viewer ? `user:${viewer.userId}` : `ip:${req.ip ?? 'unknown'}`;
          const headers = response.http.headers;
          headers.set('RateLimit-Limit', String(rule.points));
          try {
            const state = await limits.consume('graphql', key, rule, 'Too many requests. Please slow down and try again shortly.');
            headers.set('RateLimit-Remaining', String(state.remainingPoints));
            headers.set('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)));
          } catch (error) {
            if (error instanceof AppError) {
              const retryAfter = String(error.extensions.retryAfterSeconds ?? 60);
              headers.set('RateLimit-Remaining', '0');
              headers.set('RateLimit-Reset', retryAfter);
              headers.set('Retry-After', retryAfter);
              response.http.status = 429;
            }
            throw error;
          }
        },
      };
    },
  };
}
