import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { signInAs } from '../../fixtures/clinical-sign-in';
import { CaseloadPage } from '../../pages/CaseloadPage';

// The demo therapist cares for fourteen clients; the caseload shows ten at a time.
test('the caseload comes ten at a time by keyboard, and a search narrows it and is kept in the address', async ({ page }) => {
  await signInAs(page, 'therapist@attune.test');
  const caseload = new CaseloadPage(page);
  await caseload.open();
  const clientRows = page.getByRole('row').filter({ has: page.getByRole('rowheader') });
  await expect(clientRows).toHaveCount(10);

  const more = page.getByRole('button', { name: 'Show more clients' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(clientRows).toHaveCount(14);
  // The last page has come: nothing more to show.
  await expect(more).toHaveCount(0);
  await checkPage(page, 'caseload-all-clients');

  await caseload.search('  Riley  ');
  await expect(page).toHaveURL(/[?&]search=Riley(&|$)/);
  await expect(clientRows).toHaveCount(1);
  await expect(caseload.row('Riley Chen')).toBeVisible();
  await expect(more).toHaveCount(0);

  // A reload keeps the search, and the box says what the list is showing.
  await page.reload();
  await expect(page.getByLabel('Search by name or email')).toHaveValue('Riley');
  await expect(clientRows).toHaveCount(1);

  // Searching for nothing shows everyone again.
  await caseload.search('');
  await expect(page).not.toHaveURL(/search=/);
  await expect(clientRows).toHaveCount(10);
});
