import { AuditEventEntity } from '../../src/modules/audit/audit-event.entity';
import { CareRelationshipEntity } from '../../src/modules/care/care-relationship.entity';
import { ArticleEntity } from '../../src/modules/content/article.entity';
import type { UserEntity } from '../../src/modules/users/user.entity';
import { newPerson, signedIn } from '../auth';
import { newArticle } from '../factories/article.factory';
import { gql, startTestApp, type Http, type TestApp } from '../harness';

const SHARE = `mutation Share($input: ShareArticleInput!) { shareArticle(input: $input) { id note sharedBy { displayName } article { slug title } } }`;
const SHARED = `query Shared($clientId: ID, $first: Int, $after: String) {
  sharedArticles(clientId: $clientId, first: $first, after: $after) { edges { node { note sharedBy { displayName } article { slug } } } pageInfo { hasNextPage endCursor } }
}`;
type Shared = { sharedArticles: { edges: { node: { note: string | null; sharedBy: { displayName: string }; article: { slug: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
const codeOf = (result: { errors?: { extensions: { code: string } }[] }) => result.errors?.[0]?.extensions.code;

describe('sending an article to a client', () => {
  let t: TestApp;
  let therapist: UserEntity;
  let client: UserEntity;
  let otherClient: UserEntity;
  let formerClient: UserEntity;
  let therapistAgent: Http;
  let clientAgent: Http;
  let article: ArticleEntity;

  beforeAll(async () => {
    t = await startTestApp();
    therapist = await newPerson(t.dataSource, 'THERAPIST', { displayName: 'Dr. Priya Raman' });
    client = await newPerson(t.dataSource, 'CLIENT', { displayName: 'Jordan Lee' });
    otherClient = await newPerson(t.dataSource, 'CLIENT');
    formerClient = await newPerson(t.dataSource, 'CLIENT', { displayName: 'Former Client' });
    const otherTherapist = await newPerson(t.dataSource, 'THERAPIST');
    await t.dataSource.getRepository(CareRelationshipEntity).insert([
      { therapistId: therapist.id, clientId: client.id },
      { therapistId: otherTherapist.id, clientId: otherClient.id },
      { therapistId: therapist.id, clientId: formerClient.id, endedAt: new Date() },
    ]);
    article = await newArticle(t.dataSource, therapist.id, { slug: 'feeling-safe', title: 'Feeling safe' });
    therapistAgent = await signedIn(t, therapist);
    clientAgent = await signedIn(t, client);
  });
  afterAll(() => t.close());

  it('lets a therapist send a published article with a note, and the client finds it in their portal', async () => {
    const recipients = await gql<{ articleRecipients: { id: string; displayName: string }[] }>(therapistAgent, '{ articleRecipients { id displayName } }');
    expect(recipients.data!.articleRecipients).toEqual([{ id: client.id, displayName: 'Jordan Lee' }]);

    const sent = await gql<{ shareArticle: { note: string; sharedBy: { displayName: string } } }>(therapistAgent, SHARE, {
      input: { articleId: article.id, clientId: client.id, note: '  This made me think of what you said.  ' },
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.shareArticle).toMatchObject({ note: 'This made me think of what you said.', sharedBy: { displayName: 'Dr. Priya Raman' } });

    const inbox = await gql<Shared>(clientAgent, SHARED);
    expect(inbox.data!.sharedArticles.edges.map((edge) => edge.node)).toEqual([
      { note: 'This made me think of what you said.', sharedBy: { displayName: 'Dr. Priya Raman' }, article: { slug: 'feeling-safe' } },
    ]);
    const sentList = await gql<Shared>(therapistAgent, SHARED, { clientId: client.id });
    expect(sentList.data!.sharedArticles.edges).toHaveLength(1);
    const audit = await t.dataSource.getRepository(AuditEventEntity).findBy({ action: 'article.shared', subjectUserId: client.id });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.metadata)).not.toContain('made me think');
  });

  it('refuses clients outside the therapist’s active care, drafts, and everyone but therapists', async () => {
    const draft = await newArticle(t.dataSource, therapist.id, { status: 'DRAFT', publishedAt: null });
    const scheduled = await newArticle(t.dataSource, therapist.id, { publishedAt: new Date(Date.now() + 3_600_000) });
    expect(codeOf(await gql(therapistAgent, SHARE, { input: { articleId: article.id, clientId: otherClient.id } }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(therapistAgent, SHARE, { input: { articleId: article.id, clientId: formerClient.id } }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(therapistAgent, SHARE, { input: { articleId: draft.id, clientId: client.id } }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(therapistAgent, SHARE, { input: { articleId: scheduled.id, clientId: client.id } }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(therapistAgent, SHARE, { input: { articleId: article.id, clientId: client.id, note: 'x'.repeat(501) } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(clientAgent, SHARE, { input: { articleId: article.id, clientId: client.id } }))).toBe('FORBIDDEN');
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const adminAgent = await signedIn(t, admin);
    expect(codeOf(await gql(adminAgent, SHARE, { input: { articleId: article.id, clientId: client.id } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(adminAgent, SHARED, { clientId: client.id }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.http, SHARED))).toBe('UNAUTHENTICATED');
    // A therapist sees what they sent only to clients in their care; a client only their own.
    expect(codeOf(await gql(therapistAgent, SHARED, { clientId: otherClient.id }))).toBe('NOT_FOUND');
    expect(codeOf(await gql(clientAgent, SHARED, { clientId: otherClient.id }))).toBe('NOT_FOUND');
    const otherAgent = await signedIn(t, otherClient);
    expect((await gql<Shared>(otherAgent, SHARED)).data!.sharedArticles.edges).toEqual([]);
  });

  it('quietly drops an article from the client’s list when it is unpublished, and pages the rest', async () => {
    const more = [];
    for (let i = 0; i < 3; i++) more.push(await newArticle(t.dataSource, therapist.id, { slug: `more-${i}` }));
    for (const each of more) await gql(therapistAgent, SHARE, { input: { articleId: each.id, clientId: client.id } });
    await t.dataSource.getRepository(ArticleEntity).update({ id: more[1]!.id }, { status: 'DRAFT', publishedAt: null });
    const page1 = await gql<Shared>(clientAgent, SHARED, { first: 2 });
    expect(page1.data!.sharedArticles.edges.map((edge) => edge.node.article.slug)).toEqual(['more-2', 'more-0']);
    const page2 = await gql<Shared>(clientAgent, SHARED, { first: 2, after: page1.data!.sharedArticles.pageInfo.endCursor });
    expect(page2.data!.sharedArticles.edges.map((edge) => edge.node.article.slug)).toEqual(['feeling-safe']);
  });
});

describe('therapist profiles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const SAVE = `mutation Save($input: SaveTherapistProfileInput!) { saveTherapistProfile(input: $input) { id slug displayName pronouns specialties acceptingNewClients published version } }`;
  const input = { displayName: 'Sam Okafor', pronouns: 'he/him', approach: 'Gentle and steady.', specialties: ['Grief and loss'], acceptingNewClients: true, published: false };
  type Saved = { saveTherapistProfile: { id: string; slug: string; version: number; published: boolean } };

  it('lets a therapist write their own profile, and shows it publicly only once published', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const agent = await signedIn(t, therapist);
    const first = await gql<Saved>(agent, SAVE, { input });
    expect(first.data!.saveTherapistProfile).toMatchObject({ slug: 'sam-okafor', published: false, version: 1 });
    expect((await gql<{ therapist: unknown }>(t.http, '{ therapist(slug: "sam-okafor") { id } }')).data!.therapist).toBeNull();
    await t.http.get('/therapists/sam-okafor').expect(404);

    const published = await gql<Saved>(agent, SAVE, { input: { ...input, published: true, version: 1 } });
    expect(published.data!.saveTherapistProfile).toMatchObject({ published: true, version: 2 });
    const directory = await gql<{ therapists: { edges: { node: { slug: string } }[] } }>(t.http, '{ therapists(acceptingNewClients: true) { edges { node { slug displayName } } } }');
    expect(directory.data!.therapists.edges.map((edge) => edge.node.slug)).toEqual(['sam-okafor']);
    await t.http.get('/therapists/sam-okafor').expect(200);

    expect((await gql(agent, SAVE, { input: { ...input, version: 1 } })).errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2 });
    const mine = await gql<{ myTherapistProfile: { slug: string } }>(agent, '{ myTherapistProfile { slug } }');
    expect(mine.data!.myTherapistProfile.slug).toBe('sam-okafor');

    // Another therapist with the same name gets the next free address.
    const namesake = await newPerson(t.dataSource, 'THERAPIST');
    const second = await gql<Saved>(await signedIn(t, namesake), SAVE, { input });
    expect(second.data!.saveTherapistProfile.slug).toBe('sam-okafor-2');
  });

  it('lets admins save any therapist’s profile, and refuses clients and other therapists', async () => {
    const therapist = await newPerson(t.dataSource, 'THERAPIST');
    const admin = await newPerson(t.dataSource, 'ADMIN');
    const adminAgent = await signedIn(t, admin);
    expect(codeOf(await gql(adminAgent, SAVE, { input }))).toBe('BAD_USER_INPUT');
    const saved = await gql<Saved>(adminAgent, SAVE, { input: { ...input, displayName: 'Rua Tane', therapistId: therapist.id } });
    expect(saved.data!.saveTherapistProfile.slug).toBe('rua-tane');
    expect(codeOf(await gql(adminAgent, SAVE, { input: { ...input, therapistId: admin.id } }))).toBe('NOT_FOUND');

    const other = await newPerson(t.dataSource, 'THERAPIST');
    expect(codeOf(await gql(await signedIn(t, other), SAVE, { input: { ...input, therapistId: therapist.id } }))).toBe('FORBIDDEN');
    const client = await newPerson(t.dataSource, 'CLIENT');
    expect(codeOf(await gql(await signedIn(t, client), SAVE, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(t.http, SAVE, { input }))).toBe('UNAUTHENTICATED');
    const invalid = await gql(adminAgent, SAVE, { input: { ...input, therapistId: therapist.id, displayName: '', specialties: Array(13).fill('x') } });
    expect(invalid.errors![0]!.extensions.fields!.map((field) => field.path.join('.'))).toEqual(expect.arrayContaining(['input.displayName', 'input.specialties']));
  });
});
