import type { Page } from '@playwright/test';

export class AccountPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/account');
    await this.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await this.sessions().first().waitFor();
  }

  section(name: string) {
    return this.page.getByRole('region', { name });
  }

  sessions() {
    return this.page.getByRole('list', { name: 'Your sessions' }).getByRole('listitem');
  }

  tokens() {
    return this.page.getByRole('list', { name: 'Your tokens' }).getByRole('listitem');
  }
}
