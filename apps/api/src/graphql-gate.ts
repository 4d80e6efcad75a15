import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ApiTokensService } from './modules/identity/api-tokens.service';
import type { AuthSessionsService } from './modules/identity/auth-sessions.service';
import type { PendingSignIn, Viewer } from './common/auth/viewer';
import { AppError, SERVICE_UNAVAILABLE_MESSAGE } from './common/errors';
import { isDatabaseUnavailable } from './database/database-unavailable';
import type { RateLimitService } from './common/rate-limit/rate-limit.service';
import { currentRequestId } from './common/request-context';

/** Who sent a request to /graphql, worked out once by the gate and read by the GraphQL context. */
export interface Caller {
  viewer: Viewer | null;
  pending: PendingSignIn | null;
  /** True when the caller authenticated with a bearer token: cookies are neither read nor set. */
  bearer: boolean;
}

const callers = new WeakMap<FastifyRequest, Caller>();

/** The caller the gate let through; anonymous for a request that did not pass it (schema generation). */
export const callerOf = (req: FastifyRequest): Caller => callers.get(req) ?? { viewer: null, pending: null, bearer: false };

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

/** The body every refusal gets, so a client reads one shape whatever refused it. */
export function sendGraphQLError(reply: FastifyReply, status: number, error: AppError) {
  const { message, extensions } = error;
  return reply.code(status).send({ errors: [{ message, extensions: { ...extensions, requestId: currentRequestId() } }] });
}

export interface GraphQLGateOptions {
  sessions: AuthSessionsService;
  apiTokens: ApiTokensService;
  limits: RateLimitService;
  perMinute: number;
}

/**
 * Runs in front of everything else on /graphql (an onRequest hook), before the body is read: it works out
 * the caller, refuses a credential that is not live (401, RFC 6750), and spends a point of the caller's
 * rate limit (so refused requests count too) and sets the RateLimit headers.
 */
export function graphqlGate({ sessions, apiTokens, limits, perMinute }: GraphQLGateOptions): onRequestAsyncHookHandler {
  const rule = { points: perMinute, durationSeconds: 60 };
  return async (req, reply) => {
    try {
      const authorization = req.headers.authorization;
      let caller: Caller | null = null;
      if (authorization !== undefined) {
        const secret = BEARER.exec(authorization)?.[1];
        const viewer = secret ? await apiTokens.resolve(secret) : null;
        if (viewer) caller = { viewer, pending: null, bearer: true };
      } else {
        caller = { ...(await sessions.resolve(req)), bearer: false };
      }
      const viewer = caller?.viewer;
      const key = viewer?.tokenId ? `token:${viewer.tokenId}` : viewer ? `user:${viewer.userId}` : `ip:${req.ip}`;
      reply.header('RateLimit-Limit', String(rule.points));
      try {
        const state = await limits.consume('graphql', key, rule, 'Too many requests. Please slow down and try again shortly.');
        reply.header('RateLimit-Remaining', String(state.remainingPoints));
        reply.header('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const retryAfter = String(error.extensions.retryAfterSeconds ?? 60);
        reply.header('RateLimit-Remaining', '0');
        reply.header('RateLimit-Reset', retryAfter);
        reply.header('Retry-After', retryAfter);
        return sendGraphQLError(reply, 429, error);
      }
      if (!caller) {
        // A credential that is not live is refused outright, even for public fields: answering it as
        // anonymous would hide from a program that its token was revoked or mistyped.
        const bearerSent = /^Bearer\b/i.test(authorization!);
        reply.header('WWW-Authenticate', bearerSent ? 'Bearer error="invalid_token"' : 'Bearer');
        return sendGraphQLError(
          reply,
          401,
          new AppError(
            'UNAUTHENTICATED',
            bearerSent
              ? 'This API token is not valid: it may have been revoked, have expired or be mistyped.'
              : 'Send an API token as "Authorization: Bearer <token>"; no other kind of Authorization header is accepted.',
          ),
        );
      }
      callers.set(req, caller);
    } catch (error) {
      // The caller could not be worked out because the database is away: the same answer as any operation gets.
      if (isDatabaseUnavailable(error)) return sendGraphQLError(reply, 503, new AppError('SERVICE_UNAVAILABLE', SERVICE_UNAVAILABLE_MESSAGE));
      throw error;
    }
  };
}
