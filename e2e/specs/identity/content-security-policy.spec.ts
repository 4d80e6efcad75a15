import type { Page } from '@playwright/test';
import { signInAs } from '../../fixtures/clinical-sign-in';
import { expect, test } from '../../fixtures/people';

/** Collects every Content-Security-Policy violation the page reports, from the console and from the DOM event. */
function watchPolicy(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  // Init scripts are added by the browser's tooling, not the page, so the policy does not stop this one.
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return violations;
}

test('the portal works under its Content-Security-Policy, with no violation on any page', async ({ page }) => {
  const violations = watchPolicy(page);

  const signInResponse = await page.goto('/sign-in');
  const policy = signInResponse!.headers()['content-security-policy'];
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await signInAs(page, 'client@attune.test');
  for (const path of ['/home', '/reflections', '/account']) {
    const response = await page.goto(path);
    expect(response!.headers()['content-security-policy']).not.toContain('unsafe-inline');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }

  await signInAs(page, 'therapist@attune.test');
  await page.goto('/caseload');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');

  // The server-rendered public pages carry no script at all.
  const articles = await page.goto('/articles');
  expect(articles!.headers()['content-security-policy']).toContain("script-src 'none'");
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(violations).toEqual([]);
});
