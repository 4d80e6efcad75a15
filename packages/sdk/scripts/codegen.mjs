// Builds the typed operations from the schema copy this package carries (schema.graphql), so the
// package builds on its own, outside the monorepo too. Inside the monorepo the copy is first brought
// up to date from the API's committed schema; under CI (or with --check) nothing is written and a
// stale copy or stale generated code fails the run instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const check = Boolean(process.env.CI) || process.argv.includes('--check');
const packageSchema = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const apiSchema = fileURLToPath(new URL('../../../apps/api/schema.graphql', import.meta.url));

if (existsSync(apiSchema)) {
  const current = readFileSync(apiSchema, 'utf8');
  const copy = existsSync(packageSchema) ? readFileSync(packageSchema, 'utf8') : null;
  if (copy !== current) {
    if (check) {
      console.error('packages/sdk/schema.graphql differs from apps/api/schema.graphql: run `pnpm --filter @attune/sdk build` and commit both.');
      process.exit(1);
    }
    writeFileSync(packageSchema, current);
  }
}

const result = spawnSync('graphql-codegen', check ? ['--check'] : [], { stdio: 'inherit', shell: true });
if (result.status !== 0 && check) console.error('packages/sdk/src/generated is stale: run `pnpm --filter @attune/sdk build` and commit it.');
process.exit(result.status ?? 1);
