import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { NestPinoLogger, type AppLogger } from './common/logger';
import { requestScope } from './common/request-context';
import type { AppConfig } from './config/config';
import { isSitePath } from './modules/site/site-paths';
import { defaultPortalDist } from './portal-dist';

export { defaultPortalDist };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Paths the API answers itself (besides the public pages, see isSitePath); everything else that asks for HTML gets the portal. */
const API_PATHS = ['/graphql', '/healthz', '/readyz', '/feed.xml', '/sitemap.xml', '/calendar/'];

export async function createApp(config: AppConfig, dataSource: DataSource, logger: AppLogger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, dataSource, logger }), {
    logger: new NestPinoLogger(logger),
    bodyParser: true,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
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
    requestScope.run({ requestId: String(req.id), ip: req.ip ?? null }, next);
  });
  app.use(cookieParser());
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  });
  servePortal(app, config.PORTAL_DIST ?? defaultPortalDist(), logger);
  return app;
}

function servePortal(app: NestExpressApplication, dist: string, logger: AppLogger) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn({ dist }, 'The portal has not been built; serving the API only. Run `pnpm build`.');
    return;
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
