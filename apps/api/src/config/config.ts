import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Where no practice has set its own lines: true anywhere, with the US line as an example (VOICE.md). */
export const DEFAULT_CRISIS_TEXT = [
  'If you are in danger or thinking about ending your life, **call your local emergency number now**.',
  '',
  '- In the US, you can call or text **988**, any time.',
  '- Elsewhere, your local emergency number can connect you with help.',
  '',
  'Attune is not monitored in real time. Your therapist may not see messages or reflections until later, so please reach out to one of these services if you need someone now.',
].join('\n');

/** Fail a request within seconds when PostgreSQL is away, rather than hang it. */
export const DEFAULT_DATABASE_TIMEOUTS = { connectTimeoutMs: 5_000, statementTimeoutMs: 15_000 };

/** True for a time zone name the runtime knows (IANA, such as Europe/London). */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

/** Names Express (proxy-addr) knows for address ranges. */
const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of a TRUST_PROXY list: a named range, an address, or an address/prefix (CIDR). */
function isProxyAddress(entry: string): boolean {
  if (TRUST_PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** What Express's `trust proxy` setting takes: true/false, a hop count, or a list of addresses and ranges. */
export type TrustProxy = boolean | number | string[];

export const trustProxySchema = z
  .string()
  .trim()
  .min(1)
  .transform((value, ctx): TrustProxy => {
    if (value === 'true' || value === 'false') return value === 'true';
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const bad = entries.find((entry) => !isProxyAddress(entry));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `must be true, false, a number of proxy hops, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal (${JSON.stringify(bad)} is none of these)`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** Every setting Attune reads, parsed once at start-up. `sensitive` values are never logged. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development').describe('Which behaviours apply (explorer, introspection, outbox).'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000).describe('The port the API and portal are served on.'),
  HOST: z.string().min(1).default('0.0.0.0').describe('The address to listen on.'),
  DATABASE_URL: z
    .url()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://')
    .optional()
    .describe('PostgreSQL connection string (sensitive). Without it the embedded database under DATA_DIR serves.'),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(DEFAULT_DATABASE_TIMEOUTS.connectTimeoutMs)
    .describe('PostgreSQL: how long to wait for a connection before a request fails with SERVICE_UNAVAILABLE (milliseconds).'),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .default(DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs)
    .describe('PostgreSQL: the longest one statement may run before it is cancelled (milliseconds; 0 = no limit, for example for a long migration).'),
  DATA_DIR: z.string().min(1).optional().describe('Where the embedded database keeps its files (default ./.data).'),
  REDIS_URL: z
    .url()
    .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://')
    .optional()
    .describe('Redis for state that several API instances share (sensitive).'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,64}$/, 'must be 1–64 letters, digits or : . _ -')
    .default('attune:')
    .describe('The start of every Redis key Attune writes, so several installations (or test runs) can share one Redis.'),
  PUBLIC_URL: z.url().optional().describe('The address people use to reach Attune, for links in email, feeds and sitemaps.'),
  PORTAL_DIST: z.string().optional().describe('Folder of the built portal to serve (default: the workspace build).'),
  SMTP_URL: z
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
    .optional()
    .describe('SMTP server for email (sensitive). Without it, email goes to the development outbox.'),
  MAIL_FROM: z.string().min(3).default('Attune <no-reply@attune.test>').describe('The sender of Attune email.'),
  GRAPHQL_INTROSPECTION: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe('Schema introspection, field suggestions and the in-browser explorer: auto = on except in production.'),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000_000).default(600).describe('GraphQL operations per minute for each token, person or (anonymous) address.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('How much to log.'),
  LOG_FORMAT: z
    .enum(['auto', 'json', 'pretty'])
    .default('auto')
    .describe('How log lines look: auto = readable coloured lines while developing, JSON in production (for a log collector).'),
  PRACTICE_NAME: z.string().trim().min(1).max(100).default('Attune').describe('The practice name shown on the public site, in its feed and in link previews.'),
  PRACTICE_TIME_ZONE: z
    .string()
    .trim()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/London or Pacific/Auckland')
    .default('UTC')
    .describe("The practice's time zone (IANA name): times in email are shown in it for people who have not chosen their own."),
  JOBS_WORKER: z
    .enum(['on', 'off'])
    .default('on')
    .describe('Whether this process runs background jobs (reminder emails) from the job queue in the database. Every process can queue jobs; several may work them, and each job runs once.'),
  CRISIS_TEXT: z
    .string()
    .min(1)
    .max(4000)
    .default(DEFAULT_CRISIS_TEXT)
    .transform((text) => text.replace(/\\n/g, '\n'))
    .describe(
      'What the "Need help now?" page says, in Markdown (write \\n for a line break in one-line settings). Set it to the crisis lines of your country.',
    ),
  TRUST_PROXY: trustProxySchema
    .default(['loopback'])
    .describe(
      'Which proxies in front of Attune are trusted to report the client address (X-Forwarded-For): true, false, a hop count, or a comma-separated list of addresses and CIDR ranges (loopback, linklocal, uniquelocal name ranges). Default: loopback.',
    ),
  APP_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (for example the output of `openssl rand -base64 32`)')
    .optional()
    .describe(
      'The key that encrypts secrets at rest, such as second-factor secrets (sensitive). Required in production; elsewhere one is generated and kept in DATA_DIR. Changing it makes stored second factors unreadable.',
    ),
  RETENTION_YEARS: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(7)
    .describe(
      'How many years a closed account\'s clinical record (sessions, shared reflections, check-ins, notes) is kept before `pnpm retention:purge` removes it. Follow the record-keeping law of your country.',
    ),
  SEED_DEMO_DATA: z
    .enum(['auto', 'always', 'never'])
    .default('auto')
    .describe('Demo data for an empty database at start-up. auto: outside production only; always: in production too (test environments); never: not at all.'),
});

export type AppConfig = Omit<z.infer<typeof configSchema>, 'DATA_DIR' | 'PUBLIC_URL'> & {
  DATA_DIR: string;
  PUBLIC_URL: string;
  isProduction: boolean;
  introspection: boolean;
};

export const SENSITIVE_SETTINGS = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'APP_SECRET'] as const;

export class ConfigError extends Error {}

/** Parse the environment; a bad value stops start-up with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(blanksRemoved);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]);
    const shown = (SENSITIVE_SETTINGS as readonly string[]).includes(name) ? '' : ` (got ${JSON.stringify(env[name])})`;
    throw new ConfigError(`Configuration error: ${name} ${issue.message}${shown}.`);
  }
  const parsed = result.data;
  if (parsed.NODE_ENV === 'production' && !parsed.APP_SECRET) {
    throw new ConfigError(
      'Configuration error: APP_SECRET is required in production (at least 32 random characters, for example from `openssl rand -base64 32`); it encrypts second-factor secrets.',
    );
  }
  return {
    ...parsed,
    DATA_DIR: path.resolve(parsed.DATA_DIR ?? path.join(env.INIT_CWD ?? process.cwd(), '.data')),
    PUBLIC_URL: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ''),
    isProduction: parsed.NODE_ENV === 'production',
    introspection: parsed.GRAPHQL_INTROSPECTION === 'auto' ? parsed.NODE_ENV !== 'production' : parsed.GRAPHQL_INTROSPECTION === 'on',
  };
}

/** What start-up says about a configuration that works but is weaker than it looks. */
export function startupWarnings(config: Pick<AppConfig, 'isProduction' | 'REDIS_URL'>): string[] {
  const warnings: string[] = [];
  if (config.isProduction && !config.REDIS_URL) {
    warnings.push('REDIS_URL is not set: rate limits and sign-in failure budgets are counted per process, so several API processes each allow the full amount.');
  }
  return warnings;
}
