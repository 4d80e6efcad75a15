import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { signInAs } from '../../fixtures/clinical-sign-in';
import { AdminCarePage } from '../../pages/AdminCarePage';
import { CaseloadPage } from '../../pages/CaseloadPage';

test.describe.configure({ timeout: 120_000 });

test("a therapist cannot open another therapist's client, and a client cannot open the caseload", async ({ page }) => {
  const morganId = await signInAs(page, 'client3@attune.test');
  await page.goto('/caseload');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("This page isn't part of your account");
  await checkPage(page, 'clinical-client-caseload-refused');

  await signInAs(page, 'therapist@attune.test');
  await page.goto(`/clients/${morganId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("We couldn't find that client");
  await expect(page.getByText('They may not be in your care, or the link may be incomplete.')).toBeVisible();
  await expect(page.getByText('Morgan Diaz')).toHaveCount(0);
  await expect(page).toHaveTitle('Client not found · Attune');
  await checkPage(page, 'clinical-therapist-client-not-found');
});

test('an admin hands a client over to another therapist and ends another care relationship', async ({ page }) => {
  await signInAs(page, 'admin@attune.test');
  const care = new AdminCarePage(page);
  await care.open();
  await checkPage(page, 'clinical-admin-care');

  await care.open('Tomás Silva');
  const tomas = care.row('Tomás Silva');
  await expect(tomas.getByRole('cell').first()).toHaveText('Dr. Priya Raman');
  await tomas.getByRole('button', { name: 'Hand over Tomás Silva' }).click();
  await expect(tomas.getByLabel('Hand over Tomás Silva to')).toHaveAccessibleDescription('Please choose the therapist to hand over to.');
  await expect(tomas.getByLabel('Hand over Tomás Silva to')).toBeFocused();
  await tomas.getByLabel('Hand over Tomás Silva to').selectOption({ label: 'Sam Okafor' });
  await tomas.getByRole('button', { name: 'Hand over Tomás Silva' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Tomás Silva is now in Sam Okafor's care. Their care with Dr. Priya Raman has ended." })).toBeVisible();
  await expect(tomas.getByRole('cell').first()).toHaveText('Sam Okafor');

  await care.open('Ben Carter');
  const ben = care.row('Ben Carter');
  await ben.getByRole('button', { name: 'End care for Ben Carter' }).click();
  await expect(ben).toContainText('End Ben Carter\'s care with Dr. Priya Raman? Dr. Priya Raman will no longer see their record.');
  await ben.getByRole('button', { name: 'Yes, end care for Ben Carter' }).click();
  await expect(page.getByRole('status').filter({ hasText: "Ben Carter's care with Dr. Priya Raman has ended." })).toBeVisible();
  await expect(ben.getByRole('cell').first()).toHaveText('Needs a therapist');
  await expect(ben.getByLabel('Assign Ben Carter to')).toHaveValue('');

  // The new therapist finds the client in their caseload.
  await signInAs(page, 'therapist2@attune.test');
  const caseload = new CaseloadPage(page);
  await caseload.open();
  await expect(caseload.row('Tomás Silva')).toBeVisible();
  await expect(caseload.row('Morgan Diaz')).toBeVisible();
});
