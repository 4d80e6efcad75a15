import type { APIRequestContext } from '@playwright/test';
import { gqlOk, signInAs } from '../../fixtures/graphql';
import { expect, test } from '../../fixtures/people';

const MEMBER = 'query($q: String!) { practiceMembers(search: $q, first: 1) { edges { node { id } } } }';
const loadSdk = () => import('@attune/sdk');

async function tokenWith(request: APIRequestContext, scopes: string[]) {
  const { createApiToken } = await gqlOk<{ createApiToken: { token: string } }>(
    request,
    'mutation($scopes: [String!]!) { createApiToken(input: { name: "sdk measures", scopes: $scopes, expiresInDays: 1 }) { token } }',
    { scopes },
  );
  return createApiToken.token;
}

/**
 * Measures through the published SDK with the scopes its README names, on a client and therapist made for
 * this test (the demo client's measures belong to the portal's specs): the therapist asks for a PHQ-9, the
 * client keeps a draft, then answers question 9 above "Not at all" and is given the crisis resources at once;
 * the therapist finds the safety flag and says what they did.
 */
test('measures through the SDK: schedule, draft, an answer that signals risk, the flag acknowledged', async ({ admin, newClient, newStaff, baseURL, playwright }) => {
  test.slow();
  const { createAttuneClient, AttuneApiError } = await loadSdk();
  const url = `${baseURL}/graphql`;
  const client = await newClient('sdk-measures');
  const therapist = await newStaff('sdk-measures-therapist', 'THERAPIST');
  const idOf = async (q: string) => (await gqlOk<{ practiceMembers: { edges: { node: { id: string } }[] } }>(admin, MEMBER, { q })).practiceMembers.edges[0]!.node.id;
  const clientId = await idOf(client.email);
  await gqlOk(admin, 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }', { c: clientId, t: await idOf(therapist.email) });

  const therapistContext = await playwright.request.newContext({ baseURL });
  await signInAs(therapistContext, therapist.email, therapist.password, therapist.secret);
  const clinician = createAttuneClient({ url, token: await tokenWith(therapistContext, ['measures:read', 'measures:write']) });
  const clientContext = await playwright.request.newContext({ baseURL });
  await signInAs(clientContext, client.email, client.password);
  const person = createAttuneClient({ url, token: await tokenWith(clientContext, ['measures:read', 'measures:write']) });
  const readOnly = createAttuneClient({ url, token: await tokenWith(clientContext, ['measures:read']) });

  const definitions = await person.measureDefinitions();
  const phq9 = definitions.find((definition) => definition.kind === 'PHQ9')!;
  expect(phq9.items).toHaveLength(9);
  expect(phq9.options.map((option) => option.score)).toEqual([0, 1, 2, 3]);

  expect(await person.dueMeasures()).toEqual([]);
  const schedule = await clinician.setMeasureSchedule({ clientId, kind: 'PHQ9', schedule: 'EVERY_2_WEEKS' });
  expect(schedule).toMatchObject({ clientId, kind: 'PHQ9', schedule: 'EVERY_2_WEEKS' });
  expect(await clinician.measureSchedules(clientId)).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'PHQ9', schedule: 'EVERY_2_WEEKS' })]));

  // A write without measures:write is refused with the documented scope error, and nothing is kept.
  const refused = await readOnly.saveMeasureDraft({ kind: 'PHQ9', answers: [1] }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(AttuneApiError);
  expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'MISSING_SCOPE' });
  const nothingYet = Array<null>(9).fill(null);
  expect((await person.dueMeasures())[0]).toMatchObject({ kind: 'PHQ9', draftAnswers: nothingYet });

  expect(await person.saveMeasureDraft({ kind: 'PHQ9', answers: [1, 2, null] })).toBe(true);
  expect((await person.dueMeasures())[0]).toMatchObject({ kind: 'PHQ9', draftAnswers: [1, 2, ...nothingYet.slice(2)] });

  // A missing answer is refused with the item named; nothing is kept and the measure is still due.
  const incomplete = await person.submitMeasure({ kind: 'PHQ9', answers: [1, 2, 1, 0, 1, 0, 1, 0] }).catch((error: unknown) => error);
  expect(incomplete).toMatchObject({ code: 'BAD_USER_INPUT' });
  expect(await person.dueMeasures()).toHaveLength(1);

  const submitted = await person.submitMeasure({ kind: 'PHQ9', answers: [1, 2, 1, 0, 1, 0, 1, 0, 1] });
  expect(submitted.safetyConcern).toBe(true);
  expect(submitted.crisisHtml).toBeTruthy();
  expect(submitted.response).toMatchObject({ kind: 'PHQ9', total: 7, band: { min: 5, max: 9 } });
  expect(await person.dueMeasures()).toEqual([]);

  const responses = [];
  for await (const response of clinician.measureResponses.all({ clientId, first: 1 })) responses.push(response);
  expect(responses.map((response) => response.id)).toEqual([submitted.response.id]);

  const [flag] = (await clinician.safetyFlags.page()).edges.map((edge) => edge.node);
  expect(flag).toMatchObject({ clientId, responseId: submitted.response.id, acknowledgedAt: null });
  const acknowledged = await clinician.acknowledgeSafetyFlag(flag!.id, 'Called them the same afternoon; they are safe and we meet on Thursday.');
  expect(acknowledged.acknowledgedAt).not.toBeNull();
  expect((await clinician.safetyFlags.page()).edges).toEqual([]);

  await Promise.all([therapistContext.dispose(), clientContext.dispose()]);
});
