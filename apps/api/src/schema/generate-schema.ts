import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { createLogger } from '../common/logger';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source';

export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

/** Builds the schema from code into `file`; no database is opened (the data source is never initialized). */
export async function generateSchema(file: string) {
  const config = loadConfig({ NODE_ENV: 'development' });
  const dataSource = new DataSource(dataSourceOptions({ url: 'postgres://unused@127.0.0.1/unused' }));
  const app = await NestFactory.create(AppModule.register({ config, dataSource, logger: createLogger('silent'), schemaFile: file }), new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.close();
}

/** The build writes schema.graphql; under CI it only checks, so a stale committed schema fails the run. */
async function main() {
  if (!process.env.CI) return generateSchema(SCHEMA_FILE);
  const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'attune-schema-')), 'schema.graphql');
  await generateSchema(fresh);
  if (fs.readFileSync(fresh, 'utf8') !== fs.readFileSync(SCHEMA_FILE, 'utf8')) {
    console.error('apps/api/schema.graphql is stale: run `pnpm build` and commit the regenerated schema.');
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
