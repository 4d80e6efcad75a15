import { expect, type Page } from '@playwright/test';
import { nextTotpCode } from '../fixtures/totp';

/** The steps of setting up an authenticator app, wherever they appear (sign-in, invitation, account). */
export class TwoStepSetup {
  constructor(private readonly page: Page) {}

  /** Reads the key as a person who cannot scan the QR code would, and answers with a code from it. */
  async confirmWithAppFor(account: string) {
    await expect(this.page.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
    await expect(this.page.getByRole('img', { name: /QR code that adds your Attune account/ })).toBeVisible();
    const secret = (await this.page.getByLabel(/type this setup key/).inputValue()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await this.page.getByLabel('Enter the 6-digit code the app shows').fill(await nextTotpCode(account, secret));
    await this.page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await expect(this.page.getByRole('heading', { name: /recovery codes/ })).toBeVisible();
    return secret;
  }

  async recoveryCodes() {
    const items = this.page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
    await expect(items).toHaveCount(10);
    return items.allInnerTexts();
  }

  async confirmSaved(button: string) {
    await this.page.getByLabel('I have saved my recovery codes somewhere safe').check();
    await this.page.getByRole('button', { name: button }).click();
  }
}
