import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { installSecretBox } from './common/crypto/secret-box';
import { DatabaseUnavailableFilter } from './common/database-unavailable.filter';
import { graphqlGate } from './graphql-gate';
import { csrfPrevention, explorerPage, graphqlErrorFormat, graphqlErrors, requestParameters, responseMediaType } from './graphql-http';
import { RateLimitService } from './common/rate-limit/rate-limit.service';
import { NestPinoLogger, type AppLogger } from './common/logger';
import { requestScope, type RequestScope } from './common/request-context';
import type { AppConfig } from './config/config';
import { EXPLORER_PATH, explorerHtml, serveExplorerAssets } from './explorer/explorer';
import { ApiTokensService } from './modules/identity/api-tokens.service';
import { AuthSessionsService } from './modules/identity/auth-sessions.service';
import { isSitePath } from './modules/site/site-paths';
import { defaultPortalDist } from './portal-dist';

export { defaultPortalDist };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The largest request body read (JSON and forms alike), as under Express before: an operation is text, never a file. */
const BODY_LIMIT = 100 * 1024;

/** Paths the API answers itself (besides the public pages, see isSitePath); everything else that asks for HTML gets the portal. */
const API_PATHS = ['/graphql', EXPLORER_PATH, '/schema.graphql', '/healthz', '/readyz', '/feed.xml', '/sitemap.xml', '/calendar/', '/fhir/'];

/**
 * The Content-Security-Policy of every response. No inline scripts anywhere (the portal's build and the
 * public pages load only files from this origin); data: images for the second-factor QR code.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The GraphiQL explorer at GET /graphql (served only while introspection is on, that is outside
 * production unless GRAPHQL_INTROSPECTION=on) loads everything from this origin too; GraphiQL's
 * stylesheet carries its fonts and icons as data: URLs.
 */
const EXPLORER_POLICY = {
  ...CONTENT_SECURITY_POLICY,
  'font-src': ["'self'", 'data:'],
};

/**
 * The security headers of every response, worked out once (helmet's set, as we configured it): building
 * them per request cost more than the rest of a small operation.
 */
function securityHeaders(policy: typeof CONTENT_SECURITY_POLICY, https: boolean): Record<string, string> {
  const directives: Record<string, string[]> = https ? { ...policy, 'upgrade-insecure-requests': [] } : policy;
  return {
    'content-security-policy': Object.entries(directives)
      .map(([name, values]) => [name, ...values].join(' '))
      .join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'same-origin',
    // Browsers only honour HSTS over https; sending it for an http address would pin nothing but confusion.
    ...(https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
  };
}

export interface CreateAppOptions {
  /** True once the server is shutting down: each answer then closes its connection, so keep-alive clients move to another instance. */
  draining?: () => boolean;
}

/** The whole server, initialised and ready to serve (supertest may use app.getHttpServer() at once). */
export async function createApp(config: AppConfig, dataSource: DataSource, logger: AppLogger, { draining }: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  installSecretBox(config);
  const adapter = new FastifyAdapter({
    // A hop count trusts that many proxies nearest the server, as Express took it (Fastify alone would trust none).
    trustProxy: typeof config.TRUST_PROXY === 'number' ? trustHops(config.TRUST_PROXY) : config.TRUST_PROXY,
    // Always our own id: a caller must not choose the id that ties audit rows and logs together.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    // The request log is our own one line per request (below); Fastify's would write two and a child logger per request.
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register({ config, dataSource, logger }), adapter, {
    logger: new NestPinoLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  const https = config.PUBLIC_URL.startsWith('https://');
  const everywhere = securityHeaders(CONTENT_SECURITY_POLICY, https);
  const explorer = config.introspection ? securityHeaders(EXPLORER_POLICY, https) : everywhere;

  const scopes = new WeakMap<FastifyRequest, RequestScope>();
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    reply.headers(req.method === 'GET' && req.routeOptions.url === '/graphql' ? explorer : everywhere);
    if (draining?.()) reply.header('connection', 'close');
    const incoming = req.headers['x-request-id'];
    const scope: RequestScope = { requestId: req.id, clientRequestId: typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : null, ip: req.ip };
    scopes.set(req, scope);
    requestScope.run(scope, done);
  });
  // Reading the body leaves the request's async context; the handler runs in the request's scope again.
  fastify.addHook('preHandler', (req, _reply, done) => requestScope.run(scopes.get(req)!, done));
  fastify.addHook('onResponse', (req, reply, done) => {
    // Bodies and query strings are never logged: they may carry clinical text.
    const path = req.url.split('?')[0];
    if (path !== '/healthz') {
      const line = { req: { id: req.id, method: req.method, path }, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime) };
      if (reply.statusCode >= 500) logger.error(line, 'request errored');
      else logger.info(line, 'request completed');
    }
    done();
  });

  const gate = graphqlGate({ sessions: app.get(AuthSessionsService), apiTokens: app.get(ApiTokensService), limits: app.get(RateLimitService), perMinute: config.API_RATE_LIMIT_PER_MINUTE });
  // Mercurius's routes (POST and GET /graphql) are added while the app initialises. In front of them: the gate,
  // the answer's media type, the explorer page (where introspection is on), CSRF prevention; and one error handler.
  const onRequest = [gate, responseMediaType, ...(config.introspection ? [explorerPage(explorerHtml())] : []), csrfPrevention];
  const errorHandler = graphqlErrors(graphqlErrorFormat(logger, !config.introspection));
  fastify.addHook('onRoute', (route) => {
    if (route.url !== '/graphql') return;
    route.onRequest = onRequest;
    route.preValidation = requestParameters;
    route.errorHandler = errorHandler;
    // Mercurius's response schema would print a list index in an error's path as a string; answers are plain JSON.
    if (route.schema) route.schema = { ...route.schema, response: undefined };
  });

  await app.register(fastifyCookie);
  // Only reply.sendFile: each route below names the folder it serves from.
  await app.register(fastifyStatic, { root: path.resolve(__dirname, '../explorer'), serve: false });
  if (config.introspection) serveExplorerAssets(fastify);
  servePortal(fastify, config.PORTAL_DIST ?? defaultPortalDist(), logger, config.isProduction);
  app.useGlobalFilters(new DatabaseUnavailableFilter(app.getHttpAdapter()));
  await app.init();
  await fastify.ready();
  return app;
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Like Express's req.accepts('html'): no Accept header, or one naming text/html, text/* or *\/* without q=0. */
function acceptsHtml(accept: string | undefined) {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    return ['text/html', 'text/*', '*/*'].includes(type) && !parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter));
  });
}

function servePortal(fastify: FastifyInstance, dist: string, logger: AppLogger, production: boolean) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn({ dist }, 'The portal has not been built; serving the API only. Run `pnpm build`.');
    return;
  }
  // The build's files, listed once: a request names one of them or gets the page (or a 404), never a path of its choosing.
  const files = new Set(
    fs
      .readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')),
  );
  fastify.get<{ Params: { '*': string } }>('/*', (req, reply) => {
    const file = req.params['*'];
    // Source maps would hand out the portal's source; the build may emit them for development, production never serves them.
    if (production && file.endsWith('.map')) return reply.callNotFound();
    if (files.has(file)) {
      return file.endsWith('.html') ? reply.header('Cache-Control', 'no-cache').sendFile(file, dist, { cacheControl: false }) : reply.sendFile(file, dist, { maxAge: '1h' });
    }
    const requested = `/${file}`;
    const wantsPage = !API_PATHS.some((prefix) => requested.startsWith(prefix)) && !isSitePath(requested) && acceptsHtml(req.headers.accept);
    if (!wantsPage) return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', dist, { cacheControl: false });
  });
}
