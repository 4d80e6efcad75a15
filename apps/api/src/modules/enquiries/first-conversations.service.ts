import { Inject, Injectable } from '@nestjs/common';
import { firstConversationRequestSchema, idSchema, pageArgsSchema } from '@attune/domain';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer';
import { badInput, notFound, parseInput } from '../../common/errors';
import { AppLoggerToken } from '../../common/logger.module';
import type { AppLogger } from '../../common/logger';
import { parseAfter, toConnection } from '../../common/pagination';
import { assertPolicy, Policy } from '../../common/policy/policy';
import { addressKeys } from '../../common/rate-limit/address';
import { RateLimitService, type LimitRule } from '../../common/rate-limit/rate-limit.service';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { TherapistProfilesRepository } from '../directory/therapist-profiles.repository';
import { MailerService } from '../mail/mailer.service';
import type { FirstConversationRequestEntity, FirstConversationRequestStatus } from './first-conversation-request.entity';
import type { FirstConversationRequest } from './first-conversation.model';
import { FirstConversationsRepository } from './first-conversations.repository';

/** Per address (an IPv6 host's /64): enough for a person who changes their mind, too few for a flood. */
export const REQUESTS_PER_ADDRESS: LimitRule = { points: 5, durationSeconds: 60 * 60 };
/** Per network (IPv4 /24, IPv6 /48): a few neighbouring addresses together cannot come near the site-wide limit. */
export const REQUESTS_PER_NETWORK: LimitRule = { points: 15, durationSeconds: 60 * 60 };
/** Across the site, so a spread-out flood cannot bury the admins. */
export const REQUESTS_SITE_WIDE: LimitRule = { points: 200, durationSeconds: 60 * 60 };
export const RATE_LIMITED_MESSAGE =
  'We have received several requests from you in a short time, and we have the ones you sent. Please wait an hour before sending another.';

export interface SubmitResult {
  /** False when the spam trap caught it: the sender is told it arrived, and nothing is kept. */
  stored: boolean;
}

@Injectable()
export class FirstConversationsService {
  constructor(
    private readonly requests: FirstConversationsRepository,
    private readonly profiles: TherapistProfilesRepository,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly limits: RateLimitService,
    private readonly mailer: MailerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AppLoggerToken) private readonly logger: AppLogger,
  ) {}

  /** From the public form or GraphQL. Field paths in errors are under `pathPrefix`. */
  async submit(raw: Record<string, unknown>, ip: string, pathPrefix: string[] = ['input']): Promise<SubmitResult> {
    // The spam trap: a field people never see. Whoever fills it in is told "thank you" and nothing is kept.
    if (typeof raw.website === 'string' && raw.website.trim() !== '') return { stored: false };
    const request = parseInput(firstConversationRequestSchema, raw, pathPrefix);
    let therapistId: string | null = null;
    if (request.therapistProfileId) {
      const profile = await this.profiles.findPublishedById(request.therapistProfileId);
      if (!profile) throw badInput([{ path: [...pathPrefix, 'therapistProfileId'], message: 'Please choose a therapist from the list.' }]);
      therapistId = profile.userId;
    }
    // Narrowest first: a refused sender spends nothing of the wider limits, so it cannot use them up for others.
    const { address, network } = addressKeys(ip);
    await this.limits.consume('first-conversation', address, REQUESTS_PER_ADDRESS, RATE_LIMITED_MESSAGE);
    await this.limits.consume('first-conversation-network', network, REQUESTS_PER_NETWORK, RATE_LIMITED_MESSAGE);
    await this.limits.consume('first-conversation', 'site', REQUESTS_SITE_WIDE, 'We are receiving a lot of requests right now. Please try again in an hour, or call the practice.');
    const id = await this.dataSource.transaction(async (manager) => {
      const id = await this.requests.insert(manager, {
        name: request.name,
        email: request.email,
        phone: request.phone,
        preferredContact: request.preferredContact,
        therapistId,
        message: request.message,
      });
      await this.audit.record({ action: 'first_conversation.requested', targetType: 'first_conversation_request', targetId: id }, manager);
      return id;
    });
    // After the commit: the request is kept even if email fails.
    await this.notifyAdmins(id);
    return { stored: true };
  }

  /** The email says a request arrived and where to read it; it carries none of what the person wrote. */
  private async notifyAdmins(requestId: string) {
    const admins = await this.requests.activeAdmins();
    for (const admin of admins) {
      try {
        await this.mailer.send({
          to: admin.email,
          subject: 'A new request for a first conversation',
          text: `Hello ${admin.displayName},\n\nSomeone asked for a first conversation through the website. To keep their details private, they are not in this email.\n\nRead the request and reply in Attune:\n${this.config.PUBLIC_URL}/admin/first-conversations\n`,
        });
      } catch (error) {
        this.logger.error({ requestId, err: { name: (error as Error).name } }, 'Could not send the first-conversation notice');
      }
    }
  }

  async list(viewer: Viewer, args: { first?: number | null; after?: string | null; status?: FirstConversationRequestStatus | null }) {
    assertPolicy(Policy.manageUsers(viewer), 'Only the practice’s admins read requests for a first conversation.');
    const { first, after } = parseInput(pageArgsSchema, { first: args.first ?? undefined, after: args.after });
    const cursor = parseAfter(after, ['time', 'id']);
    const rows = await this.requests.list(first, cursor && { createdAt: cursor[0], id: cursor[1] }, args.status ?? null);
    // A request carries a stranger's own words about why they seek help: every read is on the record.
    await this.audit.recordMany(rows.slice(0, first).map(({ row }) => ({ action: 'first_conversation.read', actor: viewer, targetType: 'first_conversation_request', targetId: row.id })));
    return toConnection(rows, first, ({ row, at }) => [at, row.id], ({ row }) => toModel(row));
  }

  async markHandled(viewer: Viewer, id: string) {
    assertPolicy(Policy.manageUsers(viewer), 'Only the practice’s admins read requests for a first conversation.');
    if (!idSchema.safeParse(id).success) throw notFound('That request');
    return this.dataSource.transaction(async (manager) => {
      const request = await this.requests.lock(manager, id);
      if (!request) throw notFound('That request');
      if (request.status !== 'HANDLED') {
        request.status = 'HANDLED';
        request.handledAt = new Date();
        request.handledById = viewer.userId;
        await this.audit.record({ action: 'first_conversation.handled', actor: viewer, targetType: 'first_conversation_request', targetId: id }, manager);
      }
      return toModel(await this.requests.save(manager, request));
    });
  }
}

function toModel(entity: FirstConversationRequestEntity): FirstConversationRequest {
  return {
    id: entity.id,
    name: entity.name,
    email: entity.email,
    phone: entity.phone,
    preferredContact: entity.preferredContact,
    therapistName: entity.therapist?.displayName ?? null,
    message: entity.message,
    status: entity.status,
    createdAt: entity.createdAt,
    handledAt: entity.handledAt,
    handledByName: entity.handledBy?.displayName ?? null,
  };
}
