import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { signInAs } from '../../fixtures/staff-sign-in';

test('a therapist sends a published article with a note, and the client finds it in their portal', async ({ page, browser }) => {
  await signInAs(page, 'therapist@attune.test');
  await page.goto('/send-article');
  await expect(page.getByRole('heading', { level: 1, name: 'Send an article to a client' })).toBeVisible();
  await page.getByLabel('Article', { exact: true }).selectOption({ label: 'When therapy feels stuck' });
  await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Riley Chen' });
  // Only clients in the therapist's care are offered.
  await expect(page.getByLabel('Client', { exact: true }).getByRole('option', { name: 'Morgan Diaz' })).toHaveCount(0);
  await page.getByLabel('Your note (optional)').fill('This made me think of what you said about feeling stuck at work.');
  await checkPage(page, 'therapist-send-article');
  await page.getByRole('button', { name: 'Send to client' }).click();
  await expect(page.getByRole('status')).toContainText('Sent “When therapy feels stuck” to Riley Chen');

  const clientContext = await browser.newContext();
  const clientPage = await clientContext.newPage();
  await signInAs(clientPage, 'client2@attune.test');
  await clientPage.goto('/shared-articles');
  const shared = clientPage.getByRole('article', { name: 'When therapy feels stuck' });
  await expect(shared).toContainText('From Dr. Priya Raman');
  await expect(shared.getByRole('blockquote')).toHaveText('This made me think of what you said about feeling stuck at work.');
  await checkPage(clientPage, 'client-shared-articles');
  await shared.getByRole('link', { name: 'When therapy feels stuck' }).click();
  await expect(clientPage.getByRole('heading', { level: 1, name: 'When therapy feels stuck' })).toBeVisible();
  await clientContext.close();
});

test('a therapist writes their public profile in their own words', async ({ page }) => {
  await signInAs(page, 'therapist@attune.test');
  await page.goto('/my-public-profile');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dr. Priya Raman');
  await page.getByLabel('I am accepting new clients').check();
  await checkPage(page, 'therapist-public-profile');
  await page.getByRole('button', { name: 'Save my profile' }).click();
  await expect(page.getByRole('status')).toContainText('Your profile is in the public directory');
  await page.goto('/therapists?accepting=yes');
  await expect(page.getByRole('link', { name: 'Dr. Priya Raman' })).toBeVisible();
});
