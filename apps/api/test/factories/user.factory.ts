import { randomUUID } from 'node:crypto';
import type { Role } from '@attune/domain';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/modules/identity/password';
import { UserEntity } from '../../src/modules/users/user.entity';

export const FACTORY_PASSWORD = 'a long and quiet test passphrase';
let cachedHash: Promise<string> | null = null;

export async function newUser(dataSource: DataSource, overrides: Partial<UserEntity> & { role?: Role } = {}): Promise<UserEntity> {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  const id = randomUUID().slice(0, 8);
  const repo = dataSource.getRepository(UserEntity);
  return repo.save(
    repo.create({
      email: `person-${id}@example.test`,
      displayName: `Person ${id}`,
      role: 'CLIENT',
      passwordHash: await cachedHash,
      ...overrides,
    }),
  );
}
