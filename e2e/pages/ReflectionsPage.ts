import type { Page } from '@playwright/test';

/** /reflections: writing, drafts, and sharing each reflection. */
export class ReflectionsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/reflections');
    await this.page.getByRole('heading', { level: 1, name: 'Your reflections' }).waitFor();
  }

  writeForm() {
    return this.page.getByRole('form', { name: 'Write a reflection' });
  }

  body() {
    return this.page.getByLabel("What's on your mind?");
  }

  draftStatus() {
    return this.writeForm().getByRole('status').first();
  }

  /** The reflection whose text contains `text`. */
  reflection(text: string) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('article') }).filter({ hasText: text });
  }
}
