import { logFormat } from './logger';

describe('the log format', () => {
  it('is readable lines while developing and JSON in production, unless LOG_FORMAT says otherwise', () => {
    expect(logFormat({ LOG_FORMAT: 'auto', isProduction: false })).toBe('pretty');
    expect(logFormat({ LOG_FORMAT: 'auto', isProduction: true })).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'json', isProduction: false })).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'pretty', isProduction: true })).toBe('pretty');
  });
});
