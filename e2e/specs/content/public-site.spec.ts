import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';

const PUBLIC_PAGES = [
  { path: '/', name: 'public-home', heading: 'Therapy that starts with feeling safe' },
  { path: '/articles', name: 'public-articles-index', heading: 'Articles' },
  { path: '/articles?tag=starting-therapy', name: 'public-articles-topic', heading: 'Articles about starting therapy' },
  { path: '/articles/what-to-expect-from-a-first-session', name: 'public-article-page', heading: 'What to expect from a first session' },
  { path: '/therapists', name: 'public-therapists', heading: 'Our therapists' },
  { path: '/therapists/sam-okafor', name: 'public-therapist-profile', heading: 'Sam Okafor' },
  { path: '/first-conversation', name: 'public-first-conversation', heading: 'Request a first conversation' },
  { path: '/first-conversation/sent', name: 'public-first-conversation-sent', heading: 'Thank you: we have your request' },
  { path: '/help', name: 'public-help-server', heading: 'Need help now?' },
  { path: '/articles/notes-on-grief-draft', name: 'public-draft-not-found', heading: "We couldn't find that page" },
];

// One test a page: ten axe runs and full-page screenshots in one test came within a breath of its time budget.
for (const { path, name, heading } of PUBLIC_PAGES) {
  test(`the public page ${path} passes axe, names itself, and links to help`, async ({ page }) => {
    const response = await page.goto(path);
    expect([path, response?.status()]).toEqual([path, name === 'public-draft-not-found' ? 404 : 200]);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('banner').getByRole('link', { name: 'Need help now?' })).toBeVisible();
    expect(await page.locator('head link[rel="canonical"]').getAttribute('href')).toMatch(/^http:\/\/localhost:\d+\//);
    await checkPage(page, name);
  });
}

test('the first-conversation form shows its errors accessibly and keeps what was typed', async ({ page }) => {
  await page.goto('/first-conversation');
  await page.getByLabel('Your name').fill('Kim');
  await page.getByLabel('By phone').check();
  await page.getByLabel('Anything you would like us to know? (optional)').fill('Evenings are easier for me.');
  await page.getByRole('button', { name: 'Send my request' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Please check what you entered');
  await expect(summary.getByRole('link', { name: 'Please enter an email address like name@example.com.' })).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Anything you would like us to know? (optional)')).toHaveValue('Evenings are easier for me.');
  await checkPage(page, 'public-first-conversation-errors');
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('a visitor reads the site, meets a therapist and asks for a first conversation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Therapy that starts with feeling safe');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'relationship' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles about relationship');
    await page.getByRole('link', { name: 'When therapy feels stuck' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'When therapy feels stuck' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Name it' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Our therapists' }).click();
    await page.getByRole('link', { name: 'Sam Okafor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sam Okafor' })).toBeVisible();
    await expect(page.getByText('Accepting new clients')).toBeVisible();
    await page.getByRole('link', { name: 'Request a first conversation with Sam Okafor' }).click();

    await expect(page.getByLabel('Would you like to talk to someone in particular? (optional)')).toHaveValue(/[0-9a-f-]{36}/);
    await page.getByLabel('Your name').fill('Ari');
    await page.getByLabel('Email address').fill('ari@example.org');
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you: we have your request');
    await expect(page.getByRole('heading', { level: 2, name: 'What happens next' })).toBeVisible();

    await page.getByRole('link', { name: 'Need help now?' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
    await expect(page.getByText('call your local emergency number now')).toBeVisible();
  });
});
