import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkPage } from '../../fixtures/a11y';
import { signInAs } from '../../fixtures/staff-sign-in';
import { ArticleEditorPage } from '../../pages/ArticleEditorPage';

// The admin works in Auckland; the schedule is stored in UTC and shown back in their time.
test.use({ timezoneId: 'Pacific/Auckland' });

const TITLE = 'Not sure you are ready for therapy';
const SLUG = 'not-sure-you-are-ready-for-therapy';
const DEMO_DRAFT = { title: 'Notes on grief (draft)', slug: 'notes-on-grief-draft' };

/** What an anonymous visitor can find: the index, the page itself, the feed and the sitemap. */
async function visitorFinds(request: APIRequestContext, title: string, slug: string) {
  const index = await (await request.get('/articles')).text();
  const page = await request.get(`/articles/${slug}`);
  const feedXml = await (await request.get('/feed.xml')).text();
  const sitemapXml = await (await request.get('/sitemap.xml')).text();
  expect(XMLValidator.validate(feedXml)).toBe(true);
  expect(XMLValidator.validate(sitemapXml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'url' });
  const entries = (parser.parse(feedXml).feed.entry ?? []) as { title: { '#text': string } }[];
  const urls = (parser.parse(sitemapXml).urlset.url as { loc: string }[]).map((url) => url.loc);
  return {
    inIndex: index.includes(`href="/articles/${slug}"`),
    pageStatus: page.status(),
    inFeed: entries.some((entry) => entry.title['#text'] === title),
    inSitemap: urls.some((url) => url.endsWith(`/articles/${slug}`)),
  };
}

async function anonymous(browser: Browser) {
  const context = await browser.newContext();
  return { context, request: context.request };
}

test('an admin writes, previews, schedules and publishes; a visitor then finds it, and a draft stays hidden', async ({ page, browser }) => {
  await signInAs(page, 'admin@attune.test');
  const editor = new ArticleEditorPage(page);
  await editor.openNew();

  await editor.write({
    title: TITLE,
    summary: 'Almost nobody feels ready. Here is what you can do with that feeling.',
    tags: 'starting-therapy, readiness',
    body: '## You do not need to be sure\n\nFeeling **unsure** is normal.\n\n<script>window.hacked = true</script>\n\n- Ask questions\n- Go at your pace',
  });
  // The live preview goes through the same sanitizer as the published page.
  const preview = editor.preview();
  await expect(preview.getByRole('heading', { name: 'You do not need to be sure' })).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveText(['Ask questions', 'Go at your pace']);
  expect(await preview.innerHTML()).not.toContain('<script');
  await checkPage(page, 'admin-article-editor');

  await editor.saveDraft();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/articles\/[0-9a-f-]{36}$/);

  const visitor = await anonymous(browser);
  expect(await visitorFinds(visitor.request, TITLE, SLUG)).toEqual({ inIndex: false, pageStatus: 404, inFeed: false, inSitemap: false });

  // Scheduled for 9 in the morning, Auckland time, on a day safely in the future.
  await editor.schedule('2031-01-15T09:00');
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled for' })).toContainText('January 15, 2031');
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled for' })).toContainText('Pacific/Auckland');
  const stored = await page.request.post('/graphql', { data: { query: '{ adminArticles(status: SCHEDULED) { edges { node { slug publishedAt } } } }' } });
  expect((await stored.json()).data.adminArticles.edges).toContainEqual({ node: { slug: SLUG, publishedAt: '2031-01-14T20:00:00.000Z' } });
  expect(await visitorFinds(visitor.request, TITLE, SLUG)).toEqual({ inIndex: false, pageStatus: 404, inFeed: false, inSitemap: false });
  await checkPage(page, 'admin-article-scheduled');

  await page.getByRole('link', { name: 'All articles' }).click();
  const row = page.getByRole('row', { name: new RegExp(TITLE) });
  await expect(row.getByRole('cell', { name: /^Scheduled/ })).toBeVisible();
  await checkPage(page, 'admin-articles');
  await row.getByRole('link', { name: TITLE }).click();

  await editor.publishNow();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  expect(await visitorFinds(visitor.request, TITLE, SLUG)).toEqual({ inIndex: true, pageStatus: 200, inFeed: true, inSitemap: true });

  // The visitor reads it as a person would: from the index to the page.
  const reader = await visitor.context.newPage();
  await reader.goto('/articles');
  await reader.getByRole('link', { name: TITLE }).click();
  await expect(reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2, name: 'You do not need to be sure' })).toBeVisible();
  expect(await reader.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
  await checkPage(reader, 'public-new-article');

  // The demo draft is hidden everywhere, from anyone who is not an editor.
  expect(await visitorFinds(visitor.request, DEMO_DRAFT.title, DEMO_DRAFT.slug)).toEqual({ inIndex: false, pageStatus: 404, inFeed: false, inSitemap: false });
  const graphqlDraft = await visitor.request.post('/graphql', { data: { query: `{ article(slug: "${DEMO_DRAFT.slug}") { id } }` } });
  expect((await graphqlDraft.json()).data.article).toBeNull();
  await visitor.context.close();
});

test('two admins editing one article: the second save is refused, and nothing they typed is lost', async ({ page, browser }) => {
  await signInAs(page, 'admin@attune.test');
  const other = await browser.newContext({ timezoneId: 'Pacific/Auckland' });
  const otherPage = await other.newPage();
  await signInAs(otherPage, 'admin@attune.test');

  const editor = new ArticleEditorPage(page);
  await editor.openNew();
  await editor.write({ title: 'Two people, one draft', summary: 'A draft two admins open at once.', tags: '', body: 'The first words.' });
  await editor.saveDraft();
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  await otherPage.goto(page.url());
  await expect(otherPage.getByLabel('Article text (Markdown)')).toHaveValue('The first words.');

  await page.getByLabel('Article text (Markdown)').fill('Alex changed this.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved at' })).toBeVisible();

  await otherPage.getByLabel('Article text (Markdown)').fill('Sam wrote something else.');
  await otherPage.getByRole('button', { name: 'Save draft' }).click();
  const alert = otherPage.getByRole('alert').filter({ hasText: 'Someone else saved this article after you opened it' });
  await expect(alert).toBeVisible();
  await checkPage(otherPage, 'admin-article-conflict');
  await alert.getByRole('button', { name: 'Load their version' }).click();
  await expect(otherPage.getByLabel('Article text (Markdown)')).toHaveValue('Alex changed this.');
  await expect(otherPage.getByLabel('Your article text')).toHaveValue('Sam wrote something else.');

  // Merging by hand, then saving on top of their version, works.
  await otherPage.getByLabel('Article text (Markdown)').fill('Alex changed this. Sam wrote something else.');
  await otherPage.getByRole('button', { name: 'Save draft' }).click();
  await expect(otherPage.getByRole('status').filter({ hasText: 'Saved at' })).toBeVisible();

  // The history has every save, and an earlier one can be restored.
  const history = otherPage.getByRole('region', { name: 'Revision history' });
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await history.getByRole('button', { name: 'Restore version 1' }).click();
  await history.getByRole('group', { name: 'Restore version 1?' }).getByRole('button', { name: 'Restore version 1' }).click();
  await expect(otherPage.getByLabel('Article text (Markdown)')).toHaveValue('The first words.');
  await expect(history.getByRole('listitem')).toHaveCount(4);
  await other.close();
});
