import { AfterResponse } from '../../src/common/background/after-response.service';
import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { OutboxEmailEntity } from '../../src/modules/mail/outbox-email.entity';
import { MeasureDraftEntity, MeasureResponseEntity, MeasureScheduleEntity, SafetyFlagEntity } from '../../src/modules/measures/measure.entity';
import { newApiToken, newPerson, signedIn } from '../auth';
import { newRelationship } from '../factories/clinical.factory';
import { gql, startTestApp, type Http, type TestApp } from '../harness';

const SET_SCHEDULE = 'mutation($input: SetMeasureScheduleInput!) { setMeasureSchedule(input: $input) { clientId kind schedule setAt } }';
const DUE = '{ dueMeasures { kind draftAnswers definition { name items { number text } options { score label } } } }';
const SAVE_DRAFT = 'mutation($input: MeasureAnswersInput!) { saveMeasureDraft(input: $input) }';
const SUBMIT = 'mutation($input: MeasureAnswersInput!) { submitMeasure(input: $input) { safetyConcern crisisHtml response { id kind total answers band { code label } safetyConcern } } }';
const RESPONSES = 'query($clientId: ID, $kind: MeasureKind) { measureResponses(clientId: $clientId, kind: $kind, first: 10) { edges { node { id kind total band { code } } } } }';
const FLAGS = 'query($all: Boolean) { safetyFlags(first: 10, includeAcknowledged: $all) { edges { node { id measure client { displayName } responseId acknowledgedAt acknowledgementNote } } } }';
const ACKNOWLEDGE = 'mutation($id: ID!, $note: String!) { acknowledgeSafetyFlag(id: $id, note: $note) { id measure acknowledgedAt acknowledgementNote } }';

type Due = { dueMeasures: { kind: string; draftAnswers: (number | null)[]; definition: { name: string; items: { number: number; text: string }[]; options: { score: number; label: string }[] } }[] };
type Submitted = { submitMeasure: { safetyConcern: boolean; crisisHtml: string | null; response: { id: string; total: number; answers: number[]; band: { code: string } } } };

describe('outcome measures (PHQ-9, GAD-7) and safety flags', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function scheduled(kind = 'PHQ9', schedule = 'EVERY_2_WEEKS') {
    const { therapist, client } = await newRelationship(t.dataSource);
    const asTherapist = await signedIn(t, therapist);
    const set = await gql(asTherapist, SET_SCHEDULE, { input: { clientId: client.id, kind, schedule } });
    expect(set.errors).toBeUndefined();
    return { therapist, client, asTherapist, asClient: await signedIn(t, client) };
  }

  const submit = (http: Http, kind: string, answers: (number | null)[], headers: Record<string, string> = {}) => gql<Submitted>(http, SUBMIT, { input: { kind, answers } }, headers);

  it('a therapist sets a schedule, the client sees it due with the instrument’s own words, keeps a draft, submits, and the therapist reads the score', async () => {
    const { client, asTherapist, asClient } = await scheduled('PHQ9');

    const due = await gql<Due>(asClient, DUE);
    expect(due.data!.dueMeasures).toHaveLength(1);
    const [phq9] = due.data!.dueMeasures;
    expect(phq9!.definition.items).toHaveLength(9);
    expect(phq9!.definition.items[0]!.text).toBe('Little interest or pleasure in doing things');
    expect(phq9!.definition.options.map((option) => option.label)).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
    expect(phq9!.draftAnswers).toEqual(Array(9).fill(null));

    expect((await gql(asClient, SAVE_DRAFT, { input: { kind: 'PHQ9', answers: [1, 2, null] } })).data).toEqual({ saveMeasureDraft: true });
    expect((await gql<Due>(asClient, DUE)).data!.dueMeasures[0]!.draftAnswers).toEqual([1, 2, ...Array(7).fill(null)]);

    const submitted = await submit(asClient, 'PHQ9', [1, 2, 1, 1, 0, 1, 0, 0, 0]);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitMeasure).toMatchObject({ safetyConcern: false, crisisHtml: null, response: { total: 6, answers: [1, 2, 1, 1, 0, 1, 0, 0, 0], band: { code: 'MILD' } } });
    expect(await t.dataSource.getRepository(MeasureDraftEntity).countBy({ clientId: client.id })).toBe(0);
    // Done for this fortnight.
    expect((await gql<Due>(asClient, DUE)).data!.dueMeasures).toEqual([]);

    const read = await gql<{ measureResponses: { edges: { node: { id: string; total: number } }[] } }>(asTherapist, RESPONSES, { clientId: client.id });
    expect(read.data!.measureResponses.edges.map((edge) => edge.node.total)).toEqual([6]);
    const audit = t.dataSource.getRepository(AuditEventEntity);
    expect(await audit.countBy({ action: 'measure.submitted', subjectUserId: client.id })).toBe(1);
    expect(await audit.countBy({ action: 'measure.read', subjectUserId: client.id })).toBe(1);
    expect(await audit.countBy({ action: 'measure.schedule_set', subjectUserId: client.id })).toBe(1);
  });

  it('refuses an answer outside the options, a missing item and a wrong count, keeping nothing and the draft', async () => {
    const { client, asClient } = await scheduled('GAD7');
    await gql(asClient, SAVE_DRAFT, { input: { kind: 'GAD7', answers: [3, 3] } });
    const outside = await submit(asClient, 'GAD7', [0, 0, 0, 0, 0, 0, 4]);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['answers', '6'] }] });
    const missing = await submit(asClient, 'GAD7', [0, 1, null, 0, 0, 0, 0]);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['answers', '2'], message: 'Question 3 still needs an answer.' }] });
    const short = await submit(asClient, 'GAD7', [0, 1, 0]);
    expect(short.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const tooLongDraft = await gql(asClient, SAVE_DRAFT, { input: { kind: 'GAD7', answers: [0, 0, 0, 0, 0, 0, 0, 0] } });
    expect(tooLongDraft.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(await t.dataSource.getRepository(MeasureResponseEntity).countBy({ clientId: client.id })).toBe(0);
    expect((await t.dataSource.getRepository(MeasureDraftEntity).findOneByOrFail({ clientId: client.id, kind: 'GAD7' })).answers).toEqual([3, 3]);
  });

  it('an answer above 0 on PHQ-9 item 9 shows the crisis resources, raises a flag until acknowledged with a note, and emails the therapist nothing clinical', async () => {
    const { therapist, client, asTherapist, asClient } = await scheduled('PHQ9');
    const submitted = await submit(asClient, 'PHQ9', [2, 2, 1, 1, 1, 2, 1, 0, 1]);
    expect(submitted.data!.submitMeasure.safetyConcern).toBe(true);
    expect(submitted.data!.submitMeasure.crisisHtml).toEqual(expect.stringMatching(/\S/));

    const flags = t.dataSource.getRepository(SafetyFlagEntity);
    const flag = await flags.findOneByOrFail({ clientId: client.id });
    expect(flag).toMatchObject({ therapistId: therapist.id, responseId: submitted.data!.submitMeasure.response.id, acknowledgedAt: null });

    await t.app.get(AfterResponse).settled();
    const email = await t.dataSource.getRepository(OutboxEmailEntity).findOneOrFail({ where: { to: therapist.email }, order: { createdAt: 'DESC' } });
    expect(email.text).toContain('/caseload');
    for (const secret of ['PHQ', 'item', 'dead', 'hurting', client.displayName, client.email]) expect(`${email.subject} ${email.text}`).not.toContain(secret);

    const waiting = await gql<{ safetyFlags: { edges: { node: { id: string; client: { displayName: string } } }[] } }>(asTherapist, FLAGS);
    expect(waiting.data!.safetyFlags.edges.map((edge) => edge.node)).toEqual([expect.objectContaining({ id: flag.id, measure: 'PHQ9', client: { displayName: client.displayName } })]);

    // Another therapist neither sees nor acknowledges it.
    const other = await signedIn(t, await newPerson(t.dataSource, 'THERAPIST'));
    expect((await gql<{ safetyFlags: { edges: unknown[] } }>(other, FLAGS)).data!.safetyFlags.edges).toEqual([]);
    expect((await gql(other, ACKNOWLEDGE, { id: flag.id, note: 'Called them.' })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');

    expect((await gql(asTherapist, ACKNOWLEDGE, { id: flag.id, note: ' ' })).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const acknowledged = await gql<{ acknowledgeSafetyFlag: { acknowledgedAt: string; acknowledgementNote: string } }>(asTherapist, ACKNOWLEDGE, {
      id: flag.id,
      note: 'Phoned the same afternoon; safety plan reviewed together.',
    });
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data!.acknowledgeSafetyFlag).toMatchObject({ acknowledgedAt: expect.any(String), measure: 'PHQ9' });
    expect((await gql<{ safetyFlags: { edges: unknown[] } }>(asTherapist, FLAGS)).data!.safetyFlags.edges).toEqual([]);
    expect((await gql<{ safetyFlags: { edges: unknown[] } }>(asTherapist, FLAGS, { all: true })).data!.safetyFlags.edges).toHaveLength(1);
    expect((await gql(asTherapist, ACKNOWLEDGE, { id: flag.id, note: 'Again.' })).errors?.[0]?.extensions.code).toBe('CONFLICT');

    const audit = t.dataSource.getRepository(AuditEventEntity);
    for (const action of ['safety_flag.raised', 'safety_flag.emailed', 'safety_flag.acknowledged']) expect(await audit.countBy({ action, targetId: flag.id })).toBe(1);
    expect(JSON.stringify(await audit.findBy({ targetId: flag.id }))).not.toContain('safety plan');
  });

  it('raises the same flag when the answers come in through the API', async () => {
    const { therapist, client } = await scheduled('PHQ9');
    const token = await newApiToken(t.dataSource, client, ['measures:write', 'measures:read']);
    const submitted = await submit(t.http, 'PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 3], { authorization: `Bearer ${token}` });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitMeasure.safetyConcern).toBe(true);
    expect(await t.dataSource.getRepository(SafetyFlagEntity).countBy({ clientId: client.id, therapistId: therapist.id })).toBe(1);
    // A token without the measures scope is refused before anything runs.
    const narrow = await newApiToken(t.dataSource, client, ['checkins:write']);
    const refused = await submit(t.http, 'PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 0], { authorization: `Bearer ${narrow}` });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_SCOPE' });
    expect(await t.dataSource.getRepository(MeasureResponseEntity).countBy({ clientId: client.id })).toBe(1);
  });

  it('refuses a schedule for a client not in your care, a measure not asked for, admins, and another client’s answers', async () => {
    const { client, asClient } = await scheduled('PHQ9');
    const stranger = await signedIn(t, await newPerson(t.dataSource, 'THERAPIST'));
    const set = await gql(stranger, SET_SCHEDULE, { input: { clientId: client.id, kind: 'GAD7', schedule: 'EVERY_4_WEEKS' } });
    expect(set.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(await t.dataSource.getRepository(MeasureScheduleEntity).countBy({ clientId: client.id, kind: 'GAD7' })).toBe(0);

    const notAsked = await submit(asClient, 'GAD7', [0, 0, 0, 0, 0, 0, 0]);
    expect(notAsked.errors?.[0]?.extensions.code).toBe('CONFLICT');

    await submit(asClient, 'PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const admin = await signedIn(t, await newPerson(t.dataSource, 'ADMIN'));
    expect((await gql(admin, RESPONSES, { clientId: client.id })).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await gql(stranger, RESPONSES, { clientId: client.id })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const otherClient = await signedIn(t, await newPerson(t.dataSource, 'CLIENT'));
    expect((await gql(otherClient, RESPONSES, { clientId: client.id })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect((await gql<{ measureResponses: { edges: unknown[] } }>(otherClient, RESPONSES, {})).data!.measureResponses.edges).toEqual([]);
    expect((await gql(asClient, '{ safetyFlags(first: 5) { edges { node { id } } } }')).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
