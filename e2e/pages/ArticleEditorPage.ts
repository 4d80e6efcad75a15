import type { Page } from '@playwright/test';

/** The admin's article editor, found by roles and labels as a person would. */
export class ArticleEditorPage {
  constructor(private readonly page: Page) {}

  async openNew() {
    await this.page.goto('/admin/articles');
    await this.page.getByRole('link', { name: 'Write a new article' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Write a new article' }).waitFor();
  }

  async write(article: { title: string; summary: string; tags: string; body: string }) {
    await this.page.getByLabel('Title', { exact: true }).fill(article.title);
    await this.page.getByLabel('Summary', { exact: true }).fill(article.summary);
    await this.page.getByLabel('Topics').fill(article.tags);
    await this.page.getByLabel('Article text (Markdown)').fill(article.body);
  }

  preview() {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  status() {
    return this.page.getByRole('status').filter({ hasText: /saved|Published|Scheduled|Unpublished|unsaved/i });
  }

  async saveDraft() {
    await this.page.getByRole('button', { name: 'Save draft' }).click();
  }

  async schedule(localDateTime: string) {
    await this.page.getByLabel(/Publish at \(your time/).fill(localDateTime);
    await this.page.getByRole('button', { name: /^(Schedule|Change the time)$/ }).click();
  }

  async publishNow() {
    await this.page.getByRole('button', { name: 'Publish now' }).click();
  }
}
