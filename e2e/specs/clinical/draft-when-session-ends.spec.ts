import type { Page } from '@playwright/test';
import { gqlOk, signInAs } from '../../fixtures/graphql';
import { expect, test } from '../../fixtures/people';
import { ReflectionsPage } from '../../pages/ReflectionsPage';
import { SignInPage } from '../../pages/SignInPage';

/** The reflection drafts this browser keeps on the device (local storage). */
const draftsOnDevice = (page: Page) =>
  page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('attune.reflection-draft.')));

test('a draft kept on the device is forgotten when the session ends without signing out', async ({ page, newClient, playwright, baseURL }) => {
  const person = await newClient('draft-expiry');
  await signInAs(page.request, person.email, person.password);
  const reflections = new ReflectionsPage(page);
  await reflections.open();
  await reflections.body().fill('Something I want to hold on to until Thursday.');
  await expect(reflections.draftStatus()).toHaveText('Draft saved a moment ago.');
  expect(await draftsOnDevice(page)).toHaveLength(1);

  // The session ends elsewhere (as a timeout would); the next save learns it, and the device copy goes.
  const endElsewhere = async () => {
    const phone = await playwright.request.newContext({ baseURL });
    await signInAs(phone, person.email, person.password);
    await gqlOk(phone, 'mutation { endOtherSessions }');
    await phone.dispose();
  };
  await endElsewhere();
  await reflections.body().fill('Something I want to hold on to until Thursday. And one more thing.');
  await expect(new SignInPage(page).heading()).toBeVisible();
  await expect.poll(() => draftsOnDevice(page)).toEqual([]);

  // Nothing is lost: the server kept what it had saved, and it comes back after signing in again.
  await signInAs(page.request, person.email, person.password);
  await reflections.open();
  await expect(reflections.body()).toHaveValue('Something I want to hold on to until Thursday.');
  await reflections.body().fill('Something I want to hold on to until Thursday, written again.');
  await expect(reflections.draftStatus()).toHaveText('Draft saved a moment ago.');
  expect(await draftsOnDevice(page)).toHaveLength(1);

  // A session that ended while the page was closed: the next load finds nobody signed in and forgets the draft.
  await endElsewhere();
  await page.reload();
  await expect(new SignInPage(page).heading()).toBeVisible();
  await expect.poll(() => draftsOnDevice(page)).toEqual([]);
});
