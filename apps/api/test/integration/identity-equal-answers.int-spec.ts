import argon2 from 'argon2';
import { AfterResponse } from '../../src/common/background/after-response.service';
import { AppLoggerToken } from '../../src/common/logger.module';
import type { AppLogger } from '../../src/common/logger';
import { RESET_REQUESTS_PER_ADDRESS } from '../../src/modules/identity/account.service';
import { MailerService } from '../../src/modules/mail/mailer.service';
import { OutboxEmailEntity } from '../../src/modules/mail/outbox-email.entity';
import { newPerson, SIGN_IN } from '../auth';
import { gql, startTestApp, type TestApp } from '../harness';

const RESET = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const from = (ip: string) => ({ 'x-forwarded-for': ip });

/** Known and unknown emails do the same work before the answer, and get the same answer. No timings: the work is counted. */
describe('identity: the same answer, after the same work, for known and unknown emails', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('checks a password against an argon2 hash of the same cost when nobody has the email', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const verify = jest.spyOn(argon2, 'verify');

    const wrong = await gql(t.http, SIGN_IN, { email: client.email, password: 'not the password at all' }, from('192.0.2.10'));
    const unknown = await gql(t.http, SIGN_IN, { email: 'nobody-by-this-name@example.test', password: 'not the password at all' }, from('192.0.2.10'));

    expect(wrong.errors![0]).toMatchObject({ message: unknown.errors![0]!.message, extensions: { code: 'UNAUTHENTICATED' } });
    expect(verify).toHaveBeenCalledTimes(2);
    const [knownHash, decoyHash] = verify.mock.calls.map(([hash]) => hash);
    expect(knownHash).toBe(client.passwordHash);
    // Same algorithm and parameters ($argon2id$v=19$m=…,t=…,p=…$), so the same cost.
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(decoyHash!)).toBe(parameters(client.passwordHash!));
    expect(decoyHash).not.toBe(client.passwordHash);
  });

  it('answers a reset request before looking the email up, and sends the link after the answer', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    const mailer = t.app.get(MailerService);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const send = jest.spyOn(mailer, 'send').mockImplementation(() => held);

    // The mail cannot go out until released, yet both answers come back, and they are the same.
    const known = await gql(t.http, RESET, { e: client.email }, from('192.0.2.20'));
    const unknown = await gql(t.http, RESET, { e: 'nobody-by-this-name@example.test' }, from('192.0.2.20'));
    expect(known.data).toEqual({ requestPasswordReset: true });
    expect(unknown).toMatchObject({ data: { requestPasswordReset: true }, errors: undefined });
    release();
    await t.app.get(AfterResponse).settled();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({ to: client.email, subject: 'Resetting your Attune password' });
  });

  it('logs a reset email that could not be sent without its address or link, and still answers true', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    jest.spyOn(t.app.get(MailerService), 'send').mockRejectedValue(new Error(`SMTP refused mail to ${client.email}`));
    const logged = jest.spyOn(t.app.get<AppLogger>(AppLoggerToken), 'error');

    expect((await gql(t.http, RESET, { e: client.email }, from('192.0.2.30'))).data).toEqual({ requestPasswordReset: true });
    await t.app.get(AfterResponse).settled();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logged.mock.calls[0])).not.toContain(client.email);
    expect(JSON.stringify(logged.mock.calls[0])).not.toContain('token');
  });

  it('limits reset requests per address as well as per email, with the same answer below the limit', async () => {
    const client = await newPerson(t.dataSource, 'CLIENT');
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS.points; i++) {
      const ok = await gql(t.http, RESET, { e: `someone-${i}@example.test` }, from('198.51.100.40'));
      expect(ok).toMatchObject({ data: { requestPasswordReset: true }, errors: undefined });
    }
    // Over the address's limit, known and unknown emails alike are refused, with nothing sent.
    for (const email of [client.email, 'nobody-by-this-name@example.test']) {
      const limited = await gql(t.http, RESET, { e: email }, from('198.51.100.40'));
      expect(limited.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    }
    // An IPv6 sender is one sender across its /64.
    for (let i = 0; i < RESET_REQUESTS_PER_ADDRESS.points; i++) await gql(t.http, RESET, { e: `v6-${i}@example.test` }, from(`2001:db8:40:1::${i + 1}`));
    expect((await gql(t.http, RESET, { e: 'v6-more@example.test' }, from('2001:db8:40:1:ffff::1'))).errors![0]!.extensions.code).toBe('RATE_LIMITED');
    // Another address still gets through, and the person gets their link.
    expect((await gql(t.http, RESET, { e: client.email }, from('198.51.100.41'))).data).toEqual({ requestPasswordReset: true });
    await t.app.get(AfterResponse).settled();
    expect(await t.dataSource.getRepository(OutboxEmailEntity).countBy({ to: client.email })).toBe(1);
  });
});
