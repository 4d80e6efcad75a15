import { checkPage } from '../../fixtures/a11y';
import { gqlOk, signInAs } from '../../fixtures/graphql';
import { expect, test } from '../../fixtures/people';
import { AccountPage } from '../../pages/AccountPage';
import { ClientHomePage } from '../../pages/ClientHomePage';
import { SignInPage } from '../../pages/SignInPage';

const MEMBER = 'query($q: String!) { practiceMembers(search: $q, first: 1) { edges { node { id } } } }';

// The browser says it is in New York; the client lives by Auckland's clock.
test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

/** What the page should say, worked out here with the same Intl the browser uses. */
const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(at);
const clockIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone }).format(at).replace(/\s?[AP]M$/, '');

test("a client chooses a time zone other than the browser's, sees their session in it, and turns reminders off", async ({ page, browser, admin, newClient, newStaff }) => {
  // Two people made through invitations (the therapist sets up two-step sign-in in a browser).
  test.slow();
  const client = await newClient('time-zone');
  const therapist = await newStaff('time-zone-therapist', 'THERAPIST', 'Sam Ortiz');
  const idOf = async (q: string) => (await gqlOk<{ practiceMembers: { edges: { node: { id: string } }[] } }>(admin, MEMBER, { q })).practiceMembers.edges[0]!.node.id;
  const clientId = await idOf(client.email);
  await gqlOk(admin, 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }', { c: clientId, t: await idOf(therapist.email) });

  // Two days ahead at 20:00 UTC: afternoon in New York, the next morning in Auckland.
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  startsAt.setUTCHours(20, 0, 0, 0);
  const theirs = await (await browser.newContext()).newPage();
  await signInAs(theirs.request, therapist.email, therapist.password, therapist.secret);
  await gqlOk(theirs.request, 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', {
    input: { clientId, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 50 * 60_000).toISOString(), modality: 'VIDEO' },
  });
  await theirs.context().close();
  expect(dayIn(startsAt, 'Pacific/Auckland')).not.toBe(dayIn(startsAt, 'America/New_York'));

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(client.email, client.password);

  // Before choosing, home shows the browser's zone, unnamed.
  const home = new ClientHomePage(page);
  await home.open();
  await expect(home.nextSession()).toContainText(dayIn(startsAt, 'America/New_York'));
  await expect(home.nextSession()).not.toContainText('Pacific/Auckland');

  const account = new AccountPage(page);
  await account.open();
  const settings = account.section('Time and reminders');
  const zone = settings.getByLabel('Your time zone');
  const reminder = settings.getByLabel('Session reminder email');
  const measures = settings.getByLabel('Email me when my therapist asks me to fill in a questionnaire');
  // Nothing chosen yet: the device's zone, said to be the device's; reminders a day before; measure reminders on.
  await expect(zone).toHaveValue('America/New_York');
  await expect(zone.locator('option:checked')).toHaveText('America/New York (this device)');
  await expect(reminder).toHaveValue('1440');
  await expect(measures).toBeChecked();
  await checkPage(page, 'identity-account-time-and-reminders');

  await zone.selectOption('Pacific/Auckland');
  await reminder.selectOption({ label: 'Off: no reminder emails' });
  await measures.uncheck();
  await settings.getByRole('button', { name: 'Save these settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved. Times in Attune are now shown in Pacific/Auckland time.');
  await checkPage(page, 'identity-account-time-and-reminders-saved');

  // A reload keeps every choice.
  await page.reload();
  await account.open();
  await expect(zone).toHaveValue('Pacific/Auckland');
  await expect(reminder).toHaveValue('off');
  await expect(measures).not.toBeChecked();

  // Home now shows the session on Auckland's day and clock, and says whose clock that is.
  await home.open();
  const next = home.nextSession();
  await expect(next).toContainText(dayIn(startsAt, 'Pacific/Auckland'));
  await expect(next).toContainText(clockIn(startsAt, 'Pacific/Auckland'));
  await expect(next).toContainText('(Pacific/Auckland)');
  await expect(next).not.toContainText(dayIn(startsAt, 'America/New_York'));
  await checkPage(page, 'identity-time-zone-client-home');
});
