import type { Page } from '@playwright/test';

/** /check-in/:sessionId: four 0–10 questions and a comment. */
export class CheckInPage {
  constructor(private readonly page: Page) {}

  async open(sessionId: string) {
    await this.page.goto(`/check-in/${sessionId}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  question(text: string) {
    return this.page.getByRole('group', { name: text });
  }

  async answer(text: string, score: number) {
    await this.question(text).getByRole('radio', { name: String(score), exact: true }).check();
  }
}
