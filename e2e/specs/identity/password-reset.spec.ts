import { checkPage } from '../../fixtures/a11y';
import { gqlOk } from '../../fixtures/graphql';
import { expect, linkFromOutbox, test } from '../../fixtures/people';
import { SignInPage } from '../../pages/SignInPage';

const SENT = "If there is an account for that email, we've sent a link. It works for 30 minutes.";

test('a forgotten password is reset from the emailed link', async ({ page, admin, newClient }) => {
  const person = await newClient('reset');
  const signIn = new SignInPage(page);
  await signIn.open();
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await checkPage(page, 'identity-forgot-password');
  await page.getByLabel('Email address').fill(person.email);
  await page.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(page.getByText(SENT)).toBeVisible();
  await checkPage(page, 'identity-forgot-password-sent');

  await page.goto(await linkFromOutbox(admin, person.email, /Resetting your Attune password/));
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  const newPassword = page.getByLabel('New password', { exact: true });
  const again = page.getByLabel('Type the new password again');
  await expect(newPassword).toHaveAttribute('autocomplete', 'new-password');

  // The shared rules are checked in the browser…
  await newPassword.fill('too short');
  await again.fill('too short');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByText('Please use at least 12 characters. A few ordinary words together work well.')).toBeVisible();
  await expect(newPassword).toBeFocused();
  await newPassword.fill('quiet harbour morning tea');
  await again.fill('quiet harbour morning tee');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByText("The two passwords don't match. Please type the same password in both boxes.")).toBeVisible();
  await expect(again).toBeFocused();
  // …and the API's own judgement (a common password) appears next to the field it is about.
  await newPassword.fill('password123456');
  await again.fill('password123456');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByText(/That password is too easy to guess/)).toBeVisible();
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true');
  await expect(newPassword).toBeFocused();
  await checkPage(page, 'identity-reset-password-problem');

  await newPassword.fill('quiet harbour morning tea');
  await again.fill('quiet harbour morning tea');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(signIn.heading()).toBeVisible();
  await expect(page.getByText('Your password has been changed, and you have been signed out everywhere.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn.signIn(person.email, 'quiet harbour morning tea');
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${person.displayName}` })).toBeVisible();
});

test('an email without an account gets the same answer', async ({ page }) => {
  await page.goto('/forgot-password');
  await page.getByLabel('Email address').fill('nobody-at-all@attune.test');
  await page.getByRole('button', { name: 'Send me a reset link' }).click();
  await expect(page.getByText(SENT)).toBeVisible();
});

test('a used reset link, or an incomplete one, is explained kindly', async ({ page, admin, newClient }) => {
  const person = await newClient('stale-link');
  await page.request.post('/graphql', { data: { query: 'mutation($email: String!) { requestPasswordReset(email: $email) }', variables: { email: person.email } } });
  const link = await linkFromOutbox(admin, person.email, /Resetting your Attune password/);
  const token = new URLSearchParams(link.split('#')[1]).get('token');
  // Someone already used it.
  await gqlOk(page.request, 'mutation($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }', {
    token,
    password: 'copper meadow lantern swing',
  });

  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('another long passphrase here');
  await page.getByLabel('Type the new password again').fill('another long passphrase here');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This link no longer works' })).toBeVisible();
  await expect(page.getByText('Reset links work once, for 30 minutes, to keep your account safe.')).toBeVisible();
  await checkPage(page, 'identity-reset-password-expired');
  await page.getByRole('link', { name: 'Ask for a new link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();

  await page.goto('/reset-password');
  await expect(page.getByRole('heading', { level: 1, name: 'This link is incomplete' })).toBeVisible();
  await checkPage(page, 'identity-reset-password-incomplete');
});
