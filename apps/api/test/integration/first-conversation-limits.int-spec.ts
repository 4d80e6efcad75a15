import { FirstConversationRequestEntity } from '../../src/modules/enquiries/first-conversation-request.entity';
import { REQUESTS_PER_ADDRESS, REQUESTS_PER_NETWORK, REQUESTS_SITE_WIDE } from '../../src/modules/enquiries/first-conversations.service';
import { gql, startTestApp, type TestApp } from '../harness';

const REQUEST = 'mutation($i: RequestFirstConversationInput!) { requestFirstConversation(input: $i) }';

/** A few senders cannot spend the site-wide limit that keeps everyone else's requests coming in. */
describe('first conversations: limits per address and per network, well inside the site-wide one', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  let sent = 0;
  const ask = (ip: string) => gql(t.http, REQUEST, { i: { name: `Person ${++sent}`, email: `person-${sent}@example.org` } }, { 'x-forwarded-for': ip });
  const code = async (ip: string) => (await ask(ip)).errors?.[0]?.extensions.code ?? 'ok';

  it('trips for one address, and for a handful of neighbours, long before the site-wide limit', () => {
    expect(REQUESTS_PER_ADDRESS.points * 3).toBeLessThanOrEqual(REQUESTS_PER_NETWORK.points);
    expect(REQUESTS_PER_NETWORK.points * 10).toBeLessThan(REQUESTS_SITE_WIDE.points);
  });

  it('holds back an IPv6 host that moves around its /64, while others get through', async () => {
    for (let i = 1; i <= REQUESTS_PER_ADDRESS.points; i++) expect(await code(`2001:db8:7:1::${i}`)).toBe('ok');
    expect(await code('2001:db8:7:1:abcd::99')).toBe('RATE_LIMITED');
    expect(await code('2001:db8:99:1::1')).toBe('ok');
  });

  it('holds back a few addresses of one network together, while other networks get through', async () => {
    const neighbours = Math.ceil(REQUESTS_PER_NETWORK.points / REQUESTS_PER_ADDRESS.points);
    let accepted = 0;
    for (let host = 1; host <= neighbours; host++) {
      for (let i = 0; i < REQUESTS_PER_ADDRESS.points; i++) if ((await code(`203.0.113.${host}`)) === 'ok') accepted++;
    }
    expect(accepted).toBe(REQUESTS_PER_NETWORK.points);
    const refused = await ask('203.0.113.200');
    expect(refused.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    expect(refused.errors![0]!.message).toMatch(/we have the ones you sent/);
    expect(await code('198.51.100.7')).toBe('ok');
    // What was refused was not kept; what got through was.
    expect(await t.dataSource.getRepository(FirstConversationRequestEntity).count()).toBe(REQUESTS_PER_ADDRESS.points + 1 + REQUESTS_PER_NETWORK.points + 1);
  });
});
