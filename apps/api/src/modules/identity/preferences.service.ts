import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isKnownTimeZone, updatePreferencesSchema, type UpdatePreferences } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { AppError } from '../../common/errors';
import { afterCommit } from '../../database/after-commit';
import { AuditService } from '../audit/audit.service';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { SessionCache } from './session-cache';

/** Each person's own time zone and reminder settings. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly cache: SessionCache,
  ) {}

  async update(viewer: Viewer, input: { timeZone?: string | null; sessionReminderMinutes?: number | null; measureReminders?: boolean | null }) {
    // A null measureReminders is "no change": the column has no third state.
    const { measureReminders, ...rest } = input;
    const raw = { ...rest, ...(measureReminders === null || measureReminders === undefined ? {} : { measureReminders }) };
    const parsed = updatePreferencesSchema.safeParse(raw);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({ path: ['input', ...issue.path.map(String)], message: issue.message }));
      // A program can tell an unknown zone (perhaps newer than this server's list) from other mistakes.
      const unknownZone = typeof raw.timeZone === 'string' && !isKnownTimeZone(raw.timeZone.trim());
      throw new AppError('BAD_USER_INPUT', fields[0]?.message ?? 'Some of what was sent needs another look.', { fields, ...(unknownZone ? { reason: 'TIME_ZONE_UNKNOWN' } : {}) });
    }
    const change: UpdatePreferences = parsed.data;
    const set = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as Partial<Pick<UserEntity, 'timeZone' | 'sessionReminderMinutes' | 'measureReminders'>>;
    return this.dataSource.transaction(async (manager) => {
      if (Object.keys(set).length > 0) {
        await this.users.update(viewer.userId, set, manager);
        // Which settings changed, never their values: a zone says roughly where someone lives.
        await this.audit.record({ action: 'account.preferences_changed', actor: viewer, targetType: 'user', targetId: viewer.userId, subjectUserId: viewer.userId, metadata: { changed: Object.keys(set).join(',') } }, manager);
        // The sign-in lookup carries the preferences: read them again on the next request, here and in every process.
        this.cache.personChanged(viewer.userId);
        afterCommit(manager, () => this.cache.personChanged(viewer.userId));
      }
      return this.users.getById(viewer.userId, manager);
    });
  }
}
