import type { Page } from '@playwright/test';

export class ArticlesPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/articles');
    await this.page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
  }

  articleLinks() {
    return this.page.getByRole('list').getByRole('heading', { level: 2 }).getByRole('link');
  }
}
