import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { createApiTokenSchema, type ApiScope } from '@attune/domain';
import type { Viewer } from '../../common/auth/viewer';
import { notFound, parseInput } from '../../common/errors';
import { AuditService } from '../audit/audit.service';
import { preferencesOf } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { ApiTokensRepository } from './api-tokens.repository';
import { randomSecret, sha256 } from './secrets';

export const API_TOKEN_PREFIX = 'atn_';
/** last_used_at is written at most this often per token. */
const TOUCH_INTERVAL_MS = 60_000;

@Injectable()
export class ApiTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: ApiTokensRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** The secret is returned once and never stored. */
  async create(viewer: Viewer, input: unknown) {
    const { name, scopes, expiresInDays } = parseInput(createApiTokenSchema, input);
    const secret = `${API_TOKEN_PREFIX}${randomSecret()}`;
    return this.dataSource.transaction(async (manager) => {
      const apiToken = await this.tokens.insert(manager, {
        userId: viewer.userId,
        name,
        scopes: [...new Set(scopes)] as ApiScope[],
        tokenHash: sha256(secret),
        expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
      });
      await this.audit.record({ action: 'api_token.created', actor: viewer, targetType: 'api_token', targetId: apiToken.id, metadata: { scopes: scopes.join(' '), expiresInDays } }, manager);
      return { token: secret, apiToken };
    });
  }

  async revoke(viewer: Viewer, id: string) {
    const result = await this.dataSource.transaction(async (manager) => {
      const revoked = await this.tokens.revokeOwn(manager, id, viewer.userId);
      if (revoked) await this.audit.record({ action: 'api_token.revoked', actor: viewer, targetType: 'api_token', targetId: id }, manager);
      return revoked;
    });
    if (!result) throw notFound('That token');
    return true;
  }

  /** Ends every token of the person (a password change, a reset, a second-factor change, deactivation); returns how many. */
  revokeAllForUser(userId: string, manager: EntityManager) {
    return this.tokens.revokeAllOf(manager, userId);
  }

  list(userId: string) {
    return this.tokens.listOf(userId);
  }

  /** The viewer a bearer token stands for, or null when it is unknown, revoked or expired. */
  async resolve(secret: string): Promise<Viewer | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 100) return null;
    const token = await this.tokens.findByHash(sha256(secret));
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= new Date())) return null;
    const user = await this.users.findActive(token.userId);
    if (!user) return null;
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.tokens.touch(token.id, new Date());
    }
    return { userId: user.id, role: user.role, displayName: user.displayName, email: user.email, sessionId: null, tokenId: token.id, scopes: new Set(token.scopes), preferences: preferencesOf(user) };
  }
}
