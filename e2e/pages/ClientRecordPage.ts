import type { Page } from '@playwright/test';

/** /clients/:id: one client's record as their therapist sees it. */
export class ClientRecordPage {
  constructor(private readonly page: Page) {}

  async open(clientId: string) {
    await this.page.goto(`/clients/${clientId}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  section(name: string | RegExp) {
    return this.page.getByRole('region', { name });
  }

  attention() {
    return this.page.getByRole('group', { name: 'Needs your attention' });
  }

  sessions() {
    return this.section('Sessions');
  }

  /** One session in the timeline, found by (part of) its heading. */
  session(heading: string | RegExp) {
    return this.sessions().getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 4, name: heading }) });
  }
}
