import { Inject, Injectable } from '@nestjs/common';
import { idSchema, pageArgsSchema, slugify, therapistProfileSchema, uniqueSlug } from '@attune/domain';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { badInput, conflict, forbidden, notFound, parseInput } from '../../common/errors';
import { parseAfter, toConnection } from '../../common/pagination';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { TherapistProfileEntity } from './therapist-profile.entity';
import type { SaveTherapistProfileInput, TherapistProfile } from './therapist-profile.model';
import { TherapistProfilesRepository } from './therapist-profiles.repository';

@Injectable()
export class TherapistProfilesService {
  constructor(
    private readonly profiles: TherapistProfilesRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  toModel(entity: TherapistProfileEntity): TherapistProfile {
    return { ...entity, url: `${this.config.PUBLIC_URL}/therapists/${entity.slug}` };
  }

  async listPublished(args: { first?: number | null; after?: string | null; acceptingNewClients?: boolean | null }) {
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const cursor = parseAfter(after, ['string', 'id']);
    const rows = await this.profiles.listPublished(first, cursor && { name: cursor[0], id: cursor[1] }, args.acceptingNewClients === true);
    return toConnection(rows, first, (row) => [row.displayName, row.id], (row) => this.toModel(row));
  }

  async findPublishedBySlug(slug: string) {
    const row = /^[a-z0-9-]{1,100}$/.test(slug) ? await this.profiles.findPublishedBySlug(slug) : null;
    return row ? this.toModel(row) : null;
  }

  async mine(viewer: Viewer) {
    if (viewer.role !== 'THERAPIST') return null;
    const row = await this.profiles.findByUserId(viewer.userId);
    return row ? this.toModel(row) : null;
  }

  /** A therapist saves their own profile; an admin may save any therapist's. */
  async save(viewer: Viewer, input: SaveTherapistProfileInput): Promise<TherapistProfile> {
    let therapistId: string;
    if (viewer.role === 'THERAPIST') {
      if (input.therapistId && input.therapistId !== viewer.userId) throw forbidden('You can change only your own profile.');
      therapistId = viewer.userId;
    } else if (viewer.role === 'ADMIN') {
      if (!input.therapistId) throw badInput([{ path: ['input', 'therapistId'], message: 'Choose the therapist whose profile this is.' }]);
      therapistId = parseInput(idSchema, input.therapistId, ['input', 'therapistId']);
    } else {
      throw forbidden('Only therapists and admins can change therapist profiles.');
    }
    const fields = parseInput(therapistProfileSchema, { ...input, specialties: input.specialties ?? [] }, ['input']);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.profiles.findTherapist(manager, therapistId))) throw notFound('That therapist');
      let profile = await this.profiles.lockByUserId(manager, therapistId);
      if (profile && input.version !== null && input.version !== undefined && profile.version !== input.version) {
        throw conflict('This profile was saved by someone else after you opened it. Reload to see their version: your changes stay on this page.', 'STALE_VERSION', {
          currentVersion: profile.version,
        });
      }
      if (!profile) {
        const made = slugify(fields.displayName);
        const base = made === 'article' ? 'therapist' : made;
        profile = manager.create(TherapistProfileEntity, { userId: therapistId, slug: uniqueSlug(base, await this.profiles.slugsStartingWith(manager, base)) });
      }
      Object.assign(profile, fields);
      const saved = await this.profiles.save(manager, profile);
      await this.audit.record(
        { action: 'therapist_profile.saved', actor: viewer, targetType: 'therapist_profile', targetId: saved.id, metadata: { published: saved.published } },
        manager,
      );
      return this.toModel(saved);
    });
  }
}
