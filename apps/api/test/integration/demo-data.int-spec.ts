import { allianceConcerns } from '@attune/domain';
import { DEMO_PASSWORD, seedDemoDataIfEmpty } from '../../src/database/seed/demo-seed';
import { CheckInEntity } from '../../src/modules/checkins/check-in.entity';
import { ReflectionEntity, ReflectionResponseEntity } from '../../src/modules/reflections/reflection.entity';
import { TherapySessionEntity } from '../../src/modules/sessions/therapy-session.entity';
import { UserEntity } from '../../src/modules/users/user.entity';
import { signedIn } from '../auth';
import { gql, startTestApp, type TestApp } from '../harness';

const DAY = 86_400_000;

interface CaseloadNode {
  client: { id: string; displayName: string };
  since: string;
  unreadSharedReflections: number;
  alliance: { direction: string | null; trend: { overall: number }[] };
  flags: { kind: string; reason: string }[];
}

/**
 * The demo practice tells its story through the product's own rules: the caseload the demo therapist
 * sees is worked out by the API from the seeded rows, and every stored judgement (a check-in's concerns,
 * an acknowledgement) is what the running code would have made of the same events.
 */
describe('the demo practice', () => {
  let t: TestApp;
  /** Signed in once: a second factor's code works only once. */
  let therapist: Awaited<ReturnType<typeof signedIn>>;
  const person = (email: string) => t.dataSource.getRepository(UserEntity).findOneByOrFail({ email });
  const signIn = async (email: string) => signedIn(t, await person(email), DEMO_PASSWORD);

  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoDataIfEmpty(t.dataSource)).toBe(true);
    therapist = await signIn('therapist@attune.test');
  });
  afterAll(() => t.close());

  it('loads once: a second start finds it there and changes nothing', async () => {
    const counts = () => Promise.all([UserEntity, TherapySessionEntity, CheckInEntity, ReflectionEntity, ReflectionResponseEntity].map((entity) => t.dataSource.getRepository(entity).count()));
    const before = await counts();
    expect(await seedDemoDataIfEmpty(t.dataSource)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('shows the therapist relationships that began months ago, with every kind of alliance and flag', async () => {
    const result = await gql<{ caseload: { edges: { node: CaseloadNode }[] } }>(
      therapist,
      '{ caseload(first: 50) { edges { node { client { id displayName } since unreadSharedReflections alliance { direction trend { overall } } flags { kind reason } } } } }',
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data!.caseload.edges.map((edge) => edge.node);
    const byName = Object.fromEntries(nodes.map((node) => [node.client.displayName, node]));

    expect(Object.fromEntries(nodes.map((node) => [node.client.displayName, node.flags.map((flag) => flag.kind)]))).toEqual({
      'Avery Brooks': [],
      'Ben Carter': [],
      'Elena Petrova': ['NO_UPCOMING_SESSION'],
      'Hana Kim': [],
      'Iris Novak': ['ALLIANCE'],
      'Jordan Lee': [],
      'Kai Nakamura': ['COMMENT_WAITING'],
      'Leila Farah': [],
      'Marcus Bell': ['MISSED_SESSIONS', 'NO_UPCOMING_SESSION', 'LONG_GAP'],
      'Maya Singh': [],
      'Owen Walsh': ['LONG_GAP'],
      'Riley Chen': ['ALLIANCE', 'COMMENT_WAITING'],
      'Sofia Alvarez': ['GONE_QUIET'],
      'Tomás Silva': [],
    });
    expect(byName['Riley Chen']!.flags[0]!.reason).toBe(
      'The latest check-in needs attention: 5 or below for feeling safe and heard, the way of working, the session overall; "Overall" fell to 5 from a recent average of 7.7.',
    );
    expect(byName['Iris Novak']!.flags[0]!.reason).toBe('The latest check-in needs attention: "Overall" fell to 6 from a recent average of 9.0.');

    const direction = (name: string) => byName[name]!.alliance.direction;
    expect([direction('Jordan Lee'), direction('Avery Brooks'), direction('Kai Nakamura'), direction('Leila Farah'), direction('Riley Chen'), direction('Hana Kim')]).toEqual([
      'STEADY',
      'STEADY',
      'UP',
      'UP',
      'DOWN',
      null,
    ]);
    // Jordan's line still carries the dip, and what came after it.
    expect(byName['Jordan Lee']!.alliance.trend.map((point) => point.overall)).toEqual([8, 8, 5, 7, 8, 8, 9, 8]);
    expect(nodes.filter((node) => node.alliance.trend.length > 0).length).toBeGreaterThanOrEqual(12);
    expect(Object.fromEntries(nodes.filter((node) => node.unreadSharedReflections > 0).map((node) => [node.client.displayName, node.unreadSharedReflections]))).toEqual({
      'Avery Brooks': 1,
      'Jordan Lee': 1,
      'Leila Farah': 2,
    });
    // Months of care, except for the newcomer.
    const monthsAgo = Date.now() - 56 * DAY;
    expect(nodes.filter((node) => Date.parse(node.since) > monthsAgo).map((node) => node.client.displayName)).toEqual(['Hana Kim']);
  });

  it("keeps Jordan's drop in the alliance: flagged when it came, acknowledged, and followed by better sessions", async () => {
    const jordan = await person('client@attune.test');
    const result = await gql<{ checkIns: { edges: { node: { overall: number; comment: string | null; concernReasons: string[]; acknowledgedAt: string | null; createdAt: string } }[] } }>(
      therapist,
      'query($c: ID!) { checkIns(clientId: $c, first: 50) { edges { node { overall comment concernReasons acknowledgedAt createdAt } } } }',
      { c: jordan.id },
    );
    const newestFirst = result.data!.checkIns.edges.map((edge) => edge.node);
    const flagged = newestFirst.filter((checkIn) => checkIn.concernReasons.length > 0);
    expect(flagged).toHaveLength(1);
    const [drop] = flagged;
    expect(drop).toMatchObject({ overall: 5, comment: 'I felt pushed to talk about my mum before I was ready.' });
    expect(Date.parse(drop!.acknowledgedAt!)).toBeGreaterThan(Date.parse(drop!.createdAt));
    const after = newestFirst.slice(0, newestFirst.indexOf(drop!));
    expect(after.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...after.map((checkIn) => checkIn.overall))).toBeGreaterThanOrEqual(7);
  });

  it('judges every check-in as submitting it would have, and acknowledges only what needed attention', async () => {
    const checkIns = await t.dataSource.getRepository(CheckInEntity).find({ order: { clientId: 'ASC', createdAt: 'ASC' } });
    const sessions = new Map((await t.dataSource.getRepository(TherapySessionEntity).find()).map((session) => [session.id, session]));
    const earlier = new Map<string, number[]>();
    for (const checkIn of checkIns) {
      const overalls = earlier.get(checkIn.clientId) ?? [];
      expect(checkIn.concernReasons).toEqual(allianceConcerns(checkIn, overalls.slice(-3).reverse()));
      earlier.set(checkIn.clientId, [...overalls, checkIn.overall]);
      const session = sessions.get(checkIn.sessionId)!;
      expect([session.status, session.clientId, session.therapistId]).toEqual(['COMPLETED', checkIn.clientId, checkIn.therapistId]);
      expect(checkIn.createdAt.getTime()).toBeGreaterThan(session.endsAt.getTime());
      expect(checkIn.createdAt.getTime()).toBeLessThan(Date.now());
      if (checkIn.acknowledgedAt) {
        expect(checkIn.concernReasons.length > 0 || checkIn.comment !== null).toBe(true);
        expect(checkIn.acknowledgedAt.getTime()).toBeGreaterThan(checkIn.createdAt.getTime());
        expect(checkIn.acknowledgedAt.getTime()).toBeLessThan(Date.now());
      }
    }
    expect(checkIns.length).toBeGreaterThan(100);
  });

  it('books nobody twice, and keeps what happened in the past and what is scheduled in the future', async () => {
    const sessions = await t.dataSource.getRepository(TherapySessionEntity).find({ order: { therapistId: 'ASC', startsAt: 'ASC' } });
    for (const [index, session] of sessions.entries()) {
      const previous = sessions[index - 1];
      if (previous?.therapistId === session.therapistId) expect(session.startsAt.getTime()).toBeGreaterThanOrEqual(previous.endsAt.getTime());
      expect(session.status === 'SCHEDULED').toBe(session.startsAt.getTime() > Date.now());
    }
  });

  it("shows the client their therapist's responses, each with the therapist's name", async () => {
    const result = await gql<{ reflections: { edges: { node: { shared: boolean; createdAt: string; responses: { createdAt: string; author: { displayName: string } }[] } }[] } }>(
      await signIn('client@attune.test'),
      '{ reflections(first: 50) { edges { node { shared createdAt responses { createdAt author { displayName } } } } } }',
    );
    const reflections = result.data!.reflections.edges.map((edge) => edge.node);
    const answered = reflections.filter((reflection) => reflection.responses.length > 0);
    expect(answered.length).toBeGreaterThanOrEqual(3);
    expect(reflections.some((reflection) => !reflection.shared)).toBe(true);
    for (const reflection of answered) {
      expect(reflection.shared).toBe(true);
      for (const response of reflection.responses) {
        expect(response.author.displayName).toBe('Dr. Priya Raman');
        expect(Date.parse(response.createdAt)).toBeGreaterThan(Date.parse(reflection.createdAt));
      }
    }
  });
});
