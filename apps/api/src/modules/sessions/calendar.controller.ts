import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createEvents, type EventAttributes } from 'ics';
import { DataSource, In } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { AuditService } from '../audit/audit.service';
import { CarePolicy } from '../care/care-policy.service';
import { ApiTokensService } from '../identity/api-tokens.service';
import { SessionsService as AuthSessions } from '../identity/sessions.service';
import { UserEntity } from '../users/user.entity';
import { TherapySessionEntity } from './therapy-session.entity';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * GET /calendar/sessions.ics: your upcoming sessions as an iCalendar file, for a calendar app.
 * Signed in with the portal cookie, or a token with `sessions:read`. Titles name the other person
 * only; nothing clinical goes into a calendar.
 */
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authSessions: AuthSessions,
    private readonly apiTokens: ApiTokensService,
    private readonly care: CarePolicy,
    private readonly audit: AuditService,
  ) {}

  @Get('sessions.ics')
  async sessions(@Req() req: Request, @Res() res: Response) {
    const viewer = await this.viewerOf(req);
    if (!viewer) {
      res.status(401).type('text/plain').send('Please sign in to download your sessions.');
      return;
    }
    if (viewer.role === 'ADMIN') {
      res.status(403).type('text/plain').send('Calendars are for clients and therapists.');
      return;
    }
    const qb = this.dataSource
      .getRepository(TherapySessionEntity)
      .createQueryBuilder('s')
      .where("s.status = 'SCHEDULED' AND s.ends_at > now()")
      .orderBy('s.starts_at', 'ASC')
      .limit(200);
    if (viewer.role === 'CLIENT') qb.andWhere('s.client_id = :me', { me: viewer.userId });
    else qb.andWhere('s.therapist_id = :me AND s.client_id IN (:...clients)', { me: viewer.userId, clients: [...(await this.care.activeClientIds(viewer)), '00000000-0000-0000-0000-000000000000'] });
    const sessions = await qb.getMany();
    const otherIds = [...new Set(sessions.map((s) => (viewer.role === 'CLIENT' ? s.therapistId : s.clientId)))];
    const names = new Map(
      otherIds.length ? (await this.dataSource.getRepository(UserEntity).findBy({ id: In(otherIds) })).map((u) => [u.id, u.displayName]) : [],
    );
    const events: EventAttributes[] = sessions.map((s) => ({
      uid: `${s.id}@attune`,
      start: s.startsAt.getTime(),
      end: s.endsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      endInputType: 'utc',
      endOutputType: 'utc',
      title: `Session with ${names.get(viewer.role === 'CLIENT' ? s.therapistId : s.clientId) ?? 'your therapist'}`,
      description: s.joinDetails ?? undefined,
      sequence: s.version,
      classification: 'PRIVATE',
      busyStatus: 'BUSY',
    }));
    const { error, value } = createEvents(events, { productId: 'Attune', calName: 'Attune sessions' });
    if (error || value === null) throw error ?? new Error('calendar could not be written');
    await this.audit.recordMany(sessions.map((s) => ({ action: 'session.calendar_exported', actor: viewer, targetType: 'session', targetId: s.id, subjectUserId: s.clientId })));
    res.status(200).type('text/calendar; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="attune-sessions.ics"').setHeader('Cache-Control', 'private, no-store').send(value);
  }

  private async viewerOf(req: Request): Promise<Viewer | null> {
    const bearer = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (bearer) {
      const viewer = await this.apiTokens.resolve(bearer);
      return viewer?.scopes?.has('sessions:read') ? viewer : null;
    }
    return (await this.authSessions.resolve(req)).viewer;
  }
}
