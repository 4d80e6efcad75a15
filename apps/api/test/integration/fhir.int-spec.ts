import { randomUUID } from 'node:crypto';
import { scoreMeasure, type MeasureKind } from '@attune/domain';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { MeasureResponseEntity } from '../../src/modules/measures/measure.entity';
import { ReflectionEntity } from '../../src/modules/reflections/reflection.entity';
import { SessionNoteEntity } from '../../src/modules/sessions/session-note.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newApiToken, newPerson, signedIn } from '../auth';
import { newCare, newCheckIn, newSession } from '../factories/clinical.factory';
import { expectValidFhir } from '../fhir-validator';
import { startTestApp, type Http, type TestApp } from '../harness';

const DAY = 86_400_000;

/** Read-only FHIR R4 at /fhir/R4: who may read what, what goes out, and what never does. */
describe('FHIR R4', () => {
  let t: TestApp;
  let therapist: UserEntity;
  let client: UserEntity;
  let otherTherapist: UserEntity;
  let otherClient: UserEntity;
  let earlier: UserEntity;
  let admin: UserEntity;
  /** Words that must never leave in any FHIR answer: the private note above all, and the words of the relationship. */
  const SECRETS = {
    note: `private note ${randomUUID()}`,
    addendumFree: `agenda ${randomUUID()}`,
    cancel: `cancel reason ${randomUUID()}`,
    join: `join at ${randomUUID()}`,
    comment: `check-in comment ${randomUUID()}`,
    reflection: `reflection ${randomUUID()}`,
    safety: `safety acknowledgement ${randomUUID()}`,
  };
  const ids = { phq9: '', gad7: '', earlierPhq9: '', checkIn: '', completed: '', cancelled: '', upcoming: '' };

  async function measure(of: UserEntity, by: UserEntity, kind: MeasureKind, answers: number[], daysAgo: number) {
    const score = scoreMeasure(kind, answers);
    const repo = t.dataSource.getRepository(MeasureResponseEntity);
    const saved = await repo.save(repo.create({ clientId: of.id, therapistId: by.id, kind, answers, total: score.total, band: score.band.code, safetyConcern: score.safetyConcern }));
    // completed_at is set by the database; move it back so the order is known.
    await t.dataSource.query('UPDATE measure_responses SET completed_at = $2 WHERE id = $1', [saved.id, new Date(Date.now() - daysAgo * DAY)]);
    return saved.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const ds = t.dataSource;
    [therapist, client, otherTherapist, otherClient, earlier, admin] = await Promise.all([
      newPerson(ds, 'THERAPIST'),
      newPerson(ds, 'CLIENT', { displayName: 'Robin Fhir' }),
      newPerson(ds, 'THERAPIST'),
      newPerson(ds, 'CLIENT'),
      newPerson(ds, 'THERAPIST'),
      newPerson(ds, 'ADMIN'),
    ]);
    // The client saw `earlier` first (a hand-over), and is in `therapist`'s care now.
    await newCare(ds, earlier, client, { startedAt: new Date(Date.now() - 400 * DAY), endedAt: new Date(Date.now() - 60 * DAY) });
    await newCare(ds, therapist, client, { startedAt: new Date(Date.now() - 59 * DAY) });
    await newCare(ds, otherTherapist, otherClient);

    const earlierSession = await newSession(ds, earlier, client, { hoursFromNow: -90 * 24, status: 'COMPLETED' });
    const completed = await newSession(ds, therapist, client, { hoursFromNow: -7 * 24, status: 'COMPLETED', joinDetails: SECRETS.join });
    const cancelled = await newSession(ds, therapist, client, { hoursFromNow: -3 * 24, status: 'CANCELLED', cancelReason: SECRETS.cancel, cancelledBy: client.id });
    const upcoming = await newSession(ds, therapist, client, { hoursFromNow: 48, agenda: SECRETS.addendumFree, modality: 'IN_PERSON' });
    Object.assign(ids, { completed: completed.id, cancelled: cancelled.id, upcoming: upcoming.id });
    await ds.getRepository(SessionNoteEntity).save({ sessionId: completed.id, authorId: therapist.id, body: `What we worked on: ${SECRETS.note}` });
    await ds.getRepository(SessionNoteEntity).save({ sessionId: earlierSession.id, authorId: earlier.id, body: `Earlier: ${SECRETS.note}` });
    ids.checkIn = (await newCheckIn(ds, completed, { bond: 7, goals: 5, approach: 8, overall: 6, comment: SECRETS.comment })).id;
    await newCheckIn(ds, earlierSession, { comment: SECRETS.comment });
    await ds.getRepository(ReflectionEntity).save({ clientId: client.id, body: SECRETS.reflection, mood: 3, sharedWithId: therapist.id, sharedAt: new Date() });

    ids.earlierPhq9 = await measure(client, earlier, 'PHQ9', [3, 3, 3, 3, 3, 3, 3, 3, 0], 70);
    ids.phq9 = await measure(client, therapist, 'PHQ9', [1, 2, 1, 1, 0, 1, 0, 0, 1], 10);
    ids.gad7 = await measure(client, therapist, 'GAD7', [2, 2, 1, 1, 0, 0, 1], 5);
    await ds.query('INSERT INTO safety_flags (client_id, therapist_id, response_id, acknowledged_at, acknowledged_by_id, acknowledgement_note) VALUES ($1, $2, $3, now(), $2, $4)', [
      client.id,
      therapist.id,
      ids.phq9,
      SECRETS.safety,
    ]);
    await measure(otherClient, otherTherapist, 'GAD7', [0, 0, 0, 0, 0, 0, 0], 1);
  }, 180_000);
  afterAll(() => t.close());

  type Caller = { http: Http; headers: Record<string, string> };
  const bearer = async (user: UserEntity, scopes: string[]): Promise<Caller> => ({ http: t.http, headers: { authorization: `Bearer ${await newApiToken(t.dataSource, user, scopes)}` } });
  const cookie = async (user: UserEntity): Promise<Caller> => ({ http: await signedIn(t, user), headers: {} });
  const anonymous = (): Caller => ({ http: t.http, headers: {} });

  async function get(caller: Caller, path: string) {
    let req = caller.http.get(path);
    for (const [name, value] of Object.entries(caller.headers)) req = req.set(name, value);
    const res = await req;
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const body = JSON.parse(res.text) as Resource;
    // Nothing written inside the relationship, and no private note, in any answer to anyone.
    for (const secret of Object.values(SECRETS)) expect(res.text).not.toContain(secret);
    return { status: res.status, body, headers: res.headers, text: res.text };
  }
  const outcome = (body: Resource) => {
    expect(body.resourceType).toBe('OperationOutcome');
    expectValidFhir(body);
    return (body as OperationOutcome).issue[0]!.code;
  };
  const routes = (clientId: string) => [
    `/fhir/R4/Patient/${clientId}`,
    `/fhir/R4/Patient/${clientId}/$everything`,
    `/fhir/R4/Observation?patient=${clientId}`,
    `/fhir/R4/Observation?patient=Patient/${clientId}&code=http://loinc.org|44261-6`,
    `/fhir/R4/QuestionnaireResponse?patient=${clientId}`,
  ];

  it('answers a public CapabilityStatement at /metadata', async () => {
    const { status, body } = await get(anonymous(), '/fhir/R4/metadata');
    expect(status).toBe(200);
    expect(body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', kind: 'instance' });
    expectValidFhir(body);
  });

  it("exports the client's whole record as a valid Bundle, with LOINC codes and without anything private", async () => {
    const { status, body, headers } = await get(await bearer(therapist, ['fhir:read']), `/fhir/R4/Patient/${client.id}/$everything`);
    expect(status).toBe(200);
    expect(headers['content-disposition']).toMatch(/^attachment; filename="attune-fhir-record-[0-9a-f-]+\.json"$/);
    expectValidFhir(body);
    const bundle = body as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    const byType = (type: string) => bundle.entry!.filter((entry) => entry.resource!.resourceType === type).map((entry) => entry.resource!);
    expect(byType('Patient')).toEqual([{ resourceType: 'Patient', id: client.id, active: true, name: [{ text: 'Robin Fhir' }] }]);
    // Sessions: the whole history's dates and statuses, the earlier therapist's too (as after any hand-over).
    expect(byType('Appointment').map((a) => [a.id, (a as { status: string }).status])).toEqual(
      expect.arrayContaining([
        [ids.completed, 'fulfilled'],
        [ids.cancelled, 'cancelled'],
        [ids.upcoming, 'booked'],
      ]),
    );
    expect(byType('Appointment')).toHaveLength(4);
    expect(byType('Practitioner').map((p) => p.id).sort()).toEqual([therapist.id, earlier.id].sort());
    // Measures and check-ins given in this therapist's care only: the earlier therapist's PHQ-9 stays with that relationship.
    const responses = byType('QuestionnaireResponse').map((r) => r.id);
    expect(responses.sort()).toEqual([ids.phq9, ids.gad7, ids.checkIn].sort());
    expect(responses).not.toContain(ids.earlierPhq9);
    const observations = byType('Observation') as { id: string; code: { coding: { code: string }[] }; valueInteger: number }[];
    expect(observations.map((o) => [o.id, o.code.coding[0]!.code, o.valueInteger]).sort()).toEqual(
      [
        [ids.phq9, '44261-6', 7],
        [ids.gad7, '70274-6', 7],
      ].sort(),
    );
    expect(byType('Questionnaire').map((q) => q.id).sort()).toEqual(['alliance-check-in', 'gad-7', 'phq-9']);
    expect(bundle.total).toBe(1 + 4 + 2 * 2 + 1);

    const audit = await t.dataSource.getRepository(AuditEventEntity).findBy({ actorId: therapist.id, subjectUserId: client.id });
    const actions = audit.filter((row) => row.metadata?.via === 'fhir').map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['client.fhir_exported', 'client.read', 'session.read', 'measure.read', 'check_in.read']));
    expect(actions.filter((action) => action === 'measure.read')).toHaveLength(2);
    // One statement for the whole export: every row shares the request id.
    expect(new Set(audit.filter((row) => row.metadata?.via === 'fhir').map((row) => row.requestId)).size).toBe(1);
  });

  it('answers every route for the client’s therapist (token with fhir:read, or signed in), each resource valid', async () => {
    for (const caller of [await bearer(therapist, ['fhir:read']), await cookie(therapist)]) {
      for (const path of routes(client.id)) {
        const { status, body } = await get(caller, path);
        expect([path, status]).toEqual([path, 200]);
        expectValidFhir(body);
      }
    }
    const { body } = await get(await bearer(therapist, ['fhir:read']), `/fhir/R4/Observation?patient=Patient/${client.id}&code=http://loinc.org|44261-6`);
    expect((body as Bundle).entry!.map((entry) => entry.resource!.id)).toEqual([ids.phq9]);
  });

  it('refuses everyone else on every route: another therapist, clients, admins, anonymous, a token without fhir:read', async () => {
    const cases: [string, Caller, number, string][] = [
      ['another therapist (token)', await bearer(otherTherapist, ['fhir:read']), 404, 'not-found'],
      ['another therapist (signed in)', await cookie(otherTherapist), 404, 'not-found'],
      ['the earlier therapist', await bearer(earlier, ['fhir:read']), 404, 'not-found'],
      ['another client', await bearer(otherClient, ['fhir:read']), 403, 'forbidden'],
      ['the client', await bearer(client, ['fhir:read']), 403, 'forbidden'],
      ['an admin (token)', await bearer(admin, ['fhir:read']), 403, 'forbidden'],
      ['an admin (signed in)', await cookie(admin), 403, 'forbidden'],
      ['anonymous', anonymous(), 401, 'login'],
      ['a revoked or mistyped token', { http: t.http, headers: { authorization: 'Bearer atn_not-a-token' } }, 401, 'login'],
      ["the therapist's token without fhir:read", await bearer(therapist, ['caseload:read', 'measures:read', 'sessions:read', 'checkins:read']), 403, 'forbidden'],
    ];
    for (const [who, caller, expectedStatus, code] of cases) {
      for (const path of routes(client.id)) {
        const { status, body } = await get(caller, path);
        expect([who, path, status, outcome(body)]).toEqual([who, path, expectedStatus, code]);
      }
    }
    const refusals = await t.dataSource.getRepository(AuditEventEntity).countBy({ action: 'access.refused', actorId: otherTherapist.id, targetId: client.id });
    expect(refusals).toBe(2 * routes(client.id).length);
  });

  it('answers a client that does not exist as one the therapist may not see', async () => {
    const caller = await bearer(therapist, ['fhir:read']);
    for (const path of [...routes(randomUUID()), '/fhir/R4/Patient/not-an-id', `/fhir/R4/Patient/${therapist.id}`]) {
      const { status, body } = await get(caller, path);
      expect([path, status, outcome(body)]).toEqual([path, 404, 'not-found']);
    }
    expect((await get(caller, '/fhir/R4/Condition?patient=x')).status).toBe(404);
  });

  it('refuses unsupported search parameters with an OperationOutcome and records nothing', async () => {
    const caller = await bearer(therapist, ['fhir:read']);
    const audited = () => t.dataSource.getRepository(AuditEventEntity).countBy({ actorId: therapist.id });
    const before = await audited();
    const cases: [string, number, string][] = [
      [`/fhir/R4/Observation?patient=${client.id}&date=ge2026-01-01`, 400, 'not-supported'],
      [`/fhir/R4/Observation?patient=${client.id}&code=8867-4`, 400, 'not-supported'],
      [`/fhir/R4/Observation?patient:missing=false`, 400, 'not-supported'],
      [`/fhir/R4/QuestionnaireResponse?patient=${client.id}&_sort=-authored`, 400, 'not-supported'],
      [`/fhir/R4/QuestionnaireResponse?patient=${client.id}&patient=${otherClient.id}`, 400, 'not-supported'],
      [`/fhir/R4/Patient/${client.id}?_elements=name`, 400, 'not-supported'],
      [`/fhir/R4/Patient/${client.id}/$everything?_since=2026-01-01`, 400, 'not-supported'],
      [`/fhir/R4/Observation?code=44261-6`, 400, 'required'],
      [`/fhir/R4/Observation?patient=${client.id}&_count=1000`, 400, 'invalid'],
      [`/fhir/R4/Observation?patient=${client.id}&_cursor=forged`, 400, 'invalid'],
    ];
    for (const [path, expectedStatus, code] of cases) {
      const { status, body } = await get(caller, path);
      expect([path, status, outcome(body)]).toEqual([path, expectedStatus, code]);
    }
    expect(await audited()).toBe(before);
  });

  it('pages searches with _count and next links, measures and check-ins in one order', async () => {
    const caller = await bearer(therapist, ['fhir:read']);
    const pages = async (first: string) => {
      const seen: string[] = [];
      let next: string | undefined = first;
      while (next) {
        const { status, body } = await get(caller, next.replace(/^https?:\/\/[^/]+/, ''));
        expect(status).toBe(200);
        expectValidFhir(body);
        const bundle = body as Bundle;
        expect(bundle.entry!.length).toBeLessThanOrEqual(2);
        seen.push(...bundle.entry!.map((entry) => entry.resource!.id!));
        next = bundle.link!.find((link) => link.relation === 'next')?.url;
      }
      return seen;
    };
    expect(await pages(`/fhir/R4/Observation?patient=${client.id}&_count=1`)).toEqual([ids.gad7, ids.phq9]);
    // The next link keeps the search's own parameters: the code filter holds on every page.
    expect(await pages(`/fhir/R4/Observation?patient=${client.id}&code=44261-6,http://loinc.org|70274-6&_count=1`)).toEqual([ids.gad7, ids.phq9]);
    expect(await pages(`/fhir/R4/Observation?patient=${client.id}&code=http://loinc.org|70274-6&_count=1`)).toEqual([ids.gad7]);
    // Newest first across both tables: the check-in (just made), the GAD-7 (5 days ago), the PHQ-9 (10 days ago).
    expect(await pages(`/fhir/R4/QuestionnaireResponse?patient=${client.id}&_count=2`)).toEqual([ids.checkIn, ids.gad7, ids.phq9]);
  });
});
