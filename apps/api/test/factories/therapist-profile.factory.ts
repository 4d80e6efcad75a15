import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TherapistProfileEntity } from '../../src/modules/directory/therapist-profile.entity';

export async function newTherapistProfile(dataSource: DataSource, userId: string, overrides: Partial<TherapistProfileEntity> = {}): Promise<TherapistProfileEntity> {
  const id = randomUUID().slice(0, 8);
  const repo = dataSource.getRepository(TherapistProfileEntity);
  return repo.save(
    repo.create({
      slug: `therapist-${id}`,
      displayName: `Therapist ${id}`,
      pronouns: null,
      credentials: 'Psychotherapist',
      approach: 'I listen first.',
      specialties: [],
      acceptingNewClients: false,
      published: true,
      userId,
      ...overrides,
    }),
  );
}
