import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, concatAST, parse, print, separateOperations, validate, type DocumentNode } from 'graphql';
import type { Fixtures } from './databases.js';

const PORTAL_SRC = fileURLToPath(new URL('../../../apps/portal/src/', import.meta.url));
const API_SCHEMA = fileURLToPath(new URL('../../../apps/api/schema.graphql', import.meta.url));
const DEMO_PASSWORD = 'attune-demo-password';
const DAY = 86_400_000;

/** The portal's own operations (its `.graphql` files), each printed with the fragments it uses. */
export function portalOperations(): Map<string, string> {
  // Fragments live beside the pages and in app/ (paging), so every .graphql file of the portal is read.
  const files = fs.readdirSync(PORTAL_SRC, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.graphql'));
  const documents = files.map((file) => parse(fs.readFileSync(path.join(PORTAL_SRC, file), 'utf8')));
  const operations = separateOperations(concatAST(documents));
  return new Map(Object.entries(operations).map(([name, document]: [string, DocumentNode]) => [name, print(document)]));
}

export function portalOperation(name: string): string {
  const operation = portalOperations().get(name);
  if (!operation) throw new Error(`The portal has no operation named ${name}: the bench follows the portal's documents, so update its scenarios.`);
  return operation;
}

/** GraphQL validation errors of an operation against Attune's committed schema (none when it fits). */
export function validateAgainstAttune(operation: string): string[] {
  return validate(buildSchema(fs.readFileSync(API_SCHEMA, 'utf8')), parse(operation)).map((error) => error.message);
}

/**
 * PostGraphile's answer to the caseload: the same clients with next and last session, the check-ins of
 * the last 8 completed sessions (check-ins reference their session, not the client) and the unread count.
 */
export const POSTGRAPHILE_CASELOAD = `query Caseload($therapist: UUID!, $now: Datetime!) {
  allCareRelationships(condition: { therapistId: $therapist, endedAt: null }) {
    nodes {
      startedAt
      client: userByClientId {
        id
        displayName
        next: therapySessionsByClientId(first: 1, orderBy: STARTS_AT_ASC, filter: { startsAt: { greaterThan: $now }, status: { equalTo: "SCHEDULED" } }) {
          nodes { id startsAt endsAt modality }
        }
        last: therapySessionsByClientId(first: 1, orderBy: STARTS_AT_DESC, filter: { startsAt: { lessThanOrEqualTo: $now }, status: { equalTo: "COMPLETED" } }) {
          nodes { id startsAt endsAt }
        }
        recent: therapySessionsByClientId(first: 8, orderBy: STARTS_AT_DESC, filter: { startsAt: { lessThanOrEqualTo: $now }, status: { equalTo: "COMPLETED" } }) {
          nodes { checkIns: checkInsBySessionId(first: 1) { nodes { createdAt bond goals approach overall concernReasons acknowledgedAt } } }
        }
        unread: reflectionsByClientId(condition: { sharedWithId: $therapist, readByTherapistAt: null }) { totalCount }
      }
    }
  }
}`;

export type ServerName = 'Attune' | 'PostGraphile' | 'raw SQL';

/** The raw statement's two requests: the limit the issue names, and the same writing the audit rows Attune writes. */
export const RAW_CASELOAD = 'caseload (one SQL statement, first 10 by name)';
export const RAW_AUDITED_CASELOAD = 'caseload, writing its audit rows too (one SQL statement)';

export interface Scenario {
  name: string;
  server: ServerName;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Checked once before the load: a 200 that is not a right answer must not be timed. */
  check(status: number, body: string): string | null;
}

const graphqlCheck = (field: string) => (status: number, body: string) => {
  if (status !== 200) return `status ${status}: ${body.slice(0, 200)}`;
  const parsed = JSON.parse(body) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  if (parsed.errors?.length) return parsed.errors.map((error) => error.message).join('; ');
  return parsed.data?.[field] ? null : `no ${field} in the answer`;
};

const graphql = (server: ServerName, name: string, field: string, query: string, variables: Record<string, unknown>, cookie?: string): Scenario => ({
  name,
  server,
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  body: JSON.stringify({ query, variables }),
  check: graphqlCheck(field),
});

export interface Cookies {
  therapist: string;
  client: string;
}

/** What each server is asked, in the order of the table. */
export function scenarios(fixtures: Fixtures, cookies: Cookies, options: { postgraphile: boolean; rawSql: boolean }): Scenario[] {
  const now = Date.now();
  const iso = (at: number) => new Date(at).toISOString();
  const list: Scenario[] = [
    graphql('Attune', 'caseload (portal CaseloadPage, first 10 by name)', 'caseload', portalOperation('CaseloadPage'), { first: 10, search: null, sort: 'NAME', filter: 'ALL' }, cookies.therapist),
  ];
  if (options.postgraphile) list.push(graphql('PostGraphile', 'caseload (whole caseload, same facts)', 'allCareRelationships', POSTGRAPHILE_CASELOAD, { therapist: fixtures.therapist.id, now: iso(now) }));
  if (options.rawSql) {
    const raw = (name: string, path: string): Scenario => ({
      name,
      server: 'raw SQL',
      method: 'GET',
      path: `${path}?therapist=${fixtures.therapist.id}`,
      headers: {},
      check: (status, body) => (status === 200 && (JSON.parse(body) as { edges: unknown[] }).edges.length > 0 ? null : `status ${status}: ${body.slice(0, 200)}`),
    });
    list.push(raw(RAW_CASELOAD, '/caseload'), raw(RAW_AUDITED_CASELOAD, '/caseload-audited'));
  }
  list.push(
    graphql('Attune', 'client record (portal ClientPage)', 'client', portalOperation('ClientPage'), { id: fixtures.client.id, yearAgo: iso(now - 365 * DAY) }, cookies.therapist),
    graphql('Attune', 'client home (portal ClientHomePage)', 'client', portalOperation('ClientHomePage'), { clientId: fixtures.client.id, recent: iso(now - 6 * 3_600_000), yearAgo: iso(now - 365 * DAY), now: iso(now) }, cookies.client),
    {
      name: 'article page (GET /articles/<slug>)',
      server: 'Attune',
      method: 'GET',
      path: `/articles/${fixtures.articleSlug}`,
      headers: {},
      check: (status, body) => (status === 200 && body.includes('<html') ? null : `status ${status}`),
    },
    graphql('Attune', '{ me { id } } signed in', 'me', '{ me { id } }', {}, cookies.therapist),
    graphql('Attune', '{ __typename } anonymous', '__typename', '{ __typename }', {}),
  );
  if (options.postgraphile) list.push(graphql('PostGraphile', '{ __typename }', '__typename', '{ __typename }', {}));
  list.push(graphql('Attune', 'sign-in (portal SignIn, a client: argon2)', 'signIn', portalOperation('SignIn'), { input: { email: fixtures.client.email, password: DEMO_PASSWORD } }));
  return list;
}

/** Signs in through the real path and returns the session cookie: password, then (for a therapist) a recovery code. */
export async function signIn(baseUrl: string, email: string, recoveryCode: string | null): Promise<string> {
  let cookie = '';
  const post = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    const body = (await res.json()) as { data?: { signIn?: { mfaRequired: boolean } }; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`Signing in ${email} failed: ${body.errors[0]!.message}`);
    return body;
  };
  const first = await post(portalOperation('SignIn'), { input: { email, password: DEMO_PASSWORD } });
  if (first.data?.signIn?.mfaRequired) {
    if (!recoveryCode) throw new Error(`${email} needs a second factor.`);
    await post(portalOperation('VerifyMfa'), { code: recoveryCode });
  }
  return cookie;
}
