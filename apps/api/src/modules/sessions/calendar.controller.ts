import { Controller, Get, Req, Res } from '@nestjs/common';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { isKnownTimeZone } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { Policy } from '../../common/policy/policy';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { ApiTokensService } from '../identity/api-tokens.service';
import { AuthSessionsService } from '../identity/auth-sessions.service';
import { buildCalendar } from './calendar';
import { SessionsRepository } from './sessions.repository';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * GET /calendar/sessions.ics: your upcoming sessions as an iCalendar file, for a calendar app.
 * Signed in with the portal cookie, or a token with `sessions:read`. The portal's download is this
 * route. Times are written in the person's chosen zone; until they choose, in `?timeZone=` (the
 * portal sends its device's), else UTC. Entries say "Attune session" and how to join: calendars are synced to outside providers, so
 * no one's name and nothing clinical goes into them.
 */
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly records: SessionsRepository,
    private readonly authSessions: AuthSessionsService,
    private readonly apiTokens: ApiTokensService,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
  ) {}

  @Get('sessions.ics')
  async sessions(@Req() req: Request, @Res() res: Response) {
    const viewer = await this.viewerOf(req);
    if (!viewer) {
      res.code(401).type('text/plain; charset=utf-8').send('Please sign in to download your sessions.');
      return;
    }
    if (!Policy.readClinical(viewer)) {
      res.code(403).type('text/plain; charset=utf-8').send('Calendars are for clients and therapists.');
      return;
    }
    // The viewer's own sessions: a client's, or a therapist's with clients in their care now.
    const own = this.care.relationshipFilter(viewer, 's');
    const sessions = await this.records.upcoming(own);
    const value = buildCalendar(sessions, new Date(), this.zoneFor(viewer, req));
    await this.audit.recordMany(sessions.map((s) => ({ action: 'session.calendar_exported', actor: viewer, targetType: 'session', targetId: s.id, subjectUserId: s.clientId })));
    res.code(200).type('text/calendar; charset=utf-8').header('Content-Disposition', 'attachment; filename="attune-sessions.ics"').header('Cache-Control', 'private, no-store').send(value);
  }

  /** The zone the person chose; else the one the portal says their device uses (`?timeZone=`); else UTC. */
  private zoneFor(viewer: Viewer, req: Request) {
    if (viewer.preferences.timeZone && isKnownTimeZone(viewer.preferences.timeZone)) return viewer.preferences.timeZone;
    const asked = (req.query as Record<string, unknown> | undefined)?.timeZone;
    return typeof asked === 'string' && isKnownTimeZone(asked) ? asked : 'UTC';
  }

  private async viewerOf(req: Request): Promise<Viewer | null> {
    const bearer = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const viewer = await this.apiTokens.resolve(bearer);
      return viewer?.scopes?.has('sessions:read') ? viewer : null;
    }
    return (await this.authSessions.resolve(req)).viewer;
  }
}
