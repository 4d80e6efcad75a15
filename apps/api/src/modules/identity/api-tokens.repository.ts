import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ApiTokenEntity } from './api-token.entity';

/** The only place API token queries live. */
@Injectable()
export class ApiTokensRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(ApiTokenEntity);
  }

  insert(manager: EntityManager, token: Pick<ApiTokenEntity, 'userId' | 'name' | 'scopes' | 'tokenHash' | 'expiresAt'>) {
    return manager.save(manager.create(ApiTokenEntity, token));
  }

  /** Revokes the person's token if it is still live; returns how many were revoked (0 or 1). */
  async revokeOwn(manager: EntityManager, id: string, userId: string) {
    const result = await this.repo(manager).update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Revokes every live token of the person; returns how many. */
  async revokeAllOf(manager: EntityManager, userId: string) {
    const result = await this.repo(manager).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  /** The person's tokens, newest first, at most 100. */
  listOf(userId: string) {
    return this.repo().find({ where: { userId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  findByHash(tokenHash: string) {
    return this.repo().findOneBy({ tokenHash });
  }

  touch(id: string, at: Date) {
    return this.repo().update({ id }, { lastUsedAt: at });
  }
}
