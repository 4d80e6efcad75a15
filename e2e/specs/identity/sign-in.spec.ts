import { checkPage } from '../../fixtures/a11y';
import { DEMO_PASSWORD, expect, test } from '../../fixtures/people';
import { nextTotpCode } from '../../fixtures/totp';
import { SignInPage } from '../../pages/SignInPage';

const WRONG_PASSWORD = "That email and password don't match an account. Please check them and try again.";

test('a client signs in, sees only their own pages, and signs out', async ({ page }) => {
  const signIn = new SignInPage(page);
  // A signed-out visitor asking for their account is sent to sign in, then brought back.
  await page.goto('/account');
  await expect(signIn.heading()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await expect(page.getByText('Please sign in to see that page.')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Articles', 'Our therapists', 'Request a first conversation', 'Sign in']);
  await checkPage(page, 'identity-sign-in');

  await signIn.signIn('client@attune.test', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  await expect(nav.getByRole('link')).toHaveText(['Your home', 'Reflections', 'Shared with you', 'Articles', 'Account']);
  await expect(nav.getByRole('button')).toHaveText(['Sign out']);

  await nav.getByRole('link', { name: 'Your home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Jordan Lee' })).toBeVisible();
  await checkPage(page, 'identity-client-home');

  // Other roles' pages are not theirs, and say so without showing anything.
  for (const path of ['/admin/audit', '/admin/outbox', '/invite-client']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: "This page isn't part of your account" })).toBeVisible();
  }
  await checkPage(page, 'identity-not-yours');

  await nav.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(signIn.heading()).toBeVisible();
  await expect(page.getByText("You've signed out.")).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(['Articles', 'Our therapists', 'Request a first conversation', 'Sign in']);
  await page.goto('/account');
  await expect(signIn.heading()).toBeVisible();
});

test('a therapist signs in with a code from their authenticator app', async ({ page, newStaff }) => {
  const therapist = await newStaff('code-sign-in', 'THERAPIST');
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.submitPassword(therapist.email, therapist.password);
  await expect(signIn.heading('Enter your code')).toBeFocused();
  await expect(page.getByLabel('6-digit code')).toHaveAttribute('autocomplete', 'one-time-code');
  await checkPage(page, 'identity-sign-in-code');

  // A code in the wrong shape is caught before it is sent; a wrong one is explained.
  await page.getByLabel('6-digit code').fill('12345');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The code is the 6 digits from your authenticator app.')).toBeVisible();
  await expect(page.getByLabel('6-digit code')).toBeFocused();
  await expect(page.getByLabel('6-digit code')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('6-digit code').fill('000000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.problem()).toContainText("That code didn't work. Codes change every 30 seconds");

  await signIn.enterCode(await nextTotpCode(therapist.email, therapist.secret));
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Caseload', 'Invite a client', 'Send an article', 'Articles', 'Account']);
  await checkPage(page, 'identity-therapist-home');

  await nav.getByRole('link', { name: 'Account' }).click();
  const twoStep = page.getByRole('region', { name: 'Two-step sign-in' });
  await expect(twoStep).toContainText('Therapists always sign in with two steps');
  await expect(twoStep.getByRole('button', { name: 'Turn off two-step sign-in' })).toHaveCount(0);
  await checkPage(page, 'identity-therapist-account');

  await page.goto('/admin/invite');
  await expect(page.getByRole('heading', { level: 1, name: "This page isn't part of your account" })).toBeVisible();
});

test('a wrong password gets a kind message, and what was typed stays', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  // Checked in the browser first, with the shared rules: the first problem takes focus.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.email()).toBeFocused();
  await expect(signIn.email()).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Please enter an email address like name@example.com.')).toBeVisible();
  await expect(page.getByText('Please enter your password.')).toBeVisible();
  await checkPage(page, 'identity-sign-in-field-problems');

  await signIn.submitPassword('client2@attune.test', 'not the right password');
  await expect(signIn.problem()).toHaveText(WRONG_PASSWORD);
  await expect(signIn.problem()).toBeFocused();
  await expect(signIn.email()).toHaveValue('client2@attune.test');
  await expect(signIn.password()).toHaveValue('not the right password');
  await expect(page.getByRole('link', { name: 'Forgotten your password?' })).toBeVisible();
  await checkPage(page, 'identity-sign-in-wrong-password');

  // An email with no account gets exactly the same answer.
  await signIn.submitPassword('nobody-here@attune.test', 'not the right password');
  await expect(signIn.problem()).toHaveText(WRONG_PASSWORD);
});

test('after five wrong passwords, signing in to that account is paused', async ({ page, newClient }) => {
  const person = await newClient('paused');
  const signIn = new SignInPage(page);
  await signIn.open();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await signIn.submitPassword(person.email, `wrong password ${attempt}`);
    await expect(signIn.problem()).toHaveText(WRONG_PASSWORD);
  }
  // Even the right password waits now; the message says why and what to do.
  await signIn.submitPassword(person.email, person.password);
  await expect(signIn.problem()).toHaveText(
    'For your safety, signing in to this account is paused for 15 minutes after several unsuccessful tries. You can reset your password, or try again later.',
  );
  await checkPage(page, 'identity-sign-in-paused');
});

test('signing in works with the keyboard alone', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  const email = signIn.email();
  const isFocused = () => email.evaluate((element) => element === document.activeElement);
  for (let presses = 0; presses < 15 && !(await isFocused()); presses += 1) await page.keyboard.press('Tab');
  await expect(email).toBeFocused();
  await page.keyboard.type('client2@attune.test');
  await page.keyboard.press('Tab');
  await expect(signIn.password()).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Riley Chen' })).toBeVisible();

  // And out again: Tab to "Sign out" and press Enter.
  const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
  const onSignOut = () => signOut.evaluate((element) => element === document.activeElement);
  for (let presses = 0; presses < 80 && !(await onSignOut()); presses += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(signIn.heading()).toBeVisible();
});

test('signing in and the account page fit a phone screen', async ({ page, newClient }) => {
  const person = await newClient('phone');
  await page.setViewportSize({ width: 375, height: 740 });
  const signIn = new SignInPage(page);
  await signIn.open();
  await checkPage(page, 'identity-phone-sign-in');
  await signIn.signIn(person.email, person.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your sessions' })).toBeVisible();
  await checkPage(page, 'identity-phone-account');
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
