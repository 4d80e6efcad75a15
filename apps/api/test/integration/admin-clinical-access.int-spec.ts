import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { OutboxEmailEntity } from '../../src/modules/mail/outbox-email.entity';
import { looksLikeSamePerson } from '../../src/modules/care/self-assignment';
import { newPerson, signedIn } from '../auth';
import { browser, gql, startTestApp, type Http, type TestApp } from '../harness';

const INVITE = 'mutation($i: InviteUserInput!) { inviteUser(input: $i) }';
const ACCEPT = 'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { mfaEnrollmentRequired } }';
const ASSIGN = 'mutation($c: ID!, $t: ID!) { assignClient(clientId: $c, therapistId: $t) }';
const ACCESS = '{ myClinicalAccess { id displayName email activeClients } }';

describe('an admin with a therapist account of their own shows as having clinical access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** A therapist account made the real way: invited by `admin`, accepted by its holder. Returns its id. */
  async function invitedTherapist(admin: Http, email: string, displayName: string) {
    expect((await gql(admin, INVITE, { i: { email, displayName, role: 'THERAPIST' } })).errors).toBeUndefined();
    const mail = await t.dataSource.getRepository(OutboxEmailEntity).findOneOrFail({ where: { to: email }, order: { createdAt: 'DESC' } });
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect((await gql(browser(t), ACCEPT, { i: { token, password: 'a quiet harbour at dawn', displayName } })).errors).toBeUndefined();
    const [row] = await t.dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [email]);
    return row!.id;
  }

  const assignment = (clientId: string) =>
    t.dataSource.getRepository(AuditEventEntity).findOneOrFail({ where: { action: 'care.assigned', subjectUserId: clientId }, order: { id: 'DESC' } });

  it('recognises the same person by name or by the email before any +tag', () => {
    const admin = { email: 'jo.lind@practice.example', displayName: 'Jo Lindqvist' };
    expect(looksLikeSamePerson(admin, { email: 'jo.lind+clinic@practice.example', displayName: 'Dr. J. Lindqvist' })).toBe(true);
    expect(looksLikeSamePerson(admin, { email: 'therapy@elsewhere.example', displayName: '  jo   LINDQVIST ' })).toBe(true);
    expect(looksLikeSamePerson(admin, { email: 'sam@practice.example', displayName: 'Sam Okafor' })).toBe(false);
  });

  it('flags assigning a client to the admin’s own therapist account, and says so on the admin’s home', async () => {
    const admin = await newPerson(t.dataSource, 'ADMIN', { email: 'jo.lind@practice.example', displayName: 'Jo Lindqvist' });
    const otherAdmin = await newPerson(t.dataSource, 'ADMIN', { email: 'ana@practice.example', displayName: 'Ana Ruiz' });
    const jo = await signedIn(t, admin);
    const ana = await signedIn(t, otherAdmin);
    expect((await gql(jo, ACCESS)).data).toEqual({ myClinicalAccess: [] });

    const own = await invitedTherapist(jo, 'jo.lind+clinic@practice.example', 'Dr. Jo Lindqvist');
    const colleague = await invitedTherapist(jo, 'sam@practice.example', 'Sam Okafor');
    // Same name, but invited by another admin: not Jo's to answer for.
    const namesake = await invitedTherapist(ana, 'jo.lindqvist@elsewhere.example', 'Jo Lindqvist');
    // Invited but without clients yet: no clinical access to show.
    expect((await gql(jo, ACCESS)).data).toEqual({ myClinicalAccess: [] });

    const [first, second, third] = await Promise.all([newPerson(t.dataSource, 'CLIENT'), newPerson(t.dataSource, 'CLIENT'), newPerson(t.dataSource, 'CLIENT')]);
    expect((await gql(jo, ASSIGN, { c: first!.id, t: own })).data).toEqual({ assignClient: true });
    expect((await gql(jo, ASSIGN, { c: second!.id, t: colleague })).data).toEqual({ assignClient: true });
    expect((await gql(jo, ASSIGN, { c: third!.id, t: namesake })).data).toEqual({ assignClient: true });

    expect((await assignment(first!.id)).metadata).toMatchObject({ toTherapistId: own, selfAssigned: true });
    expect((await assignment(second!.id)).metadata).not.toHaveProperty('selfAssigned');
    expect((await assignment(third!.id)).metadata).not.toHaveProperty('selfAssigned');

    expect((await gql(jo, ACCESS)).data).toEqual({
      myClinicalAccess: [{ id: own, displayName: 'Dr. Jo Lindqvist', email: 'jo.lind+clinic@practice.example', activeClients: 1 }],
    });
    // Another admin's home shows nothing of Jo's; a therapist cannot ask at all.
    expect((await gql(ana, ACCESS)).data).toEqual({ myClinicalAccess: [] });
    const therapist = await signedIn(t, await newPerson(t.dataSource, 'THERAPIST'));
    expect((await gql(therapist, ACCESS)).errors![0]!.extensions.code).toBe('FORBIDDEN');
  });
});
