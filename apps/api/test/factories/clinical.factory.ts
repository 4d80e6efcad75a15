import { MEASURES, scoreMeasure, type MeasureKind } from '@attune/domain';
import type { DataSource } from 'typeorm';
import { CareRelationshipEntity } from '../../src/modules/care/care-relationship.entity';
import { CheckInEntity } from '../../src/modules/checkins/check-in.entity';
import { MeasureResponseEntity } from '../../src/modules/measures/measure.entity';
import { ReflectionEntity } from '../../src/modules/reflections/reflection.entity';
import { TherapySessionEntity } from '../../src/modules/sessions/therapy-session.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson } from '../auth';

const HOUR = 3_600_000;

export async function newCare(dataSource: DataSource, therapist: UserEntity, client: UserEntity, overrides: Partial<CareRelationshipEntity> = {}) {
  const repo = dataSource.getRepository(CareRelationshipEntity);
  return repo.save(repo.create({ therapistId: therapist.id, clientId: client.id, ...overrides }));
}

/** A therapist with one client in their care. */
export async function newRelationship(dataSource: DataSource) {
  const therapist = await newPerson(dataSource, 'THERAPIST');
  const client = await newPerson(dataSource, 'CLIENT');
  await newCare(dataSource, therapist, client);
  return { therapist, client };
}

export async function newSession(dataSource: DataSource, therapist: UserEntity, client: UserEntity, overrides: Partial<TherapySessionEntity> & { hoursFromNow?: number } = {}) {
  const { hoursFromNow = 24, ...rest } = overrides;
  const startsAt = new Date(Date.now() + hoursFromNow * HOUR);
  const repo = dataSource.getRepository(TherapySessionEntity);
  return repo.save(
    repo.create({ clientId: client.id, therapistId: therapist.id, startsAt, endsAt: new Date(startsAt.getTime() + 50 * 60_000), modality: 'VIDEO', status: 'SCHEDULED', ...rest }),
  );
}

export async function newReflection(dataSource: DataSource, client: UserEntity, overrides: Partial<ReflectionEntity> = {}) {
  const repo = dataSource.getRepository(ReflectionEntity);
  return repo.save(repo.create({ clientId: client.id, body: 'A few quiet lines about the week.', mood: 3, ...overrides }));
}

export async function newCheckIn(dataSource: DataSource, session: TherapySessionEntity, overrides: Partial<CheckInEntity> = {}) {
  const repo = dataSource.getRepository(CheckInEntity);
  return repo.save(
    repo.create({ sessionId: session.id, clientId: session.clientId, therapistId: session.therapistId, bond: 8, goals: 8, approach: 8, overall: 8, concernReasons: [], ...overrides }),
  );
}

/**
 * A completed measure with the given total, filled in `daysAgo` days ago in the care of `therapist`. The answers
 * add up to the total, scored by the domain as the service scores them, and never touch PHQ-9 item 9 (safety).
 */
export async function newMeasureResponse(
  dataSource: DataSource,
  therapist: UserEntity,
  client: UserEntity,
  { kind, total, daysAgo }: { kind: MeasureKind; total: number; daysAgo: number },
) {
  const items = MEASURES[kind].items.length;
  const answerable = kind === 'PHQ9' ? items - 1 : items;
  if (total > answerable * 3) throw new RangeError(`A ${kind} total of ${total} needs the safety item.`);
  const answers = Array.from({ length: items }, (_, index) => (index < answerable ? Math.max(0, Math.min(3, total - index * 3)) : 0));
  const score = scoreMeasure(kind, answers);
  const repo = dataSource.getRepository(MeasureResponseEntity);
  return repo.save(
    repo.create({
      clientId: client.id,
      therapistId: therapist.id,
      kind,
      answers,
      total: score.total,
      band: score.band.code,
      safetyConcern: score.safetyConcern,
      completedAt: new Date(Date.now() - daysAgo * 24 * HOUR),
    }),
  );
}
