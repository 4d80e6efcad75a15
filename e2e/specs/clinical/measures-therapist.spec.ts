import path from 'node:path';
import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { ask, signInAs } from '../../fixtures/clinical-sign-in';
import { CaseloadPage } from '../../pages/CaseloadPage';
import { ClientRecordPage } from '../../pages/ClientRecordPage';
import { MeasurePage } from '../../pages/MeasurePage';

// Two people, three pages, axe on each: longer than one page's budget.
test.describe.configure({ timeout: 120_000 });

const SUBMIT = 'mutation ($input: MeasureAnswersInput!) { submitMeasure(input: $input) { safetyConcern response { total } } }';

test('a therapist asks for the PHQ-9, the client fills it in by keyboard, the therapist sees the totals over time, and acknowledges an answer that needs them', async ({ page }) => {
  // Avery Brooks: a long, steady relationship in the demo practice, asked for nothing yet.
  await signInAs(page, 'therapist@attune.test');
  const { caseload } = await ask<{ caseload: { edges: { node: { client: { id: string } } }[] } }>(page, '{ caseload(search: "Avery Brooks") { edges { node { client { id } } } } }');
  const averyId = caseload.edges[0]!.node.client.id;

  const record = new ClientRecordPage(page);
  await record.open(averyId);
  const measures = record.section('Measures');
  await expect(measures).toContainText('Avery Brooks has not filled in a measure in your care yet.');
  const phq9 = measures.getByLabel('How often to ask for the PHQ-9');
  await expect(phq9).toHaveValue('OFF');
  await expect(measures.getByLabel('How often to ask for the GAD-7')).toHaveValue('OFF');

  // By keyboard: into the select, down to "Every 2 weeks", on to the button, and save.
  await phq9.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(phq9).toHaveValue('EVERY_2_WEEKS');
  await page.keyboard.press('Tab');
  await expect(measures.getByRole('button', { name: 'Save the PHQ-9 schedule' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(measures.getByRole('status').filter({ hasText: 'Saved. Avery Brooks will be asked to fill in the PHQ-9 every 2 weeks.' })).toBeVisible();
  await checkPage(page, 'clinical-therapist-measures-schedule');

  // Avery fills it in: first in the portal by keyboard alone (a mild fortnight), then a
  // harder one through the API, with an answer above "Not at all" on question 9.
  await signInAs(page, 'client4@attune.test');
  await page.goto('/measures/phq-9');
  const form = new MeasurePage(page);
  await expect(form.heading()).toHaveText('PHQ-9');
  await form.tabUntil(() => form.focusIsIn(1));
  for (const number of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
    if (number > 1) await page.keyboard.press('Tab');
    expect(await form.focusIsIn(number)).toBe(true);
    // In a group with nothing chosen, Space chooses the first answer ("Not at all"), an arrow the next ("Several days").
    await page.keyboard.press(number <= 5 ? 'ArrowDown' : 'Space');
  }
  await expect(form.progress()).toHaveText('9 of 9 answered');
  await form.tabUntil(async () => form.sendButton().evaluate((button) => button === document.activeElement));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your total on the PHQ-9 is 5 out of 27.')).toBeVisible();
  const second = await ask<{ submitMeasure: { safetyConcern: boolean; response: { total: number } } }>(page, SUBMIT, { input: { kind: 'PHQ9', answers: [2, 2, 1, 2, 1, 2, 1, 0, 1] } });
  expect(second.submitMeasure).toEqual({ safetyConcern: true, response: { total: 12 } });

  // At the top of the caseload, calmly: who, when, which measure. The rise shows on Avery's row in plain words.
  await signInAs(page, 'therapist@attune.test');
  const caseloadPage = new CaseloadPage(page);
  await caseloadPage.open();
  const attention = page.getByRole('region', { name: 'Something needs your attention' });
  await expect(attention).toBeVisible();
  const flag = attention.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Avery Brooks' }) });
  await expect(flag).toContainText('From their PHQ-9 on');
  await expect(caseloadPage.row('Avery Brooks')).toContainText('Measures: Symptoms worsening on PHQ-9 since the first one in your care.');
  await checkPage(page, 'clinical-therapist-caseload-safety-flag');

  // The record draws the totals over the severity bands, named in words, with a table beside it.
  await flag.getByRole('link', { name: 'Avery Brooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Avery Brooks' })).toBeVisible();
  await expect(measures.getByRole('img', { name: /^PHQ-9 totals, oldest first: 5, 12\. The latest, 12 of 27, is in the moderate band\./ })).toBeVisible();
  await measures.getByText('Show the PHQ-9 totals as a table').click();
  const table = measures.getByRole('table', { name: "Avery Brooks's PHQ-9 totals, 0 to 27, oldest first, with their bands" });
  await expect(table.getByRole('columnheader')).toHaveText(['Date', 'Total', 'Band']);
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['5', 'Mild']);
  await expect(rows.nth(2).getByRole('cell')).toHaveText(['12', 'Moderate']);
  await expect(record.attention()).toContainText('Measures: Symptoms worsening on PHQ-9 since the first one in your care.');
  await expect(measures.getByLabel('How often to ask for the PHQ-9')).toHaveValue('EVERY_2_WEEKS');
  await checkPage(page, 'clinical-therapist-measures-chart');
  // The section alone, to look at the chart closely.
  await measures.screenshot({ path: path.join(__dirname, '..', '..', 'screenshots', 'clinical-therapist-measures-section.png') });

  // Acknowledging asks for a line of what was done, then the flag leaves the top.
  await caseloadPage.open();
  const note = flag.getByLabel('What you did for Avery Brooks');
  await flag.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(note).toHaveAccessibleDescription(/Write a line about what you did, for the record\.$/);
  await expect(note).toBeFocused();
  await page.keyboard.type('Phoned Avery the same afternoon; we went through the safety plan together.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const done = page.getByRole('status').filter({ hasText: 'Acknowledged. Your note about Avery Brooks is kept with the flag.' });
  await expect(done).toBeFocused();
  await expect(attention).toHaveCount(0);
  await checkPage(page, 'clinical-therapist-caseload-acknowledged');

  // Acknowledged for good: it stays off the top after a reload.
  await caseloadPage.open();
  await expect(caseloadPage.row('Avery Brooks')).toBeVisible();
  await expect(attention).toHaveCount(0);
});
