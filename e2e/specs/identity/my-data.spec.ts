import fs from 'node:fs';
import { checkPage } from '../../fixtures/a11y';
import { gqlOk, signInAs } from '../../fixtures/graphql';
import { expect, test } from '../../fixtures/people';
import { SignInPage } from '../../pages/SignInPage';

const MEMBER = 'query($q: String!) { practiceMembers(search: $q, first: 1) { edges { node { id } } } }';

/**
 * A fresh client with a fresh therapist (never the shared demo accounts: this closes the client's account):
 * the client takes their data as a file and as a printable page, then closes the account; the therapist sees it.
 */
test('a client downloads their data, reads it as a printable page, closes their account, and their therapist sees it', async ({ page, browser, admin, newClient, newStaff }) => {
  // Two people made through invitations, and six pages checked with axe.
  test.slow();
  const client = await newClient('my-data');
  const therapist = await newStaff('my-data-therapist', 'THERAPIST', 'Robin Hale');
  const idOf = async (q: string) => (await gqlOk<{ practiceMembers: { edges: { node: { id: string } }[] } }>(admin, MEMBER, { q })).practiceMembers.edges[0]!.node.id;
  const clientId = await idOf(client.email);
  await gqlOk(admin, 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }', { c: clientId, t: await idOf(therapist.email) });

  // The therapist schedules a session and keeps a private note on it.
  const theirs = await (await browser.newContext()).newPage();
  await signInAs(theirs.request, therapist.email, therapist.password, therapist.secret);
  const startsAt = new Date(Date.now() + 3 * 86_400_000);
  const { scheduleSession } = await gqlOk<{ scheduleSession: { id: string } }>(theirs.request, 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
    input: { clientId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 50 * 60_000).toISOString(), modality: 'VIDEO' },
  });
  const noteText = 'A private note Robin keeps about the first session.';
  await gqlOk(theirs.request, 'mutation($s: ID!, $b: String!) { writeSessionNote(sessionId: $s, body: $b) { id } }', { s: scheduleSession.id, b: noteText });

  // The client writes one private reflection and one shared one.
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(client.email, client.password);
  const privateWords = 'Walked by the river this morning and felt lighter.';
  const sharedWords = 'I would like to talk about sleep next time.';
  await gqlOk(page.request, 'mutation($b: String!) { writeReflection(input: { body: $b, mood: 4 }) { id } }', { b: privateWords });
  await gqlOk(page.request, 'mutation($b: String!) { writeReflection(input: { body: $b, share: true }) { id } }', { b: sharedWords });

  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 2, name: 'Your data' })).toBeVisible();
  await checkPage(page, 'account-my-data');

  // The file: everything they wrote, none of the note.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^attune-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const file = fs.readFileSync((await download.path())!, 'utf8');
  const exported = JSON.parse(file) as { format: string; privateNotes: string; reflections: { body: string }[]; sessions: unknown[] };
  expect(exported.format).toBe('attune-export/1');
  expect(exported.reflections.map((r) => r.body).sort()).toEqual([sharedWords, privateWords].sort());
  expect(exported.sessions).toHaveLength(1);
  expect(exported.privateNotes).toContain('not part of this export');
  expect(file).not.toContain(noteText);
  await expect(page.getByRole('status').filter({ hasText: 'Your data has been saved as a file' })).toBeVisible();

  // The printable page, reached and used by keyboard.
  await page.getByRole('link', { name: 'See it as a page you can print' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your data in Attune' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Reflections' })).toContainText(privateWords);
  await expect(page.getByRole('region', { name: 'Reflections' })).toContainText('Shared with Robin Hale');
  await expect(page.getByRole('region', { name: "Your therapist's notes" })).toContainText('You can ask for a copy');
  await expect(page.getByRole('main')).not.toContainText(noteText);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Back to your account' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Print' })).toBeFocused();
  await checkPage(page, 'account-my-data-page');
  // On paper: the sections without the site's navigation or the buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.screenshot({ path: 'screenshots/account-my-data-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Closing: explained first, then the password as the confirm step; a wrong one changes nothing.
  await page.goto('/account');
  const closing = page.getByRole('region', { name: 'Close your account' });
  await closing.getByRole('button', { name: 'I want to close my account' }).click();
  await expect(closing.getByLabel('Your password')).toBeFocused();
  await checkPage(page, 'account-close-confirm');
  await closing.getByLabel('Your password').fill('not my password at all');
  await closing.getByRole('button', { name: 'Close my account' }).click();
  await expect(closing.getByText("That password isn't right. Please try again.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  await closing.getByLabel('Your password').fill(client.password);
  await closing.getByRole('button', { name: 'Close my account' }).click();
  await expect(page).toHaveURL(/\/goodbye$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is closed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toHaveCount(0);
  await checkPage(page, 'account-goodbye');

  // They cannot sign in again.
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.submitPassword(client.email, client.password);
  await expect(signIn.problem().first()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // The therapist sees the closure on the caseload and the record; the session was cancelled and none can be scheduled.
  await theirs.goto('/caseload');
  const row = theirs.getByRole('row').filter({ hasText: client.displayName });
  await expect(row).toContainText('Closed their account on');
  await row.getByRole('link', { name: client.displayName, exact: true }).click();
  await expect(theirs.getByText(`${client.displayName} closed their account on`)).toBeVisible();
  await expect(theirs.getByRole('heading', { name: `Past sessions, the last twelve months` })).toBeVisible();
  await expect(theirs.getByRole('heading', { name: `Schedule a session with ${client.displayName}` })).toHaveCount(0);
  await expect(theirs.getByLabel('Something to practise between sessions')).toHaveCount(0);
  await checkPage(theirs, 'client-record-closed-account');
  await theirs.context().close();
});
