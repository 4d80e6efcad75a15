import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSchema, SCHEMA_FILE } from './generate-schema';

describe('the committed GraphQL schema', () => {
  it('matches the schema generated from code (run `pnpm build` and commit schema.graphql if this fails)', async () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'attune-schema-')), 'schema.graphql');
    await generateSchema(fresh);
    expect(fs.readFileSync(fresh, 'utf8')).toBe(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
