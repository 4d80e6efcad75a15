import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newPerson, SIGN_IN } from '../auth';
import { FACTORY_PASSWORD } from '../factories/user.factory';
import { gql, startTestApp, type TestApp } from '../harness';

/** A built portal in miniature: an index page, a script and its source map. */
function fakePortal() {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-portal-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script><link rel="stylesheet" href="/assets/app.css"></head><body><div id="root"></div></body></html>',
  );
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("portal");\n//# sourceMappingURL=app.js.map\n');
  fs.writeFileSync(path.join(dist, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(dist, 'assets', 'app.js.map'), '{"version":3,"sources":["src/secret-source.tsx"]}');
  return dist;
}

function directives(header: string | undefined) {
  expect(header).toBeDefined();
  return Object.fromEntries(header!.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe('headers and transport', () => {
  const portal = fakePortal();
  afterAll(() => fs.rmSync(portal, { recursive: true, force: true }));

  describe('over http, in development', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ NODE_ENV: 'development', PORTAL_DIST: portal });
    });
    afterAll(() => t.close());

    it.each(['/', '/sign-in', '/home', '/articles'])('sends a Content-Security-Policy without inline scripts on %s', async (page) => {
      const res = await t.http.get(page).set('accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['default-src']).toEqual(["'self'"]);
      // The public pages (/ and /articles, rendered on the server) carry no script at all; the portal only its own files.
      expect(csp['script-src']).toEqual(page === '/' || page === '/articles' ? ["'none'"] : ["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['img-src']).toEqual(expect.arrayContaining(["'self'", 'data:']));
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('gives the development explorer a policy as strict as the rest: only files from this origin, no inline script', async () => {
      const res = await t.http.get('/graphql').set('accept', 'text/html');
      expect(res.status).toBe(200);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['style-src']).toEqual(["'self'"]);
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      // POST /graphql, which the portal uses, keeps the strict one.
      const post = await t.http.post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
      expect(post.headers['content-security-policy']).not.toContain('unsafe-inline');
    });

    it('keeps the plain cookie name over http', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const res = await t.http.post('/graphql').set('content-type', 'application/json').send({ query: SIGN_IN, variables: { email: client.email, password: FACTORY_PASSWORD } });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^attune_session=/);
      expect(cookie).not.toMatch(/Secure/);
    });

    it('serves source maps outside production', async () => {
      expect((await t.http.get('/assets/app.js.map')).status).toBe(200);
    });
  });

  describe('behind https, in production', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ NODE_ENV: 'production', PORTAL_DIST: portal, PUBLIC_URL: 'https://attune.example.org' });
    });
    afterAll(() => t.close());

    it('sends HSTS and the strict policy on pages', async () => {
      for (const page of ['/', '/sign-in', '/home', '/articles']) {
        const res = await t.http.get(page).set('accept', 'text/html');
        expect(res.status).toBe(200);
        expect(res.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
        expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
        if (!['/', '/articles'].includes(page)) expect(directives(res.headers['content-security-policy'])['upgrade-insecure-requests']).toEqual([]);
      }
    });

    it('sets a __Host- session cookie, Secure, for path /, without a Domain, and reads it back', async () => {
      const client = await newPerson(t.dataSource, 'CLIENT');
      const res = await t.http.post('/graphql').set('content-type', 'application/json').send({ query: SIGN_IN, variables: { email: client.email, password: FACTORY_PASSWORD } });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^__Host-attune_session=[^;]+;/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
      const pair = cookie.split(';')[0]!;
      const me = await gql<{ me: { id: string } | null }>(t.http, '{ me { id } }', {}, { cookie: pair });
      expect(me.data!.me).toEqual({ id: client.id });
      // The old name is not read over https.
      const old = await gql<{ me: unknown }>(t.http, '{ me { id } }', {}, { cookie: pair.replace('__Host-', '') });
      expect(old.data!.me).toBeNull();
    });

    it('refuses source maps and still serves the scripts', async () => {
      const map = await t.http.get('/assets/app.js.map');
      expect(map.status).toBe(404);
      expect(map.text).not.toContain('secret-source');
      expect((await t.http.get('/assets/app.js.map').set('accept', 'text/html')).status).toBe(404);
      expect((await t.http.get('/assets/app.js')).status).toBe(200);
    });

    it('serves no explorer, so no relaxed policy', async () => {
      const res = await t.http.get('/graphql').set('accept', 'text/html');
      expect(res.headers['content-security-policy'] ?? '').not.toContain('unsafe-inline');
    });
  });

  it('applies TRUST_PROXY: the forwarded address counts only from a trusted proxy', async () => {
    // The rate limit is counted per client address, so it shows which address the server took.
    const operation = (t: TestApp, forwardedFor: string) =>
      t.http.post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', forwardedFor).send({ query: '{ __typename }' });
    const behindLoopback = await startTestApp({ TRUST_PROXY: 'loopback', API_RATE_LIMIT_PER_MINUTE: '1' });
    try {
      expect((await operation(behindLoopback, '203.0.113.9')).status).toBe(200);
      expect((await operation(behindLoopback, '203.0.113.10')).status).toBe(200);
      expect((await operation(behindLoopback, '203.0.113.9')).status).toBe(429);
    } finally {
      await behindLoopback.close();
    }
    // Loopback (where the test connects from) is not trusted here: the header is ignored, both are one client.
    const behindOthers = await startTestApp({ TRUST_PROXY: '10.0.0.0/8', API_RATE_LIMIT_PER_MINUTE: '1' });
    try {
      expect((await operation(behindOthers, '203.0.113.9')).status).toBe(200);
      expect((await operation(behindOthers, '203.0.113.10')).status).toBe(429);
    } finally {
      await behindOthers.close();
    }
  });
});
