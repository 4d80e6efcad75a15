import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults for a newcomer', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PUBLIC_URL).toBe('http://localhost:3000');
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
});
