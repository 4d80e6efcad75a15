import { allianceConcerns } from '@attune/domain';
import type { EntityManager } from 'typeorm';
import { CheckInEntity } from '../../modules/checkins/check-in.entity';
import { PracticePromptEntity, ReflectionEntity, ReflectionResponseEntity } from '../../modules/reflections/reflection.entity';
import { SessionNoteEntity } from '../../modules/sessions/session-note.entity';
import { TherapySessionEntity } from '../../modules/sessions/therapy-session.entity';
import type { UserEntity } from '../../modules/users/user.entity';

const DAY = 86_400_000;

/** A session at 10:00 UTC `daysFromNow` days away, 50 minutes long. */
function at(daysFromNow: number, hour = 10) {
  const start = new Date(Date.now() + daysFromNow * DAY);
  start.setUTCHours(hour, 0, 0, 0);
  return { startsAt: start, endsAt: new Date(start.getTime() + 50 * 60_000) };
}

/**
 * The demo relationships, written for this project: Jordan (client) has weekly sessions, check-ins that
 * dipped last time, reflections private and shared; the rest of the caseload varies so every flag shows.
 */
export async function seedDemoClinical(manager: EntityManager, therapist: UserEntity, caseload: UserEntity[], therapist2: UserEntity, client3: UserEntity) {
  const [jordan, riley, ...others] = caseload;
  const sessions = manager.getRepository(TherapySessionEntity);
  const save = (client: UserEntity, therapistId: string, daysFromNow: number, status: TherapySessionEntity['status'], extra: Partial<TherapySessionEntity> = {}) =>
    sessions.save(sessions.create({ clientId: client.id, therapistId, modality: 'VIDEO', status, joinDetails: 'Video link is sent by email an hour before.', ...at(daysFromNow, 9 + (caseload.indexOf(client) % 8)), ...extra }));

  // Jordan: six weekly sessions behind, two ahead; the last check-in dipped, with a comment.
  const jordanPast: TherapySessionEntity[] = [];
  for (const days of [-42, -35, -28, -21, -14, -7]) jordanPast.push(await save(jordan!, therapist.id, days, 'COMPLETED'));
  await save(jordan!, therapist.id, 2, 'SCHEDULED', { agenda: 'I would like to talk about the conversation with my sister.' });
  await save(jordan!, therapist.id, 9, 'SCHEDULED');
  const scores = [
    { bond: 7, goals: 6, approach: 7, overall: 7 },
    { bond: 8, goals: 7, approach: 7, overall: 8 },
    { bond: 8, goals: 8, approach: 8, overall: 8 },
    { bond: 9, goals: 8, approach: 8, overall: 9 },
    { bond: 8, goals: 8, approach: 9, overall: 8 },
  ];
  const overalls: number[] = [];
  for (const [index, score] of scores.entries()) {
    const concernReasons = allianceConcerns(score, overalls.slice(-3).reverse());
    await manager.save(
      manager.create(CheckInEntity, {
        sessionId: jordanPast[index]!.id,
        clientId: jordan!.id,
        therapistId: therapist.id,
        ...score,
        comment: null,
        concernReasons,
        // Only a check-in that needed attention is acknowledged (the repair loop); the rest simply stand.
        acknowledgedAt: concernReasons.length > 0 ? new Date() : null,
        createdAt: new Date(jordanPast[index]!.endsAt.getTime() + 3_600_000),
      }),
    );
    overalls.push(score.overall);
  }
  // The most recent completed session has no check-in yet, so the demo client can write one.
  await manager.insert(SessionNoteEntity, {
    sessionId: jordanPast[5]!.id,
    authorId: therapist.id,
    body: 'Talked through the week. Agreed to notice moments of saying yes when meaning no.',
    signedAt: new Date(),
  });
  await manager.insert(PracticePromptEntity, { clientId: jordan!.id, therapistId: therapist.id, body: 'This week, notice when you say yes but mean no. You don’t need to change it yet, just notice.' });
  const shared = await manager.save(
    manager.create(ReflectionEntity, {
      clientId: jordan!.id,
      body: 'I noticed I agreed to cover a shift even though I was exhausted. I felt my shoulders tighten as I said it.',
      mood: 3,
      sharedWithId: therapist.id,
      sharedAt: new Date(Date.now() - 4 * DAY),
      readByTherapistAt: new Date(Date.now() - 3 * DAY),
      createdAt: new Date(Date.now() - 4 * DAY),
    }),
  );
  await manager.insert(ReflectionResponseEntity, { reflectionId: shared.id, therapistId: therapist.id, body: 'Thank you for noticing that so clearly. Let’s look at that moment together next time.' });
  await manager.insert(ReflectionEntity, { clientId: jordan!.id, body: 'A quieter day. Walked by the river after work.', mood: 4, sharedWithId: therapist.id, sharedAt: new Date(Date.now() - DAY), createdAt: new Date(Date.now() - DAY) });
  await manager.insert(ReflectionEntity, { clientId: jordan!.id, body: 'Something I am not ready to share yet.', mood: 2, createdAt: new Date(Date.now() - 2 * DAY) });

  // Riley: a low check-in that is waiting to be acknowledged (the repair loop), and a session ahead.
  const rileyPast = [await save(riley!, therapist.id, -15, 'COMPLETED'), await save(riley!, therapist.id, -8, 'COMPLETED')];
  await save(riley!, therapist.id, 6, 'SCHEDULED');
  await manager.insert(CheckInEntity, { sessionId: rileyPast[0]!.id, clientId: riley!.id, therapistId: therapist.id, bond: 8, goals: 8, approach: 7, overall: 8, concernReasons: [], createdAt: new Date(Date.now() - 14 * DAY) });
  const low = { bond: 5, goals: 6, approach: 4, overall: 5 };
  await manager.insert(CheckInEntity, {
    sessionId: rileyPast[1]!.id,
    clientId: riley!.id,
    therapistId: therapist.id,
    ...low,
    comment: 'I felt rushed at the end.',
    concernReasons: allianceConcerns(low, [8]),
    createdAt: new Date(Date.now() - 7 * DAY),
  });

  // The rest of the caseload: a mix of rhythms so the caseload shows each kind of flag.
  for (const [index, client] of others.entries()) {
    const pattern = index % 4;
    if (pattern === 0) {
      await save(client, therapist.id, -10, 'COMPLETED');
      await save(client, therapist.id, 4 + index, 'SCHEDULED');
    } else if (pattern === 1) {
      await save(client, therapist.id, -30, 'COMPLETED');
      await save(client, therapist.id, -16, 'CANCELLED', { cancelReason: 'Unwell', cancelledBy: client.id });
      await save(client, therapist.id, -9, 'NO_SHOW');
    } else if (pattern === 2) {
      await save(client, therapist.id, -40, 'COMPLETED');
    } else {
      await save(client, therapist.id, -5, 'COMPLETED');
      await save(client, therapist.id, 3 + index, 'SCHEDULED');
      for (const days of [70, 60, 50, 40]) {
        await manager.insert(ReflectionEntity, { clientId: client.id, body: 'A few lines about the week.', mood: 3, sharedWithId: therapist.id, sharedAt: new Date(Date.now() - days * DAY), readByTherapistAt: new Date(), createdAt: new Date(Date.now() - days * DAY) });
      }
    }
  }

  // therapist2's client.
  await save(client3, therapist2.id, -7, 'COMPLETED');
  await save(client3, therapist2.id, 7, 'SCHEDULED');
}
