import type { Page } from '@playwright/test';

/** /caseload: the therapist's clients at a glance. */
export class CaseloadPage {
  constructor(private readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/caseload${query}`);
    await this.page.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    await this.page.getByRole('table').or(this.page.getByText(/No one matches|no one in your care/)).first().waitFor();
  }

  row(clientName: string) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader').getByRole('link', { name: clientName, exact: true }) });
  }

  async search(text: string) {
    await this.page.getByLabel('Search by name or email').fill(text);
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
  }
}
