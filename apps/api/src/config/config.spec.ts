import { ConfigError, loadConfig, startupWarnings } from './config';

describe('loadConfig', () => {
  it('applies defaults for a newcomer', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('takes the practice time zone as an IANA name, UTC by default, and names a bad one', () => {
    expect(loadConfig({}).PRACTICE_TIME_ZONE).toBe('UTC');
    expect(loadConfig({ PRACTICE_TIME_ZONE: 'Pacific/Auckland' }).PRACTICE_TIME_ZONE).toBe('Pacific/Auckland');
    expect(() => loadConfig({ PRACTICE_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/PRACTICE_TIME_ZONE must be an IANA time zone/);
    expect(loadConfig({}).JOBS_WORKER).toBe('on');
  });

  it('names a bad PORT in one line', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^Configuration error: PORT .*"70000"/);
  });

  it('names a bad DATABASE_URL without echoing the secret', () => {
    try {
      loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/attune' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect((error as Error).message).toMatch(/^Configuration error: DATABASE_URL/);
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('reads TRUST_PROXY as Express takes it', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.168.1.4' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.4']);
  });

  it('names a bad TRUST_PROXY in one line', () => {
    for (const bad of ['yes', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1,', '-1', '::1/129']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/^Configuration error: TRUST_PROXY must be true, false, a number/);
    }
  });

  it('needs APP_SECRET in production, and never echoes it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^Configuration error: APP_SECRET is required in production/);
    expect(loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32) }).APP_SECRET).toBe('x'.repeat(32));
    expect(() => loadConfig({ APP_SECRET: 'hunter2' })).toThrow(/^Configuration error: APP_SECRET must be at least 32 characters[^"]*\.$/);
  });

  it('warns in production without REDIS_URL that limits are per process', () => {
    const production = loadConfig({ NODE_ENV: 'production', APP_SECRET: 'x'.repeat(32) });
    expect(startupWarnings(production)).toEqual([expect.stringMatching(/^REDIS_URL is not set: rate limits .* per process/)]);
    expect(startupWarnings({ ...production, REDIS_URL: 'redis://cache:6379' })).toEqual([]);
    expect(startupWarnings(loadConfig({}))).toEqual([]);
  });
});
