import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { ask, signInAs } from '../../fixtures/clinical-sign-in';
import { ClientRecordPage } from '../../pages/ClientRecordPage';

type Sessions = { sessions: { edges: { node: { id: string; status: string; note: { body: string } | null } }[] } };

test("a therapist downloads a client's FHIR record from the client page, without their private notes", async ({ page }) => {
  await signInAs(page, 'therapist@attune.test');
  const { caseload } = await ask<{ caseload: { edges: { node: { client: { id: string } } }[] } }>(page, '{ caseload(search: "Riley Chen") { edges { node { client { id } } } } }');
  const rileyId = caseload.edges[0]!.node.client.id;
  // A private note with words found nowhere else, written as the therapist writes one: it must not leave in the download.
  const phrase = `fhir-export-note-${Date.now()}`;
  const { sessions } = await ask<Sessions>(page, 'query ($id: ID!) { sessions(clientId: $id, first: 100) { edges { node { id status note { body } } } } }', { id: rileyId });
  const held = sessions.edges.find((edge) => edge.node.status === 'COMPLETED' && !edge.node.note)!.node;
  await ask(page, 'mutation ($id: ID!, $body: String!) { writeSessionNote(sessionId: $id, body: $body) { id } }', { id: held.id, body: `We talked about ${phrase}.` });
  const notes = [phrase, ...sessions.edges.flatMap((edge) => (edge.node.note ? [edge.node.note.body] : []))];

  const record = new ClientRecordPage(page);
  await record.open(rileyId);
  const link = page.getByRole('link', { name: 'Download FHIR record (for other health systems)' });
  await expect(link).toBeVisible();
  await checkPage(page, 'clinical-client-record-fhir-link');

  const downloading = page.waitForEvent('download');
  await link.click();
  const download = await downloading;
  // The server names the file (Content-Disposition), so a program saving it gets the same name.
  expect(download.suggestedFilename()).toBe(`attune-fhir-record-${rileyId}.json`);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const bundle = JSON.parse(text) as { resourceType: string; type: string; entry: { resource: { resourceType: string; id: string; name?: { text: string }[] } }[] };
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('searchset');
  const patient = bundle.entry.find((entry) => entry.resource.resourceType === 'Patient')!.resource;
  expect(patient).toMatchObject({ id: rileyId, name: [{ text: 'Riley Chen' }] });
  expect(bundle.entry.some((entry) => entry.resource.resourceType === 'Appointment')).toBe(true);
  for (const note of notes) expect(text).not.toContain(note);
});
