import { gql, gqlOk, signInAs } from '../../fixtures/graphql';
import { expect, freshEmail, FRESH_PASSWORD, linkFromOutbox, test } from '../../fixtures/people';

const MEMBER = 'query($q: String!) { practiceMembers(search: $q, first: 1) { edges { node { id } } } }';

test('an admin who gives a therapist account of their own a client sees it on their home', async ({ page, playwright, baseURL, newStaff, newClient }) => {
  const jo = await newStaff('own-care-admin', 'ADMIN', 'Jo Lindqvist');
  await signInAs(page.request, jo.email, jo.password, jo.secret);
  // The admin home is the portal's own "/" (a full load of "/" is the public site): reach it through the menu.
  const openHome = async () => {
    await page.goto('/account');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  };
  await openHome();
  await expect(page.getByRole('heading', { level: 1, name: 'Hello, Jo Lindqvist' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Your clinical access' })).toHaveCount(0);

  // Jo also practises: she invites a therapist account in her own name, accepts it, and gives it a client.
  const clinicEmail = freshEmail('jo-clinic');
  await gqlOk(page.request, 'mutation($input: InviteUserInput!) { inviteUser(input: $input) }', { input: { email: clinicEmail, displayName: 'Jo Lindqvist', role: 'THERAPIST' } });
  const link = await linkFromOutbox(page.request, clinicEmail, /invited you/);
  const phone = await playwright.request.newContext({ baseURL });
  const accepted = await gql(phone, 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { mfaEnrollmentRequired } }', {
    input: { token: new URLSearchParams(link.split('#')[1]).get('token'), password: FRESH_PASSWORD, displayName: 'Jo Lindqvist' },
  });
  expect(accepted.errors).toBeUndefined();
  await phone.dispose();
  const client = await newClient('jo-client');
  const idOf = async (q: string) => (await gqlOk<{ practiceMembers: { edges: { node: { id: string } }[] } }>(page.request, MEMBER, { q })).practiceMembers.edges[0]!.node.id;
  await gqlOk(page.request, 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }', { c: await idOf(client.email), t: await idOf(clinicEmail) });

  await openHome();
  await expect(page.getByRole('note', { name: 'Your clinical access' })).toHaveText(
    `You have clinical access through Jo Lindqvist (${clinicEmail}), a therapist account of your own with 1 client in its care. Assigning clients to it is marked in the audit log.`,
  );
});
