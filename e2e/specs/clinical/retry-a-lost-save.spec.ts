import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ask, signInAs } from '../../fixtures/clinical-sign-in';
import { ReflectionsPage } from '../../pages/ReflectionsPage';

test('a reflection whose answer is lost on the way back is saved once: the portal retries with the same key', async ({ page }) => {
  await signInAs(page, 'client3@attune.test');
  const reflections = new ReflectionsPage(page);
  await reflections.open();

  const keysSent: string[] = [];
  let answersToLose = 1;
  // The save reaches the server and is done there; the connection drops before its answer arrives.
  await page.route('**/graphql', async (route) => {
    const request = route.request();
    if ((request.postDataJSON() as { operationName?: string } | null)?.operationName !== 'WriteReflection') return route.continue();
    keysSent.push(request.headers()['idempotency-key'] ?? '');
    if (answersToLose-- > 0) {
      await route.fetch();
      return route.abort('connectionreset');
    }
    return route.continue();
  });

  const words = `Wrote this on the train, then the signal went (${randomUUID()}).`;
  await reflections.body().fill(words);
  const form = reflections.writeForm();
  await form.getByRole('button', { name: 'Save reflection' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Your reflection is saved. Only you can see it.' })).toBeVisible();

  expect(keysSent).toHaveLength(2);
  expect(keysSent[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(keysSent[1]).toBe(keysSent[0]);
  const { reflections: mine } = await ask<{ reflections: { edges: { node: { body: string } }[] } }>(page, '{ reflections(first: 100) { edges { node { body } } } }');
  expect(mine.edges.filter((edge) => edge.node.body === words)).toHaveLength(1);
});
