import { checkPage } from '../../fixtures/a11y';
import { gql } from '../../fixtures/graphql';
import { expect, test } from '../../fixtures/people';
import { nextTotpCode } from '../../fixtures/totp';
import { AccountPage } from '../../pages/AccountPage';
import { SignInPage } from '../../pages/SignInPage';
import { TwoStepSetup } from '../../pages/TwoStepSetup';

test('a client sees where they are signed in, signs other devices out, and changes their password', async ({ page, browser, newClient }) => {
  // Three browsers, two password hashes and axe over a page that now lists every time zone: near 30 s on a busy machine.
  test.slow();
  const person = await newClient('account');
  const elsewhere = await browser.newContext({ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0' });
  const otherPage = await elsewhere.newPage();
  await new SignInPage(otherPage).open();
  await new SignInPage(otherPage).signIn(person.email, person.password);

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(person.email, person.password);
  const account = new AccountPage(page);
  await account.open();
  // This browser, the other one, and the one that accepted the invitation.
  await expect(account.sessions()).toHaveCount(3);
  await expect(account.sessions().filter({ hasText: 'This device' })).toHaveCount(1);
  await expect(account.sessions().first()).toContainText('This device');
  await checkPage(page, 'identity-account');

  await account.sessions().filter({ hasText: 'Firefox on Windows' }).getByRole('button', { name: /Sign out of this session/ }).click();
  await expect(page.getByText('Signed out of Firefox on Windows.')).toBeVisible();
  await expect(account.sessions()).toHaveCount(2);
  // The other browser finds out the next time it asks for anything.
  await otherPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(otherPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(otherPage.getByText('Your session has ended, so you have been signed out.')).toBeVisible();
  await elsewhere.close();

  await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(page.getByText('You are now signed out everywhere else.')).toBeVisible();
  await expect(account.sessions()).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Sign out everywhere else' })).toHaveCount(0);

  const password = account.section('Password');
  await password.getByLabel('Current password').fill('not my password');
  await password.getByLabel('New password').fill('amber river kettle nine');
  await password.getByRole('button', { name: 'Change my password' }).click();
  await expect(password.getByText("That password isn't right. Please try again.")).toBeVisible();
  await expect(password.getByLabel('Current password')).toBeFocused();
  await expect(password.getByLabel('New password')).toHaveValue('amber river kettle nine');
  await checkPage(page, 'identity-account-password-problem');
  await password.getByLabel('Current password').fill(person.password);
  await password.getByRole('button', { name: 'Change my password' }).click();
  await expect(password.getByText('Your password has been changed. You have been signed out on your other devices, and your API tokens no longer work.')).toBeVisible();
  await expect(password.getByLabel('Current password')).toHaveValue('');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await new SignInPage(page).signIn(person.email, 'amber river kettle nine');
});

test('a client turns on two-step sign-in, replaces the recovery codes, and turns it off again', async ({ page, newClient }) => {
  const person = await newClient('two-step');
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(person.email, person.password);
  const account = new AccountPage(page);
  await account.open();
  const twoStep = account.section('Two-step sign-in');
  await expect(twoStep).toContainText('Off.');

  await twoStep.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await twoStep.getByLabel('Your password').fill('wrong password');
  await twoStep.getByRole('button', { name: 'Continue' }).click();
  await expect(twoStep.getByText("That password isn't right. Please try again.")).toBeVisible();
  await twoStep.getByLabel('Your password').fill(person.password);
  await twoStep.getByRole('button', { name: 'Continue' }).click();
  const setup = new TwoStepSetup(page);
  const secret = await setup.confirmWithAppFor(person.email);
  await setup.recoveryCodes();
  await checkPage(page, 'identity-account-two-step-codes');
  await setup.confirmSaved('Done');
  await expect(twoStep).toContainText('On.');

  await twoStep.getByRole('button', { name: 'Get new recovery codes' }).click();
  await twoStep.getByLabel('Your password').fill(person.password);
  await twoStep.getByRole('button', { name: 'Get new recovery codes' }).click();
  await expect(twoStep.getByRole('heading', { name: 'Your new recovery codes' })).toBeVisible();
  await setup.recoveryCodes();
  await setup.confirmSaved('Done');
  await expect(twoStep.getByText('Your new recovery codes are ready. The old ones no longer work.')).toBeVisible();

  await twoStep.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  await twoStep.getByLabel('Your password').fill(person.password);
  await twoStep.getByLabel('6-digit code from your authenticator app').fill(await nextTotpCode(person.email, secret));
  await twoStep.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  await expect(twoStep).toContainText('Off.');
  await expect(twoStep.getByText('Two-step sign-in is off, and your recovery codes no longer work. You have been signed out on your other devices, and your API tokens no longer work.')).toBeVisible();
});

test('a client creates an API token, sees it once, and revokes it', async ({ page, newClient, playwright, baseURL }) => {
  const person = await newClient('tokens');
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(person.email, person.password);
  const account = new AccountPage(page);
  await account.open();
  const tokens = account.section('API tokens');
  await expect(tokens.getByText('You have no tokens.')).toBeVisible();

  await tokens.getByRole('button', { name: 'Create token' }).click();
  await expect(tokens.getByText('Token name is needed.')).toBeVisible();
  await expect(tokens.getByText('Choose at least one scope.')).toBeVisible();
  await expect(tokens.getByLabel('Token name')).toBeFocused();
  await tokens.getByLabel('Token name').fill('Calendar sync');
  await tokens.getByLabel('See your account details').check();
  // A client is offered only what they have: no caseload, no private session notes.
  await expect(tokens.getByLabel('See sessions')).toBeVisible();
  await expect(tokens.getByLabel('See your caseload')).toHaveCount(0);
  await expect(tokens.getByLabel('See your private session notes')).toHaveCount(0);
  await tokens.getByLabel('Stops working after').selectOption({ label: '7 days' });
  await tokens.getByRole('button', { name: 'Create token' }).click();

  await expect(tokens.getByRole('heading', { name: 'Your new token, “Calendar sync”' })).toBeFocused();
  const secret = await tokens.getByLabel('Token', { exact: true }).inputValue();
  expect(secret).toMatch(/^atn_/);
  await checkPage(page, 'identity-account-new-token');

  const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const me = await gql<{ me: { email: string } }>(script, '{ me { email } }');
  expect(me.data?.me.email).toBe(person.email);

  await tokens.getByRole('button', { name: "I've saved it" }).click();
  await expect(tokens.getByLabel('Token', { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(account.tokens()).toHaveCount(1);
  await expect(account.tokens().first()).toContainText('Calendar sync');
  await expect(account.tokens().first()).toContainText('account:read');
  await expect(account.tokens().first()).toContainText('Last used');

  await account.tokens().first().getByRole('button', { name: 'Revoke “Calendar sync”' }).click();
  await expect(page.getByText('"Calendar sync" is revoked.')).toBeVisible();
  await expect(account.tokens().first()).toContainText('Revoked');
  const refused = await gql(script, '{ accountSettings { mfaEnabled } }');
  expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(refused.errors?.[0]?.message).toBe('This API token is not valid: it may have been revoked, have expired or be mistyped.');
  await script.dispose();
});

test('after a session ends in this tab, the next person to sign in sees only their own account', async ({ page, browser, newClient }) => {
  const first = await newClient('first');
  const second = await newClient('second');
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(first.email, first.password);
  const account = new AccountPage(page);
  await account.open();
  await expect(page.getByText(`Signed in as ${first.displayName} (${first.email}).`)).toBeVisible();

  // The first person signs this browser out from another device.
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await new SignInPage(phonePage).open();
  await new SignInPage(phonePage).signIn(first.email, first.password);
  await phonePage.goto('/account');
  await phonePage.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(phonePage.getByText('You are now signed out everywhere else.')).toBeVisible();
  await phone.close();

  const nav = page.getByRole('navigation', { name: 'Main' });
  // The next page that asks the API anything finds out.
  await nav.getByRole('link', { name: 'Your home' }).click();
  await expect(signIn.heading()).toBeVisible();
  await expect(page.getByText('Your session has ended, so you have been signed out.')).toBeVisible();

  await signIn.signIn(second.email, second.password);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${second.displayName}` })).toBeVisible();
  await account.open();
  await expect(page.getByText(`Signed in as ${second.displayName} (${second.email}).`)).toBeVisible();
  await expect(page.getByText(first.email)).toHaveCount(0);
  await expect(account.sessions()).toHaveCount(2);
});
