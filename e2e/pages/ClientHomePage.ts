import type { Page } from '@playwright/test';

/** /home, as a client sees it. */
export class ClientHomePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/home');
    await this.page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
  }

  section(name: string | RegExp) {
    return this.page.getByRole('region', { name });
  }

  nextSession() {
    return this.section('Your next session');
  }

  checkIns() {
    return this.section('Check-ins');
  }

  responses() {
    return this.section('Responses to your reflections');
  }
}
