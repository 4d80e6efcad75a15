import fs from 'node:fs';
import path from 'node:path';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import type { Viewer } from '../../common/auth/viewer';
import { AppError, SERVICE_UNAVAILABLE_MESSAGE } from '../../common/errors';
import { sanitizeForLog, type AppLogger } from '../../common/logger';
import { AppLoggerToken } from '../../common/logger.module';
import { currentRequestId } from '../../common/request-context';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { isDatabaseUnavailable } from '../../database/database-unavailable';
import { ApiTokensService } from '../identity/api-tokens.service';
import { AuthSessionsService } from '../identity/auth-sessions.service';
import { FhirError, operationOutcome } from './fhir.errors';
import { toCapabilityStatement } from './fhir.mapping';
import { FhirService, SUPPORTED_PARAMS } from './fhir.service';
import { readParams } from './fhir.search';

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const VERSION = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;

/**
 * Read-only FHIR R4 at /fhir/R4. Every answer is `application/fhir+json`: a resource, a Bundle, or an
 * OperationOutcome saying why not. Callers are a bearer token with `fhir:read` or a signed-in therapist's
 * portal session (the client page's download link); both spend the same per-minute allowance as GraphQL.
 * GET only, so a session cookie cannot be made to change anything from another site.
 */
@Controller('fhir/R4')
export class FhirController {
  private readonly rule: { points: number; durationSeconds: number };

  constructor(
    private readonly fhir: FhirService,
    private readonly authSessions: AuthSessionsService,
    private readonly apiTokens: ApiTokensService,
    private readonly limits: RateLimitService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AppLoggerToken) private readonly logger: AppLogger,
  ) {
    this.rule = { points: config.API_RATE_LIMIT_PER_MINUTE, durationSeconds: 60 };
  }

  /** The CapabilityStatement: public, as FHIR clients read it before they authenticate. */
  @Get('metadata')
  metadata(@Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, { anonymous: true }, async () => {
      readParams(req.url, SUPPORTED_PARAMS.read);
      return toCapabilityStatement(this.fhir.fhirBase, VERSION);
    });
  }

  @Get('Patient/:id')
  patient(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, {}, (viewer) => this.fhir.patient(viewer!, id, req.url));
  }

  @Get('Patient/:id/$everything')
  everything(@Param('id') id: string, @Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, { download: `attune-fhir-record-${id.replace(/[^A-Za-z0-9-]/g, '')}.json` }, (viewer) => this.fhir.everything(viewer!, id, req.url));
  }

  @Get('Observation')
  observations(@Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, {}, (viewer) => this.fhir.observations(viewer!, req.url));
  }

  @Get('QuestionnaireResponse')
  questionnaireResponses(@Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, {}, (viewer) => this.fhir.questionnaireResponses(viewer!, req.url));
  }

  /** Any other FHIR path: an OperationOutcome rather than the framework's 404. */
  @Get('*')
  unknown(@Req() req: Request, @Res() res: Response) {
    return this.answer(req, res, { anonymous: true }, () => {
      throw new FhirError(404, 'not-supported', 'This server answers Patient read and $everything, Observation and QuestionnaireResponse search, and metadata; see /fhir/R4/metadata.');
    });
  }

  /** Works out the caller, spends a point of their allowance, runs the work, and answers it or its refusal as FHIR JSON. */
  private async answer(req: Request, res: Response, options: { anonymous?: boolean; download?: string }, work: (viewer: Viewer | null) => Promise<unknown>) {
    res.header('Cache-Control', 'private, no-store');
    try {
      const viewer = await this.caller(req, res);
      if (!viewer && !options.anonymous) {
        res.header('WWW-Authenticate', 'Bearer');
        throw new FhirError(401, 'login', 'Send an API token with the fhir:read scope as "Authorization: Bearer <token>", or sign in to the portal.');
      }
      const body = await work(viewer);
      if (options.download) {
        // The portal's download link saves the file under a name that says what it is; programs ignore the header.
        res.header('Content-Disposition', `attachment; filename="${options.download}"`);
      }
      return res.code(200).type(FHIR_JSON).send(JSON.stringify(body));
    } catch (error) {
      const refusal = this.refusal(error);
      return res.code(refusal.status).type(FHIR_JSON).send(JSON.stringify(operationOutcome(refusal.code, refusal.message, refusal.expression)));
    }
  }

  /**
   * The viewer, or null for anonymous. A credential that is not live is refused outright (as on /graphql):
   * answering it as anonymous would hide from a program that its token was revoked or mistyped.
   */
  private async caller(req: Request, res: Response): Promise<Viewer | null> {
    const authorization = req.headers.authorization;
    let viewer: Viewer | null = null;
    if (authorization !== undefined) {
      const secret = BEARER.exec(authorization)?.[1];
      viewer = secret ? await this.apiTokens.resolve(secret) : null;
      if (!viewer) {
        const bearerSent = /^Bearer\b/i.test(authorization);
        res.header('WWW-Authenticate', bearerSent ? 'Bearer error="invalid_token"' : 'Bearer');
        await this.spend(req, res, null);
        throw new FhirError(401, 'login', bearerSent ? 'This API token is not valid: it may have been revoked, have expired or be mistyped.' : 'Send an API token as "Authorization: Bearer <token>"; no other kind of Authorization header is accepted.');
      }
    } else {
      viewer = (await this.authSessions.resolve(req)).viewer;
    }
    await this.spend(req, res, viewer);
    return viewer;
  }

  /** The same allowance per token, person or address as GraphQL's, counted apart. */
  private async spend(req: Request, res: Response, viewer: Viewer | null) {
    const key = viewer?.tokenId ? `token:${viewer.tokenId}` : viewer ? `user:${viewer.userId}` : `ip:${req.ip}`;
    res.header('RateLimit-Limit', String(this.rule.points));
    try {
      const state = await this.limits.consume('fhir', key, this.rule, 'Too many requests. Please slow down and try again shortly.');
      res.header('RateLimit-Remaining', String(state.remainingPoints));
      res.header('RateLimit-Reset', String(Math.ceil(state.msBeforeNext / 1000)));
    } catch (error) {
      if (!(error instanceof AppError) || error.extensions.code !== 'RATE_LIMITED') throw error;
      const retryAfter = String(error.extensions.retryAfterSeconds ?? 60);
      res.header('RateLimit-Remaining', '0');
      res.header('RateLimit-Reset', retryAfter);
      res.header('Retry-After', retryAfter);
      throw new FhirError(429, 'throttled', error.message);
    }
  }

  private refusal(error: unknown): FhirError {
    if (error instanceof FhirError) return error;
    // Details go to the log, sanitized as GraphQL's are; the caller gets the request id to quote.
    this.logger.error({ err: sanitizeForLog(error), requestId: currentRequestId() }, 'FHIR request failed');
    if (isDatabaseUnavailable(error)) return new FhirError(503, 'transient', SERVICE_UNAVAILABLE_MESSAGE);
    return new FhirError(500, 'exception', `Something went wrong on our side. If it keeps happening, quote reference ${currentRequestId() ?? 'unknown'}.`);
  }
}
