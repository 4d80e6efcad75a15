import type { Page } from '@playwright/test';

/** /admin/care: who cares for whom. */
export class AdminCarePage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/admin/care');
    await this.page.getByRole('heading', { level: 1, name: 'Care relationships' }).waitFor();
    await this.page.getByRole('table').waitFor();
  }

  row(clientName: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${clientName}`) }) });
  }
}
