import type { MeasureKind } from '@attune/domain';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, signedIn } from '../auth';
import { newCare, newMeasureResponse, newSession } from '../factories/clinical.factory';
import { gql, startTestApp, type Http, type TestApp } from '../harness';

const CASELOAD = /* GraphQL */ `
  query($sort: CaseloadSort, $filter: CaseloadFilter, $updatedSince: DateTime) {
    caseload(first: 100, sort: $sort, filter: $filter, updatedSince: $updatedSince) {
      edges { node { client { displayName } flags { kind reason measure } } }
    }
  }
`;
const CLIENT = 'query($id: ID!) { client(id: $id) { relationship { flags { kind reason measure } } } }';

type Flag = { kind: string; reason: string; measure: string | null };
type Caseload = { caseload: { edges: { node: { client: { displayName: string }; flags: Flag[] } }[] } };

/** Totals of one measure: [days ago, total], oldest first. */
type Scores = [number, number][];

describe('the caseload flags outcome measures that worsen or do not improve', () => {
  let t: TestApp;
  let therapist: UserEntity;
  let asTherapist: Http;

  beforeAll(async () => {
    t = await startTestApp();
    therapist = await newPerson(t.dataSource, 'THERAPIST');
    asTherapist = await signedIn(t, therapist);
  });
  afterAll(() => t.close());

  /** A client with nothing else to flag (met three days ago, next session booked), and these scores in your care. */
  async function calmClient(displayName: string, measures: Partial<Record<MeasureKind, Scores>> = {}, byTherapist = therapist) {
    const client = await newPerson(t.dataSource, 'CLIENT', { displayName });
    await newCare(t.dataSource, byTherapist, client);
    await newSession(t.dataSource, byTherapist, client, { hoursFromNow: -72, status: 'COMPLETED' });
    await newSession(t.dataSource, byTherapist, client, { hoursFromNow: 96 });
    for (const [kind, scores] of Object.entries(measures) as [MeasureKind, Scores][]) {
      for (const [daysAgo, total] of scores) await newMeasureResponse(t.dataSource, byTherapist, client, { kind, total, daysAgo });
    }
    return client;
  }

  async function flagsOf(displayName: string, variables: Record<string, unknown> = {}, as = asTherapist) {
    const result = await gql<Caseload>(as, CASELOAD, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.caseload.edges.find((edge) => edge.node.client.displayName === displayName)?.node.flags;
  }

  it('says symptoms are worsening on a rise of the reliable-change amount from the first score (PHQ-9 6, GAD-7 4), not one less', async () => {
    await calmClient('Worse PHQ by 6', { PHQ9: [[42, 8], [28, 10], [14, 13], [0, 14]] });
    await calmClient('Worse PHQ by 5', { PHQ9: [[42, 8], [0, 13]] });
    await calmClient('Worse GAD by 4', { GAD7: [[28, 6], [0, 10]] });
    await calmClient('Worse GAD by 3', { GAD7: [[28, 6], [0, 9]] });

    expect(await flagsOf('Worse PHQ by 6')).toEqual([{ kind: 'SYMPTOMS_WORSENING', reason: 'Symptoms worsening on PHQ-9 since the first one in your care.', measure: 'PHQ9' }]);
    expect(await flagsOf('Worse PHQ by 5')).toEqual([]);
    expect(await flagsOf('Worse GAD by 4')).toEqual([{ kind: 'SYMPTOMS_WORSENING', reason: 'Symptoms worsening on GAD-7 since the first one in your care.', measure: 'GAD7' }]);
    expect(await flagsOf('Worse GAD by 3')).toEqual([]);
  });

  it('says not improving after 12 weeks of scores without a reliable fall, not after 11', async () => {
    await calmClient('Flat for 12 weeks', { PHQ9: [[84, 15], [42, 12], [0, 14]] });
    await calmClient('Flat for 11 weeks', { PHQ9: [[77, 15], [0, 14]] });
    await calmClient('Better after 12 weeks', { PHQ9: [[84, 15], [0, 9]] });
    await calmClient('GAD flat for 13 weeks', { GAD7: [[91, 12], [0, 11]] });

    expect(await flagsOf('Flat for 12 weeks')).toEqual([{ kind: 'NOT_IMPROVING', reason: 'Not improving after 12 weeks on PHQ-9.', measure: 'PHQ9' }]);
    expect(await flagsOf('Flat for 11 weeks')).toEqual([]);
    expect(await flagsOf('Better after 12 weeks')).toEqual([]);
    expect(await flagsOf('GAD flat for 13 weeks')).toEqual([{ kind: 'NOT_IMPROVING', reason: 'Not improving after 13 weeks on GAD-7.', measure: 'GAD7' }]);
  });

  it('reads only the scores of this care relationship: an earlier therapist’s do not count, and theirs stay theirs', async () => {
    const earlier = await newPerson(t.dataSource, 'THERAPIST');
    const client = await calmClient('Handed over', { PHQ9: [[14, 10], [0, 14]] });
    // Under the earlier therapist they scored 3: from there, 14 would be a rise of 11.
    await newMeasureResponse(t.dataSource, earlier, client, { kind: 'PHQ9', total: 3, daysAgo: 200 });
    expect(await flagsOf('Handed over')).toEqual([]);
  });

  it('lists a client flagged only by a measure under "Clients with a flag", first by attention, and on their record', async () => {
    const therapistOfTwo = await newPerson(t.dataSource, 'THERAPIST');
    const asThem = await signedIn(t, therapistOfTwo);
    const worse = await calmClient('Anna Worse', { GAD7: [[28, 5], [0, 12]] }, therapistOfTwo);
    await calmClient('Bea Steady', { GAD7: [[28, 5], [0, 6]] }, therapistOfTwo);

    const all = await gql<Caseload>(asThem, CASELOAD, {});
    expect(all.data!.caseload.edges.map((edge) => [edge.node.client.displayName, edge.node.flags.map((flag) => flag.kind)])).toEqual([
      ['Anna Worse', ['SYMPTOMS_WORSENING']],
      ['Bea Steady', []],
    ]);
    const flagged = await gql<Caseload>(asThem, CASELOAD, { filter: 'FLAGGED' });
    expect(flagged.data!.caseload.edges.map((edge) => edge.node.client.displayName)).toEqual(['Anna Worse']);
    const byAttention = await gql<Caseload>(asThem, CASELOAD, { sort: 'ATTENTION', filter: 'ALL' });
    expect(byAttention.data!.caseload.edges.map((edge) => edge.node.client.displayName)).toEqual(['Anna Worse', 'Bea Steady']);

    const record = await gql<{ client: { relationship: { flags: Flag[] } } }>(asThem, CLIENT, { id: worse.id });
    expect(record.data!.client.relationship.flags).toEqual([{ kind: 'SYMPTOMS_WORSENING', reason: 'Symptoms worsening on GAD-7 since the first one in your care.', measure: 'GAD7' }]);
  });

  it('lists a client whose new measure changed their row when polling with updatedSince', async () => {
    const polling = await newPerson(t.dataSource, 'THERAPIST');
    const asThem = await signedIn(t, polling);
    const client = await newPerson(t.dataSource, 'CLIENT', { displayName: 'Polled Client' });
    await newCare(t.dataSource, polling, client, { startedAt: new Date(Date.now() - 365 * 86_400_000) });
    await newMeasureResponse(t.dataSource, polling, client, { kind: 'PHQ9', total: 6, daysAgo: 30 });
    const since = new Date(Date.now() - 1000).toISOString();
    expect((await gql<Caseload>(asThem, CASELOAD, { updatedSince: since })).data!.caseload.edges).toEqual([]);

    await newMeasureResponse(t.dataSource, polling, client, { kind: 'PHQ9', total: 13, daysAgo: 0 });
    const polled = await gql<Caseload>(asThem, CASELOAD, { updatedSince: since });
    expect(polled.errors).toBeUndefined();
    expect(polled.data!.caseload.edges.map((edge) => [edge.node.client.displayName, edge.node.flags.map((flag) => flag.kind)])).toEqual([
      ['Polled Client', ['NO_UPCOMING_SESSION', 'LONG_GAP', 'SYMPTOMS_WORSENING']],
    ]);
  });
});
