import { checkPage } from '../../fixtures/a11y';
import { expect, test } from '../../fixtures/people';
import { signInAs } from '../../fixtures/staff-sign-in';
import { SignInPage } from '../../pages/SignInPage';

test('an admin deactivates someone after a confirmation, who then cannot sign in, and reactivates them', async ({ page, browser, newClient }) => {
  const person = await newClient('deactivate');
  const theirs = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(theirs);
  await signIn.open();
  await signIn.submitPassword(person.email, 'not the password at all');
  const wrongPassword = (await signIn.problem().first().textContent())?.trim();

  await signInAs(page, 'admin@attune.test');
  await page.goto('/admin/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await page.getByLabel('Search by name or email').fill(person.email);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: person.email });
  await expect(row).toContainText('Can sign in');
  await row.getByRole('button', { name: `Deactivate ${person.displayName}` }).click();
  await expect(row).toContainText(`Deactivate ${person.displayName}? They will be signed out everywhere at once, their API tokens will stop working`);
  await checkPage(page, 'identity-people-confirm');
  await row.getByRole('button', { name: `Yes, deactivate ${person.displayName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${person.displayName} is deactivated and has been signed out everywhere.` })).toBeVisible();
  await expect(row).toContainText('Deactivated: cannot sign in');

  // Refused at the password step, in the same words as a wrong password.
  await signIn.open();
  await signIn.submitPassword(person.email, person.password);
  await expect(signIn.problem().first()).toHaveText(wrongPassword!);

  await row.getByRole('button', { name: `Reactivate ${person.displayName}` }).click();
  await row.getByRole('button', { name: `Yes, reactivate ${person.displayName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${person.displayName} can sign in again with their password.` })).toBeVisible();
  await signIn.open();
  await signIn.submitPassword(person.email, person.password);
  await expect(theirs).toHaveURL(/\/home$/);
});
