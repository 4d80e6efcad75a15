import type { Page } from '@playwright/test';

/** /admin/care: who cares for whom. */
export class AdminCarePage {
  constructor(private readonly page: Page) {}

  /** With `search`, only the people it finds: other specs' clients may fill the first page. */
  async open(search?: string) {
    await this.page.goto(search ? `/admin/care?search=${encodeURIComponent(search)}` : '/admin/care');
    await this.page.getByRole('heading', { level: 1, name: 'Care relationships' }).waitFor();
    await this.page.getByRole('table').waitFor();
  }

  row(clientName: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${clientName}`) }) });
  }
}
