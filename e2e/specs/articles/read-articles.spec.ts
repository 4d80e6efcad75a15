import { expect, test } from '@playwright/test';
import { checkPage } from '../../fixtures/a11y';
import { ArticlesPage } from '../../pages/ArticlesPage';

test('a visitor finds the published articles and reads one', async ({ page }) => {
  const articles = new ArticlesPage(page);
  await articles.open();
  // The four demo articles (other specs may publish more in the same run).
  for (const title of ['What to expect from a first session', 'Feeling safe with your therapist matters', 'When therapy feels stuck', 'Small practices between sessions']) {
    await expect(articles.articleLinks().filter({ hasText: title })).toHaveCount(1);
  }
  await expect(page.getByRole('link', { name: 'Notes on grief (draft)' })).toHaveCount(0);
  await checkPage(page, 'public-articles');

  await page.getByRole('link', { name: 'Feeling safe with your therapist matters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Feeling safe with your therapist matters' })).toBeVisible();
  await expect(page.getByRole('blockquote')).toContainText('It is not rude');
  await expect(page).toHaveTitle(/Feeling safe with your therapist matters/);
  await checkPage(page, 'public-article');
});

test('a tag shows only its articles, and the crisis link is always there', async ({ page }) => {
  await page.goto('/articles?tag=relationship');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles about relationship');
  await expect(page.getByRole('list').getByRole('heading', { level: 2 })).toHaveCount(2);
  await page.getByRole('banner').getByRole('link', { name: 'Need help now?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
  await checkPage(page, 'public-help');
});

test('the home page and an unknown page are kind and accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Therapy that starts with feeling safe');
  await checkPage(page, 'public-home');
  await page.goto('/articles/no-such-article');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("We couldn't find that page");
  await checkPage(page, 'public-not-found');
});

test('the skip link takes keyboard users to the content', async ({ page }) => {
  await page.goto('/articles');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
