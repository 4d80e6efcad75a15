import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { ask, signInAs } from '../../fixtures/clinical-sign-in';
import { ClientHomePage } from '../../pages/ClientHomePage';
import { ReflectionsPage } from '../../pages/ReflectionsPage';

test.describe.configure({ timeout: 90_000 });

test('a reflection being written survives a failed save and a reload, and reaches the server once it can', async ({ page }) => {
  await signInAs(page, 'client2@attune.test');
  const reflections = new ReflectionsPage(page);
  await reflections.open();
  await reflections.body().fill('Started writing this on the bus.');
  await expect(reflections.draftStatus()).toHaveText('Draft saved a moment ago.');

  // The connection drops: saving fails, the words stay, and the page says so.
  const dropDraftSaves = (route: import('@playwright/test').Route) =>
    route.request().postData()?.includes('SaveReflectionDraft') ? route.abort('internetdisconnected') : route.continue();
  await page.route('**/graphql', dropDraftSaves);
  const longer = 'Started writing this on the bus. Then the signal went in the tunnel, and I kept writing anyway.';
  await reflections.body().fill(longer);
  await expect(reflections.draftStatus()).toHaveText("Couldn't save just now — your words are kept on this device.");
  await checkPage(page, 'clinical-client-reflection-draft-unsaved');

  // A reload (the server still has the older draft) brings back what was typed on this device.
  await page.reload();
  await expect(reflections.body()).toHaveValue(longer);

  // Once saving works again the device copy is sent; the server then holds it too.
  // The browser says it is back online (the page would otherwise retry on its own ten-second timer).
  await page.unroute('**/graphql', dropDraftSaves);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(reflections.draftStatus()).toHaveText('Draft saved a moment ago.');
  const { reflectionDraft } = await ask<{ reflectionDraft: { body: string } }>(page, '{ reflectionDraft { body } }');
  expect(reflectionDraft.body).toBe(longer);

  // Sharing while writing is a choice said in words; saving clears the draft.
  const form = reflections.writeForm();
  await form.getByRole('checkbox', { name: 'Share with Dr. Priya Raman' }).check();
  await expect(form.getByText('Shared with Dr. Priya Raman, your therapist.')).toBeVisible();
  await form.getByRole('radio', { name: 'Low', exact: true }).check();
  await form.getByRole('button', { name: 'Save reflection' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Your reflection is saved and shared with Dr. Priya Raman.' })).toBeVisible();
  await expect(form.getByText('Only you can see this.')).toBeVisible();
  const saved = reflections.reflection('Then the signal went in the tunnel');
  await expect(saved.getByText('Shared with Dr. Priya Raman, your therapist.')).toBeVisible();
  await expect(saved.getByText('Feeling: low')).toBeVisible();
  await saved.getByRole('button', { name: /^Stop sharing/ }).click();
  await expect(saved.getByRole('status')).toHaveText('You stopped sharing this reflection. Only you can see it now.');
  await expect(saved.getByText('Only you can see this.')).toBeVisible();

  await page.reload();
  await expect(reflections.body()).toHaveValue('');
  expect((await ask<{ reflectionDraft: unknown }>(page, '{ reflectionDraft { body } }')).reflectionDraft).toBeNull();
});

test('earlier reflections come ten at a time, and a new one shows first without losing the way to the rest', async ({ page }) => {
  // Set-up: eleven reflections of Marcus Bell's own, newer than anything seeded.
  await signInAs(page, 'client7@attune.test');
  for (let n = 1; n <= 11; n += 1) {
    await ask(page, 'mutation ($input: WriteReflectionInput!) { writeReflection(input: $input) { id } }', { input: { body: `Week ${n}: a note to myself.` } });
  }
  const reflections = new ReflectionsPage(page);
  await reflections.open();
  const mine = reflections.reflection('a note to myself.');
  await expect(mine).toHaveCount(10);
  await expect(mine.first()).toContainText('Week 11:');

  await page.getByRole('button', { name: 'Show earlier reflections' }).click();
  await expect(mine).toHaveCount(11);
  await expect(mine.last()).toContainText('Week 1:');

  const form = reflections.writeForm();
  await reflections.body().fill('Week 12: a note to myself.');
  await form.getByRole('button', { name: 'Save reflection' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Your reflection is saved. Only you can see it.' })).toBeVisible();
  await expect(mine.first()).toContainText('Week 12:');
  await expect(mine.filter({ hasText: 'Week 12:' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Show earlier reflections' }).click();
  await expect(mine).toHaveCount(12);
});

test('a client notes what they would like to talk about in their next session', async ({ page }) => {
  await signInAs(page, 'client2@attune.test');
  const home = new ClientHomePage(page);
  await home.open();
  const next = home.nextSession();
  await expect(next).toContainText('How to join: Video link is sent by email an hour before.');
  await next.getByLabel('What would you like to talk about?').fill('How the last session ended. I felt rushed.');
  await next.getByRole('button', { name: 'Save what I would like to talk about' }).click();
  await expect(next.getByRole('status')).toHaveText('Saved. Dr. Priya Raman can read this before your session.');
  await home.open();
  await expect(home.nextSession().getByLabel('What would you like to talk about?')).toHaveValue('How the last session ended. I felt rushed.');
  await expect(home.section('Something to practise')).toContainText('Nothing for now.');
  await checkPage(page, 'clinical-client-home-riley');

  // The upcoming sessions as a calendar file, discreet in case others see the calendar.
  const downloading = page.waitForEvent('download');
  await home.nextSession().getByRole('link', { name: 'Add your upcoming sessions to your calendar' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('attune-sessions.ics');
  const calendar = fs.readFileSync(await download.path(), 'utf8');
  expect(calendar).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  expect(calendar).toMatch(/\r\nDTSTART:\d{8}T100000Z\r\nDTEND:\d{8}T105000Z\r\nSUMMARY:Attune session\r\n/);
  // The description opens with the time in words, in this browser's zone (the client chose none), then how to join.
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  expect(calendar).toContain(`X-WR-TIMEZONE:${zone}\r\n`);
  expect(calendar.replace(/\r\n /g, '')).toMatch(/\r\nDESCRIPTION:[^\r\n]+ \([^\r\n]+\)\\nVideo call\\nVideo link is sent by email an hour before\.\r\n/);
  expect(calendar).not.toContain('Priya');
  expect(calendar).not.toMatch(/therap/i);
});
