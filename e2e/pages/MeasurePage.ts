import { expect, type Page } from '@playwright/test';

/** /measures/:slug: one measure (PHQ-9, GAD-7) as a form, a question per group of radio buttons. */
export class MeasurePage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** A question's group, by its number on the form (its legend starts "3. …"). */
  question(number: number) {
    return this.page.getByRole('group', { name: new RegExp(`^${number}\\. `) });
  }

  answer(number: number, label: string) {
    return this.question(number).getByRole('radio', { name: label, exact: true });
  }

  progress() {
    return this.page.getByRole('status').filter({ hasText: / of \d+ answered$/ });
  }

  /** The line beside the send button: drafts kept, or what still needs an answer. */
  sendStatus() {
    return this.page.getByRole('status').filter({ hasNotText: / of \d+ answered$/ });
  }

  sendButton() {
    return this.page.getByRole('button', { name: 'Send my answers' });
  }

  /** Presses Tab until focus is on what `isTarget` says (keyboard alone), failing after `limit` presses. */
  async tabUntil(isTarget: () => Promise<boolean>, limit = 40) {
    for (let presses = 0; presses < limit; presses += 1) {
      if (await isTarget()) return;
      await this.page.keyboard.press('Tab');
    }
    expect(await isTarget(), `focus reached its target within ${limit} presses of Tab`).toBe(true);
  }

  /** Whether the focused element is a radio button inside question `number`. */
  focusIsIn(number: number) {
    return this.page.evaluate((n) => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement && active.type === 'radio' && Boolean(active.closest('fieldset')?.querySelector('legend')?.textContent?.startsWith(`${n}.`));
    }, number);
  }
}
