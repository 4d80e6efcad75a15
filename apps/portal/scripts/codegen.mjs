// The build regenerates the typed operations; under CI it only checks, so stale output fails the run.
import { spawnSync } from 'node:child_process';
const args = process.env.CI ? ['--check'] : [];
const result = spawnSync('graphql-codegen', args, { stdio: 'inherit', shell: true });
if (result.status !== 0 && process.env.CI) console.error('apps/portal\'s generated operations (*.generated.ts, src/gql/types.ts) are stale: run `pnpm build` and commit them.');
process.exit(result.status ?? 1);
