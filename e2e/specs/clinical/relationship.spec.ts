import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { ask, signInAs } from '../../fixtures/clinical-sign-in';
import { CaseloadPage } from '../../pages/CaseloadPage';
import { CheckInPage } from '../../pages/CheckInPage';
import { ClientHomePage } from '../../pages/ClientHomePage';
import { ClientRecordPage } from '../../pages/ClientRecordPage';
import { ReflectionsPage } from '../../pages/ReflectionsPage';

// Each journey crosses several people and pages, with axe on every page: longer than one page's budget.
test.describe.configure({ timeout: 120_000 });

const THERAPIST = 'Dr. Priya Raman';
const QUESTIONS = {
  bond: 'How safe and listened to did you feel today?',
  goals: 'Did we spend our time on what matters to you?',
  approach: 'Did the way we worked today suit you?',
  overall: "Taking everything together, how was today's session for you?",
};

test('a shared reflection and a check-in reach the therapist, and the response reaches the client', async ({ page }) => {
  // The client writes a reflection (private by default, said in words), then shares it.
  await signInAs(page, 'client@attune.test');
  const reflections = new ReflectionsPage(page);
  await reflections.open();
  const form = reflections.writeForm();
  await expect(form.getByText('The portal is not monitored in real time')).toBeVisible();
  await expect(form.getByRole('link', { name: 'Need help now?' })).toHaveAttribute('href', '/help');
  await expect(form.getByText('Only you can see this.')).toBeVisible();
  await expect(form.getByRole('checkbox', { name: `Share with ${THERAPIST}` })).not.toBeChecked();
  await checkPage(page, 'clinical-client-reflections');

  const text = 'Today I said no to an extra shift, and nothing terrible happened. I felt lighter on the walk home.';
  await reflections.body().fill(text);
  await form.getByRole('radio', { name: 'Good', exact: true }).check();
  await expect(reflections.draftStatus()).toHaveText('Draft saved a moment ago.');
  await form.getByRole('button', { name: 'Save reflection' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Your reflection is saved. Only you can see it.' })).toBeVisible();
  await expect(reflections.body()).toHaveValue('');

  const mine = reflections.reflection(text);
  await expect(mine.getByText('Feeling: good')).toBeVisible();
  await expect(mine.getByText('Only you can see this.')).toBeVisible();
  await mine.getByRole('button', { name: new RegExp(`^Share with ${THERAPIST}`) }).click();
  await expect(mine.getByText(`Shared with ${THERAPIST}, your therapist.`)).toBeVisible();
  await expect(mine.getByRole('button', { name: /^Stop sharing/ })).toBeVisible();

  // The client checks in about their last session, which has no check-in yet.
  const home = new ClientHomePage(page);
  await home.open();
  await expect(home.nextSession().getByLabel('What would you like to talk about?')).toHaveValue('I would like to talk about the conversation with my sister.');
  await checkPage(page, 'clinical-client-home');
  await home.checkIns().getByRole('link', { name: /^Check in about your session on/ }).click();

  const checkIn = new CheckInPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'How was your session?' })).toBeVisible();
  await expect(page.getByRole('group')).toHaveCount(4);
  for (const question of Object.values(QUESTIONS)) await expect(checkIn.question(question)).toBeVisible();
  await expect(page.getByText('Your therapist will see your answers. Honest answers help, especially the low ones: they are how therapy gets better.')).toBeVisible();
  await checkPage(page, 'clinical-client-check-in');

  // Sending with a question unanswered says which one, next to it.
  await checkIn.answer(QUESTIONS.bond, 9);
  await page.getByRole('button', { name: 'Send my check-in' }).click();
  await expect(checkIn.question(QUESTIONS.goals)).toHaveAccessibleDescription(/Please choose a number for this question\.$/);
  // The scale works by keyboard: arrow keys move along a question's numbers.
  await expect(checkIn.question(QUESTIONS.goals).getByRole('radio', { name: '0', exact: true })).toBeFocused();
  for (let step = 0; step < 8; step++) await page.keyboard.press('ArrowRight');
  await expect(checkIn.question(QUESTIONS.goals).getByRole('radio', { name: '8', exact: true })).toBeChecked();
  await checkIn.answer(QUESTIONS.approach, 8);
  await checkIn.answer(QUESTIONS.overall, 9);
  await page.getByLabel("Anything you'd like your therapist to know? (optional)").fill('It helped to slow down at the end.');
  await page.getByRole('button', { name: 'Send my check-in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for checking in' })).toBeFocused();
  await checkPage(page, 'clinical-client-check-in-thanks');

  // The therapist sees the unread reflection and the new point on the alliance line.
  await signInAs(page, 'therapist@attune.test');
  const caseload = new CaseloadPage(page);
  await caseload.open();
  const jordan = caseload.row('Jordan Lee');
  await expect(jordan.getByRole('link', { name: '2 unread from Jordan Lee' })).toBeVisible();
  await expect(jordan.getByRole('img', { name: 'Overall: 8, 5, 7, 8, 8, 9, 8, 9 — steady' })).toBeVisible();
  await checkPage(page, 'clinical-therapist-caseload');

  await jordan.getByRole('link', { name: 'Jordan Lee', exact: true }).click();
  const record = new ClientRecordPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Lee' })).toBeVisible();
  const shared = record.section('Shared reflections').getByRole('article').filter({ hasText: text });
  await expect(shared.getByText('New')).toBeVisible();
  await expect(record.section('Check-ins').getByRole('article').first()).toContainText('It helped to slow down at the end.');
  await checkPage(page, 'clinical-therapist-client');

  await shared.getByLabel('Respond to this reflection').fill('That sounds like a real step. I would like to hear what made it possible.');
  await shared.getByRole('button', { name: 'Send response' }).click();
  await expect(shared.getByRole('status')).toHaveText('Response sent. Jordan Lee will see it under their reflection.');
  await expect(shared.getByText('That sounds like a real step.')).toBeVisible();
  await expect(shared).toContainText('You responded on');

  // Opening the page read the new reflections: the caseload no longer counts them.
  await caseload.open();
  await expect(caseload.row('Jordan Lee').getByRole('cell').nth(2)).toHaveText('None');

  // The client sees the response under their reflection, and on their home.
  await signInAs(page, 'client@attune.test');
  await reflections.open();
  await expect(reflections.reflection(text).getByText('That sounds like a real step. I would like to hear what made it possible.')).toBeVisible();
  await expect(reflections.reflection(text)).toContainText(`${THERAPIST} responded on`);
  await home.open();
  await expect(home.responses()).toContainText('That sounds like a real step.');
  await expect(home.responses().getByRole('listitem').filter({ hasText: 'That sounds like a real step.' })).toContainText(`${THERAPIST} responded on`);
  await expect(home.checkIns().getByRole('link', { name: /^Check in about your session on/ })).toHaveCount(0);
});

test('a low check-in raises a flag with its reason; acknowledging it closes the flag and tells the client', async ({ page }) => {
  await signInAs(page, 'therapist@attune.test');
  const caseload = new CaseloadPage(page);
  await caseload.open('?filter=FLAGGED&sort=ATTENTION');
  await expect(page.getByLabel('Show')).toHaveValue('FLAGGED');
  const riley = caseload.row('Riley Chen');
  await expect(riley).toContainText('Check-in: The latest check-in needs attention: 5 or below for feeling safe and heard, the way of working, the session overall');
  await expect(riley).toContainText('Comment: A check-in comment is waiting for you.');
  await expect(riley.getByRole('img', { name: 'Overall: 7, 7, 8, 8, 5 — falling' })).toBeVisible();
  await checkPage(page, 'clinical-therapist-caseload-flagged');

  await riley.getByRole('link', { name: 'Riley Chen', exact: true }).click();
  const record = new ClientRecordPage(page);
  await expect(record.attention()).toContainText('The latest check-in needs attention');
  await record.attention().getByRole('link', { name: /^Go to the check-in/ }).first().click();
  const lowCheckIn = record.section('Check-ins').getByRole('article').filter({ hasText: 'I felt rushed at the end.' });
  await expect(lowCheckIn).toContainText('Why this needs your attention');
  await expect(lowCheckIn).toContainText("Thank you for telling me; let's talk about it next time.");
  await checkPage(page, 'clinical-therapist-client-flagged');
  await lowCheckIn.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(lowCheckIn.getByText(/^You acknowledged this on/)).toBeFocused();
  await expect(lowCheckIn).toContainText('Riley Chen sees: “Dr. Priya Raman read your check-in and would like to talk about it next time.”');
  await expect(record.attention()).toHaveCount(0);
  await expect(page.getByText('Nothing needs your attention right now.')).toBeVisible();

  await caseload.open('?search=Riley');
  await expect(caseload.row('Riley Chen').getByRole('cell').last()).toHaveText('None');

  // The client sees the acknowledgement in Attune's words, with the date.
  await signInAs(page, 'client2@attune.test');
  const home = new ClientHomePage(page);
  await home.open();
  const today = new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date());
  await expect(home.checkIns()).toContainText('Dr. Priya Raman read your check-in and would like to talk about it next time.');
  await expect(home.checkIns()).toContainText(`Read on ${today}.`);
  await checkPage(page, 'clinical-client-home-acknowledged');
});

test('a new low check-in from a client shows on the caseload with its reason', async ({ page }) => {
  // Set-up: a session that took place two days ago for Hana Kim, scheduled through the API.
  await signInAs(page, 'therapist@attune.test');
  const { caseload } = await ask<{ caseload: { edges: { node: { client: { id: string } } }[] } }>(page, '{ caseload(search: "Hana Kim") { edges { node { client { id } } } } }');
  const hanaId = caseload.edges[0]!.node.client.id;
  const startsAt = new Date(Date.now() - 2 * 86_400_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  await ask(page, 'mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
    input: { clientId: hanaId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), modality: 'IN_PERSON', joinDetails: 'Room 2, first floor' },
  });

  // The therapist records that it took place; the client is then invited to check in.
  const record = new ClientRecordPage(page);
  await record.open(hanaId);
  const held = record.sessions().getByRole('listitem').filter({ hasText: 'Room 2, first floor' });
  await held.getByRole('button', { name: /^Mark as taken place/ }).click();
  await expect(record.sessions().getByRole('status')).toHaveText('The session is marked as taken place. Hana Kim can now check in about it.');

  await signInAs(page, 'client10@attune.test');
  const home = new ClientHomePage(page);
  await home.open();
  await home.checkIns().getByRole('link', { name: /^Check in about your session on/ }).click();
  const checkIn = new CheckInPage(page);
  await checkIn.answer(QUESTIONS.bond, 3);
  await checkIn.answer(QUESTIONS.goals, 6);
  await checkIn.answer(QUESTIONS.approach, 4);
  await checkIn.answer(QUESTIONS.overall, 4);
  await page.getByRole('button', { name: 'Send my check-in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you for checking in' })).toBeVisible();

  await signInAs(page, 'therapist@attune.test');
  const caseloadPage = new CaseloadPage(page);
  await caseloadPage.open();
  // Ten at a time, then the rest on request.
  await expect(page.getByRole('row')).toHaveCount(11);
  await expect(page.getByRole('status').filter({ hasText: 'Showing 10 clients. There are more below.' })).toBeVisible();
  await page.getByRole('button', { name: 'Show more clients' }).click();
  await expect(page.getByRole('button', { name: 'Show more clients' })).toHaveCount(0);
  await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(11);
  await caseloadPage.search('Hana');
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1 client.' })).toBeVisible();
  await expect(caseloadPage.row('Hana Kim')).toContainText('The latest check-in needs attention: 5 or below for feeling safe and heard, the way of working, the session overall.');
  await expect(caseloadPage.row('Hana Kim').getByRole('img', { name: 'Overall: 4' })).toBeVisible();
});
