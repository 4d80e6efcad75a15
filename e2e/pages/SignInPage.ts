import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(path = '/sign-in') {
    await this.page.goto(path);
    await this.heading().waitFor();
  }

  heading(name: string | RegExp = 'Sign in') {
    return this.page.getByRole('heading', { level: 1, name });
  }

  email() {
    return this.page.getByLabel('Email address');
  }

  password() {
    return this.page.getByLabel('Password', { exact: true });
  }

  problem() {
    return this.page.getByRole('alert');
  }

  async submitPassword(email: string, password: string) {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Email and password for an account without a second factor; waits until the person is signed in. */
  async signIn(email: string, password: string) {
    await this.submitPassword(email, password);
    await expect(this.page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  }

  async enterCode(code: string) {
    await expect(this.heading('Enter your code')).toBeVisible();
    await this.page.getByLabel('6-digit code').fill(code);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Email, password and an authenticator code; waits until the person is signed in. */
  async signInWithCode(email: string, password: string, code: () => Promise<string>) {
    await this.submitPassword(email, password);
    await this.enterCode(await code());
    await expect(this.page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  }
}
