import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPath } from './return-path';

describe('where sign-in returns to', () => {
  it('returns to a page of this site, with its query', () => {
    expect(safeReturnPath('/reflections')).toBe('/reflections');
    expect(safeReturnPath('/caseload?filter=FLAGGED&sort=ATTENTION')).toBe('/caseload?filter=FLAGGED&sort=ATTENTION');
  });

  it('never leaves the site, however the address is dressed up', () => {
    for (const elsewhere of ['https://evil.example/', '//evil.example/path', '/\\evil.example', 'javascript:alert(1)', 'reflections', ' /reflections']) {
      expect(safeReturnPath(elsewhere)).toBe('/');
    }
  });

  it('does not return to the sign-in pages themselves, which would loop', () => {
    for (const page of ['/sign-in', '/sign-in?next=%2Fhome', '/forgot-password', '/reset-password#token', '/accept-invitation']) {
      expect(safeReturnPath(page, '/home')).toBe('/home');
    }
    expect(safeReturnPath('/sign-ins-explained')).toBe('/sign-ins-explained');
  });

  it('uses the fallback when there is nowhere to go back to', () => {
    expect(safeReturnPath(null, '/home')).toBe('/home');
    expect(safeReturnPath('', '/home')).toBe('/home');
  });

  it('carries the page in the sign-in link, encoded, and leaves the link plain for the home page', () => {
    expect(signInPath('/clients/42?tab=notes#reflections')).toBe('/sign-in?next=%2Fclients%2F42%3Ftab%3Dnotes%23reflections');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});
