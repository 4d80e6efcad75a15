import fs from 'node:fs';
import path from 'node:path';

/**
 * The portal's built stylesheets, so public pages look like the rest of Attune. Read from the built
 * index.html (Vite names the files by content hash); none when the portal has not been built.
 */
export function findPortalStylesheets(dist: string): string[] {
  let index: string;
  try {
    index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  const sheets: string[] = [];
  for (const tag of index.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel=["']?stylesheet\b/i.test(tag)) continue;
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    // Only our own files: a path on this origin.
    if (href && href.startsWith('/') && !href.startsWith('//')) sheets.push(href);
  }
  return sheets;
}
