import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { gqlOk, signInAs } from '../../fixtures/graphql';
import { expect, test } from '../../fixtures/people';
import { ClientHomePage } from '../../pages/ClientHomePage';
import { MeasurePage } from '../../pages/MeasurePage';

test.describe.configure({ timeout: 120_000 });

const SET_SCHEDULE = 'mutation($input: SetMeasureScheduleInput!) { setMeasureSchedule(input: $input) { schedule } }';
const PHQ9_LINK = "PHQ-9 — how you've been feeling over the last two weeks";

/** The client's therapist, in a context of their own, asks for (or stops asking for) the PHQ-9 through the API. */
async function askForPhq9(therapist: APIRequestContext, clientId: string, schedule: 'EVERY_2_WEEKS' | 'OFF') {
  await gqlOk(therapist, SET_SCHEDULE, { input: { clientId, kind: 'PHQ9', schedule } });
}

/** The GraphQL operations the page sends, by name, to check what was (and was not) sent. */
function operationsSent(page: Page) {
  const names: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.method() === 'POST') names.push((request.postDataJSON() as { operationName?: string } | null)?.operationName ?? '');
  });
  return names;
}

/** At a phone's width the page fits without sideways scrolling; checked with axe and photographed there too. */
async function checkOnPhone(page: Page, name: string) {
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 375, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await checkPage(page, `${name}-phone`);
  // What a phone shows first, at its own size, for people to look at.
  await page.screenshot({ path: path.join(__dirname, '..', '..', 'screenshots', `${name}-phone-first-screen.png`) });
  if (desktop) await page.setViewportSize(desktop);
}

test('the client sees the PHQ-9 due at home, answers part by keyboard, finds the draft when they come back, and sends it', async ({ page, playwright, baseURL }) => {
  const clientId = await signInAs(page.request, 'client@attune.test');
  const therapist = await playwright.request.newContext({ baseURL });
  await signInAs(therapist, 'therapist@attune.test');
  await askForPhq9(therapist, clientId, 'EVERY_2_WEEKS');
  try {
    const home = new ClientHomePage(page);
    await home.open();
    const due = home.section('A few questions for you');
    await expect(due.getByRole('link', { name: PHQ9_LINK })).toBeVisible();
    await expect(due.getByText('9 questions.')).toBeVisible();
    await checkPage(page, 'clinical-measures-home-due');

    await due.getByRole('link', { name: PHQ9_LINK }).click();
    const measure = new MeasurePage(page);
    await expect(measure.heading()).toHaveText('PHQ-9');
    await expect(page.getByText('Over the last 2 weeks, how often have you been bothered by any of the following problems?')).toBeVisible();
    await expect(measure.question(9)).toHaveAccessibleName('9. Thoughts that you would be better off dead or of hurting yourself in some way');
    await expect(measure.question(1).getByRole('radio')).toHaveCount(4);
    await expect(measure.progress()).toHaveText('0 of 9 answered');
    await checkPage(page, 'clinical-measures-form');
    await checkOnPhone(page, 'clinical-measures-form');

    // Keyboard alone: Tab into the first question, arrows choose within it, Tab moves to the next.
    await measure.tabUntil(() => measure.focusIsIn(1));
    await page.keyboard.press('ArrowDown');
    await expect(measure.answer(1, 'Several days')).toBeChecked();
    await page.keyboard.press('Tab');
    expect(await measure.focusIsIn(2)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(measure.answer(2, 'More than half the days')).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(measure.answer(3, 'Not at all')).toBeChecked();
    await expect(measure.progress()).toHaveText('3 of 9 answered');
    await expect(page.getByRole('status').filter({ hasText: 'Your answers so far are kept.' })).toBeVisible();

    // Leave, and come back: the home page says a draft is kept, and the form opens with it.
    await page.getByRole('link', { name: 'Back to your home' }).click();
    await expect(due.getByText("You've answered 3 of 9. We kept your answers for you.")).toBeVisible();
    await due.getByRole('link', { name: PHQ9_LINK }).click();
    await expect(measure.answer(1, 'Several days')).toBeChecked();
    await expect(measure.answer(2, 'More than half the days')).toBeChecked();
    await expect(measure.answer(3, 'Not at all')).toBeChecked();
    await expect(measure.progress()).toHaveText('3 of 9 answered');

    // Sending with questions unanswered says which, focuses the first, and sends nothing.
    const sent = operationsSent(page);
    await measure.tabUntil(async () => measure.sendButton().evaluate((button) => button === document.activeElement));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Questions 4, 5, 6, 7, 8 and 9 still need an answer.' })).toBeVisible();
    await expect(measure.answer(4, 'Not at all')).toBeFocused();
    await expect(measure.question(4).getByText('Question 4 still needs an answer.')).toBeVisible();
    expect(sent).not.toContain('SubmitMeasure');
    await checkPage(page, 'clinical-measures-form-unanswered');

    // Finish by keyboard: Space chooses the focused answer, Tab goes on to the next question.
    await page.keyboard.press('Space');
    for (const number of [5, 6, 7, 8, 9]) {
      await page.keyboard.press('Tab');
      expect(await measure.focusIsIn(number)).toBe(true);
      await page.keyboard.press(number === 5 ? 'ArrowDown' : 'Space');
    }
    await expect(measure.answer(5, 'Several days')).toBeChecked();
    await expect(measure.question(4).getByText('Question 4 still needs an answer.')).toHaveCount(0);
    await expect(measure.progress()).toHaveText('9 of 9 answered');
    await measure.tabUntil(async () => measure.sendButton().evaluate((button) => button === document.activeElement));
    await page.keyboard.press('Enter');

    const thanks = page.getByRole('heading', { level: 1, name: 'Thank you for answering' });
    await expect(thanks).toBeFocused();
    await expect(page.getByText('Your total on the PHQ-9 is 4 out of 27.')).toBeVisible();
    await checkPage(page, 'clinical-measures-thank-you');
    await checkOnPhone(page, 'clinical-measures-thank-you');

    await page.getByRole('link', { name: 'Back to your home' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Hello, / })).toBeVisible();
    await expect(home.section('Your next session')).toBeVisible();
    await expect(home.section('A few questions for you')).toHaveCount(0);
  } finally {
    await askForPhq9(therapist, clientId, 'OFF');
    await therapist.dispose();
  }
});

test('an answer above "Not at all" on question 9 lands on the support page, which a reload keeps', async ({ page, playwright, baseURL, admin, newClient }) => {
  // A client of their own, in Sam Okafor's care, so no demo caseload gains a safety flag.
  const person = await newClient('measures-crisis');
  const clientId = await signInAs(page.request, person.email, person.password);
  const therapist = await playwright.request.newContext({ baseURL });
  const therapistId = await signInAs(therapist, 'therapist2@attune.test');
  await gqlOk(admin, 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }', { c: clientId, t: therapistId });
  await askForPhq9(therapist, clientId, 'EVERY_2_WEEKS');
  await therapist.dispose();

  await page.goto('/measures/phq-9');
  const measure = new MeasurePage(page);
  await expect(measure.heading()).toHaveText('PHQ-9');
  for (let number = 1; number <= 8; number += 1) await measure.answer(number, 'Not at all').check();
  await measure.answer(9, 'Several days').check();
  await measure.sendButton().click();

  await expect(page).toHaveURL(/\/measures\/support$/);
  const heading = page.getByRole('heading', { level: 1, name: 'Thank you for telling us' });
  await expect(heading).toBeFocused();
  await expect(page.getByText("We've let Sam Okafor, your therapist, know what you answered")).toBeVisible();
  const crisisLine = page.getByText('call your local emergency number now', { exact: true });
  await expect(crisisLine).toBeVisible();
  await checkPage(page, 'clinical-measures-support');
  await checkOnPhone(page, 'clinical-measures-support');

  // A reload keeps it all; so does opening the page afresh, without what the form passed on.
  await page.reload();
  await expect(heading).toBeVisible();
  await expect(crisisLine).toBeVisible();
  await page.goto('/home');
  await page.goto('/measures/support');
  await expect(heading).toBeVisible();
  await expect(crisisLine).toBeVisible();
  await expect(page.getByText("We've let Sam Okafor, your therapist, know what you answered")).toBeVisible();
});
