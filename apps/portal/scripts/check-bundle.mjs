// The first page a person opens must stay light on a phone: the JavaScript it loads (the portal's frame
// and the page's own chunk, with everything they import up front), gzipped, within the budget.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const BUDGET_KB = 150;
/**
 * The pages people open first: the public home, sign-in, a client's home, the caseload. Sign-in is the
 * tightest: its rules (the domain's light `zod/mini` entry) and zod's core ride with it; every page's
 * operation documents stay in that page's chunk (one generated module per `.graphql` file).
 */
const FIRST_PAGES = ['HomePage', 'SignInPage', 'ClientHomePage', 'CaseloadPage'];

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error('No build to measure: run `pnpm build` first.');
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const gzipped = new Map();
const sizeOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length);
  return gzipped.get(file);
};
/** A chunk and every chunk it imports statically (dynamic imports load later, on their own page). */
const closure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  return seen;
};
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const frame = closure(entryKey);
const frameBytes = [...frame].reduce((sum, key) => sum + sizeOf(manifest[key].file), 0);
let over = false;
console.log(`The portal's frame: ${kb(frameBytes)} KB of JavaScript gzipped (budget for a first page: ${BUDGET_KB} KB)`);
for (const page of FIRST_PAGES) {
  const key = Object.keys(manifest).find((candidate) => manifest[candidate].isDynamicEntry && candidate.endsWith(`/${page}.tsx`));
  if (!key) {
    console.error(`${page}: not its own chunk; is it still loaded with lazyPage in App.tsx?`);
    over = true;
    continue;
  }
  const files = new Set([...frame, ...closure(key)]);
  const bytes = [...files].reduce((sum, chunk) => sum + sizeOf(manifest[chunk].file), 0);
  const fits = kb(bytes) <= BUDGET_KB;
  over ||= !fits;
  console.log(`  first visit to ${page}: ${kb(bytes)} KB ${fits ? 'ok' : `over the ${BUDGET_KB} KB budget`}`);
}
process.exit(over ? 1 : 0);
