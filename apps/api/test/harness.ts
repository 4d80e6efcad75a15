import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { createLogger } from '../src/common/logger';
import { loadConfig, type AppConfig } from '../src/config/config';
import { openDatabase, type DatabaseHandle } from '../src/database/data-source';

/**
 * Each test file gets a database of its own: a fresh PostgreSQL database when TEST_DATABASE_URL names a
 * server, otherwise a fresh embedded database in a temp folder. Nothing is shared between files.
 */
export interface TestDatabase {
  config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR'>;
  kind: 'postgres' | 'embedded';
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `attune_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      kind: 'postgres',
      config: { DATABASE_URL: url.toString(), DATA_DIR: os.tmpdir() },
      async drop() {
        const client = new Client({ connectionString: server });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attune-test-'));
  return {
    kind: 'embedded',
    config: { DATABASE_URL: undefined, DATA_DIR: dir },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface MigratedDatabase {
  database: TestDatabase;
  handle: DatabaseHandle;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function openMigratedDatabase(): Promise<MigratedDatabase> {
  const database = await createTestDatabase();
  const handle = await openDatabase(database.config);
  await handle.dataSource.runMigrations({ transaction: 'each' });
  return {
    database,
    handle,
    dataSource: handle.dataSource,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}

export interface TestApp extends MigratedDatabase {
  app: NestFastifyApplication;
  config: AppConfig;
  http: ReturnType<typeof request>;
}

/** Tests name the key that seals secrets at rest, so no key file is written beside the code. */
export const TEST_APP_SECRET = 'a test key that seals secrets at rest, 32+ chars';

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await openMigratedDatabase();
  // No job worker unless a test asks for one: its polling would run beside the statements tests count.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORTAL_DIST: '/nonexistent', APP_SECRET: TEST_APP_SECRET, JOBS_WORKER: 'off', ...env });
  const app = await createApp(config, db.dataSource, createLogger('silent'));
  return {
    ...db,
    app,
    config,
    http: request(app.getHttpServer()),
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export type Http = ReturnType<typeof request> | ReturnType<typeof request.agent>;

/** A browser-like client that keeps cookies between requests. */
export const browser = (t: TestApp) => request.agent(t.app.getHttpServer());

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; extensions: { code: string; fields?: { path: string[]; message: string }[] } }[] | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** POST a GraphQL operation as a browser or consumer would. */
export async function gql<T = Record<string, unknown>>(
  http: Http,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  let req = http.post('/graphql').set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  const res = await req.send({ query, variables });
  return { status: res.status, data: res.body.data, errors: res.body.errors, headers: res.headers };
}
