import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { SERVICE_UNAVAILABLE_MESSAGE } from './errors';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Back in a moment</title></head><body><main><h1>Back in a moment</h1><p>${SERVICE_UNAVAILABLE_MESSAGE}</p></main></body></html>`;

/**
 * The routes beside GraphQL (public pages, feeds, calendar files) answer 503 with Retry-After while the
 * database is away, as /graphql does, rather than a 500 that says something broke. Everything else takes
 * Nest's own path; GraphQL errors are rethrown untouched for Mercurius and the /graphql error handler (graphql-http.ts) to format.
 */
@Catch()
export class DatabaseUnavailableFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw exception;
    if (!isDatabaseUnavailable(exception)) return super.catch(exception, host);
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const wantsPage = (http.getRequest<FastifyRequest>().headers.accept ?? '').includes('text/html');
    reply.code(503).header('retry-after', '5').header('cache-control', 'no-store');
    if (wantsPage) return reply.type('text/html; charset=utf-8').send(PAGE);
    // The handler may have set its own type (a feed's XML) before the database failed it.
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: SERVICE_UNAVAILABLE_MESSAGE } }));
  }
}
