import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPortalStylesheets } from './site-assets';
import { isSitePath } from './site-paths';

describe('public site plumbing', () => {
  it("finds the built portal's stylesheets, and only same-origin ones", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-dist-'));
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<link rel="icon" href="/favicon.svg"><link rel="stylesheet" crossorigin href="/assets/index-abc.css"><link rel="stylesheet" href="https://cdn.example/x.css">',
    );
    expect(findPortalStylesheets(dist)).toEqual(['/assets/index-abc.css']);
    expect(findPortalStylesheets('/nonexistent')).toEqual([]);
  });

  it('claims the public pages and leaves the portal its own', () => {
    for (const p of ['/', '/articles', '/articles/', '/articles/x', '/therapists/sam', '/help', '/first-conversation', '/first-conversation/sent']) {
      expect(isSitePath(p)).toBe(true);
    }
    for (const p of ['/admin/articles', '/sign-in', '/articles-old', '/helpful', '/assets/index.js']) expect(isSitePath(p)).toBe(false);
  });
});
