import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { installSecretBox } from './common/crypto/secret-box';
import { graphqlGate } from './graphql-gate';
import { RateLimitService } from './common/rate-limit/rate-limit.service';
import { NestPinoLogger, type AppLogger } from './common/logger';
import { requestScope } from './common/request-context';
import type { AppConfig } from './config/config';
import { EXPLORER_PATH, explorerAssets } from './explorer/explorer';
import { ApiTokensService } from './modules/identity/api-tokens.service';
import { AuthSessionsService } from './modules/identity/auth-sessions.service';
import { isSitePath } from './modules/site/site-paths';
import { defaultPortalDist } from './portal-dist';

export { defaultPortalDist };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Paths the API answers itself (besides the public pages, see isSitePath); everything else that asks for HTML gets the portal. */
const API_PATHS = ['/graphql', EXPLORER_PATH, '/schema.graphql', '/healthz', '/readyz', '/feed.xml', '/sitemap.xml', '/calendar/'];

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

export async function createApp(config: AppConfig, dataSource: DataSource, logger: AppLogger): Promise<NestExpressApplication> {
  installSecretBox(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, dataSource, logger }), {
    logger: new NestPinoLogger(logger),
    bodyParser: true,
  });
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      // Always our own id: a caller must not choose the id that ties audit rows and logs together.
      genReqId: (_req, res) => {
        const id = randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // Bodies and query strings are never logged: they may carry clinical text.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  app.use((req: Request, _res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const clientRequestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : null;
    requestScope.run({ requestId: String(req.id), clientRequestId, ip: req.ip ?? null }, next);
  });
  app.use(cookieParser());
  app.use(
    '/graphql',
    graphqlGate({ sessions: app.get(AuthSessionsService), apiTokens: app.get(ApiTokensService), limits: app.get(RateLimitService), perMinute: config.API_RATE_LIMIT_PER_MINUTE }),
  );
  const https = config.PUBLIC_URL.startsWith('https://');
  const headers = (directives: typeof CONTENT_SECURITY_POLICY) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: https ? { ...directives, 'upgrade-insecure-requests': [] } : directives },
      // Browsers only honour HSTS over https; sending it for an http address would pin nothing but confusion.
      strictTransportSecurity: https ? { maxAge: 63_072_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
      // The public pages' link previews and the portal's images are all same-origin; nothing needs cross-origin embedding.
      crossOriginEmbedderPolicy: false,
    });
  const everywhere = headers(CONTENT_SECURITY_POLICY);
  const explorer = config.introspection ? headers(EXPLORER_POLICY) : null;
  app.use((req: Request, res: Response, next: NextFunction) =>
    explorer && req.method === 'GET' && req.path === '/graphql' ? explorer(req, res, next) : everywhere(req, res, next),
  );
  if (config.introspection) app.use(EXPLORER_PATH, explorerAssets());
  servePortal(app, config.PORTAL_DIST ?? defaultPortalDist(), logger, config.isProduction);
  return app;
}

function servePortal(app: NestExpressApplication, dist: string, logger: AppLogger, production: boolean) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn({ dist }, 'The portal has not been built; serving the API only. Run `pnpm build`.');
    return;
  }
  if (production) {
    // Source maps would hand out the portal's source; the build may emit them for development, production never serves them.
    app.use((req: Request, res: Response, next: NextFunction) => (req.path.endsWith('.map') ? res.status(404).type('text/plain').send('Not found') : next()));
  }
  app.useStaticAssets(dist, { index: false, maxAge: '1h', setHeaders: (res, file) => file.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache') });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsPage =
      req.method === 'GET' && !API_PATHS.some((prefix) => req.path.startsWith(prefix)) && !isSitePath(req.path) && req.accepts('html');
    if (!wantsPage) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
