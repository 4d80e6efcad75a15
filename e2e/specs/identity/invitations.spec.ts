import { checkPage } from '../../fixtures/a11y';
import { gqlOk } from '../../fixtures/graphql';
import { expect, freshEmail, FRESH_PASSWORD, linkFromOutbox, test } from '../../fixtures/people';
import { nextTotpCode } from '../../fixtures/totp';
import { SignInPage } from '../../pages/SignInPage';
import { TwoStepSetup } from '../../pages/TwoStepSetup';

test('an admin invites a therapist, who accepts and sets up two-step sign-in', async ({ page, browser, newStaff }) => {
  // The longest journey in the suite (three people, eleven pages, six accessibility checks): on a busy
  // machine it needs more than the default 30 seconds, though it never waits for anything but the page.
  test.slow();
  const started = new Date();
  const admin = await newStaff('admin', 'ADMIN', 'Jo Lindqvist');
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInWithCode(admin.email, admin.password, () => nextTotpCode(admin.email, admin.secret));
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Jo Lindqvist' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Home', 'Care', 'Writing', 'Audit log', 'Account']);
  await checkPage(page, 'identity-admin-home');

  await page.getByRole('main').getByRole('link', { name: 'Invite someone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invite someone' })).toBeVisible();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText('Name is needed.')).toBeVisible();
  await checkPage(page, 'identity-admin-invite-problems');
  const email = freshEmail('therapist');
  await page.getByLabel('Their name').fill('Dr. Ada Quinn');
  await page.getByLabel('Their email address').fill(email);
  await page.getByRole('radio', { name: 'Therapist' }).check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByRole('status').filter({ hasText: `We've emailed an invitation to ${email}.` })).toBeVisible();
  await expect(page.getByLabel('Their email address')).toHaveValue('');

  // The development outbox shows the email, with a link a developer can follow.
  await nav.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Development outbox' }).click();
  const invitation = page.getByRole('article').filter({ hasText: `To ${email}` });
  await expect(invitation.getByRole('heading', { name: 'Jo Lindqvist invited you to Attune' })).toBeVisible();
  await checkPage(page, 'identity-admin-outbox');
  const link = await invitation.getByRole('link', { name: /accept-invitation#token=/ }).getAttribute('href');

  // The therapist opens it in their own browser.
  const theirs = await browser.newContext();
  const therapist = await theirs.newPage();
  await therapist.goto(link!);
  await expect(therapist.getByRole('heading', { level: 1, name: 'Welcome to Attune' })).toBeVisible();
  await checkPage(therapist, 'identity-accept-invitation');
  await therapist.getByLabel('Your name').fill('Dr. Ada Quinn');
  await therapist.getByLabel('Choose a password').fill(FRESH_PASSWORD);
  await therapist.getByRole('button', { name: 'Set up my account' }).click();

  const setup = new TwoStepSetup(therapist);
  await expect(therapist.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeFocused();
  await checkPage(therapist, 'identity-two-step-setup');
  const secret = await setup.confirmWithAppFor(email);
  const codes = await setup.recoveryCodes();
  await expect(therapist.getByText('This is the only time we show them.')).toBeVisible();
  await checkPage(therapist, 'identity-recovery-codes');
  // Going on needs a tick that they are saved.
  await therapist.getByRole('button', { name: 'Continue to Attune' }).click();
  await expect(therapist.getByText("Please tick the box once your codes are saved. We can't show them again.")).toBeVisible();
  await setup.confirmSaved('Continue to Attune');
  await expect(therapist.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(therapist.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invite a client' })).toBeVisible();

  // Later, without the phone: a recovery code signs them in, once.
  await therapist.getByRole('button', { name: 'Sign out', exact: true }).click();
  const again = new SignInPage(therapist);
  await again.submitPassword(email, FRESH_PASSWORD);
  await expect(again.heading('Enter your code')).toBeVisible();
  await therapist.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await expect(again.heading('Use a recovery code')).toBeFocused();
  await checkPage(therapist, 'identity-sign-in-recovery-code');
  await therapist.getByLabel('Recovery code').fill(codes[0]!.toUpperCase());
  await therapist.getByRole('button', { name: 'Sign in' }).click();
  await expect(therapist.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  expect(secret).toBeTruthy();
  await theirs.close();

  // The admin sees it all in the audit log: metadata only.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  // From the day the test began to today: a run that crosses midnight still finds its entries.
  const day = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  await page.getByLabel('From').fill(day(started));
  await page.getByLabel('To (including)').fill(day(new Date()));
  await page.getByRole('button', { name: 'Search the log' }).click();
  const entries = page.getByRole('region', { name: 'Audit entries' });
  await expect(entries.getByRole('cell', { name: 'account.invitation_accepted' }).first()).toBeVisible();
  await expect(entries.getByRole('cell', { name: 'auth.sign_in', exact: true }).first()).toBeVisible();
  await checkPage(page, 'identity-admin-audit');
  // Choosing a person narrows the log to them: the therapist who set up two-step sign-in. (The newest
  // entries are the admin's own reads of the log, which are on the record too.)
  await entries
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'account.mfa_enabled' }) })
    .getByRole('button', { name: /show only this person's entries/ })
    .first()
    .click();
  await expect(page.getByLabel('Person (user id)')).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(entries.getByRole('cell', { name: 'account.mfa_enabled' })).toHaveCount(1);
  await expect(entries.getByRole('cell', { name: 'account.invitation_sent' })).toHaveCount(0);
  await page.getByLabel('Person (user id)').fill('not an id');
  await page.getByRole('button', { name: 'Search the log' }).click();
  await expect(page.getByText('That is not a valid id.')).toBeVisible();
});

test('a therapist invites a client, who joins by accepting', async ({ page, browser, admin, newStaff }) => {
  const therapist = await newStaff('therapist', 'THERAPIST', 'Dr. Noor Haddad');
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signInWithCode(therapist.email, therapist.password, () => nextTotpCode(therapist.email, therapist.secret));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invite a client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invite a client' })).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(0);
  await checkPage(page, 'identity-invite-client');
  const email = freshEmail('client');
  await page.getByLabel('Their name').fill('Casey');
  await page.getByLabel('Their email address').fill(email);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText(`We've emailed an invitation to ${email}.`)).toBeVisible();

  const theirs = await browser.newContext();
  const client = await theirs.newPage();
  await client.goto(await linkFromOutbox(admin, email, /Dr. Noor Haddad invited you/));
  await client.getByLabel('Your name').fill('Casey');
  // The API's own password judgement shows next to the field.
  await client.getByLabel('Choose a password').fill('casey1234567');
  await client.getByRole('button', { name: 'Set up my account' }).click();
  await expect(client.getByText(/That password is too easy to guess/)).toBeVisible();
  await expect(client.getByLabel('Choose a password')).toBeFocused();
  await client.getByLabel('Choose a password').fill(FRESH_PASSWORD);
  await client.getByRole('button', { name: 'Set up my account' }).click();
  await expect(client.getByRole('heading', { level: 1, name: 'Hello, Casey' })).toBeVisible();
  await expect(client.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Your home', 'Reflections', 'Shared with you', 'Articles', 'Account']);
  await theirs.close();
});

test('an invitation link that was used or has expired is explained kindly', async ({ page }) => {
  await page.goto('/accept-invitation#token=this-is-not-a-real-invitation-token');
  await page.getByLabel('Your name').fill('Someone');
  await page.getByLabel('Choose a password').fill(FRESH_PASSWORD);
  await page.getByRole('button', { name: 'Set up my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This invitation link no longer works' })).toBeFocused();
  await expect(page.getByText('Please ask the person who invited you to send a new invitation.')).toBeVisible();
  await checkPage(page, 'identity-accept-invitation-expired');
});

test('a therapist who has not yet set up two-step sign-in does so when signing in', async ({ page, admin, playwright, baseURL }) => {
  const email = freshEmail('late-setup');
  await gqlOk(admin, 'mutation($input: InviteUserInput!) { inviteUser(input: $input) }', { input: { email, displayName: 'Sam Rivera', role: 'THERAPIST' } });
  const link = await linkFromOutbox(admin, email, /invited you/);
  // They accept, then close the tab before setting up the app.
  const visitor = await playwright.request.newContext({ baseURL });
  const accepted = await gqlOk<{ acceptInvitation: { user: null; mfaEnrollmentRequired: boolean } }>(
    visitor,
    'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } mfaEnrollmentRequired } }',
    { input: { token: new URLSearchParams(link.split('#')[1]).get('token'), password: FRESH_PASSWORD, displayName: 'Sam Rivera' } },
  );
  expect(accepted.acceptInvitation).toEqual({ user: null, mfaEnrollmentRequired: true });
  await visitor.dispose();

  await page.goto('/account');
  const signIn = new SignInPage(page);
  await signIn.submitPassword(email, FRESH_PASSWORD);
  const setup = new TwoStepSetup(page);
  await setup.confirmWithAppFor(email);
  await setup.recoveryCodes();
  await setup.confirmSaved('Continue to Attune');
  // Back to where they were going.
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Two-step sign-in' })).toContainText('On.');
});
