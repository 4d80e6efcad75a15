/**
 * The order people's names are listed in (the caseload by name), as a plain string that any database
 * compares byte by byte: PostgreSQL and the embedded PGlite agree on `COLLATE "C"`, while a locale's
 * order would need ICU, which PGlite lacks. Stored beside the name (`users.name_sort_key`) when the name
 * is written, so the order can be paged in SQL.
 *
 * Accents and case do not scatter names: "Ana", "ángel", "Élodie", "eric", "Zoë" list in that order.
 * Changing this function changes stored keys: a migration must then compute them again.
 */
export function nameSortKey(displayName: string): string {
  return (
    displayName
      // Compatibility decomposition splits letters from their accents (é → e + ◌́) and ligatures and
      // full-width forms into plain letters (ﬁ → fi, Ａ → A); the accents then go.
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      // Upper then lower folds case fully (ß → SS → ss), as a locale's comparison would.
      .toUpperCase()
      .toLowerCase()
      .replace(/[øłđħŧıæœþ]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter]!)
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/** Latin letters Unicode does not decompose, read as the letters people file them under. */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th' };

/**
 * Compares two strings by code point, as PostgreSQL's `COLLATE "C"` does (UTF-8 bytes sort in code point
 * order). JavaScript's `<` compares UTF-16 units, which puts characters above U+FFFF before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Move surrogates (U+D800–DFFF) above U+E000–U+FFFF, as their code points are.
    if (x >= 0xd800 && y >= 0xd800) {
      x += x >= 0xe000 ? -0x800 : 0x2000;
      y += y >= 0xe000 ? -0x800 : 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Where a person sits in name order: the sort key, then the name itself, then the id (a UUID, lower-case). */
export type NameOrder = readonly [sortKey: string, displayName: string, id: string];

export const nameOrderOf = (displayName: string, id: string): NameOrder => [nameSortKey(displayName), displayName, id.toLowerCase()];

/** Name order, as `ORDER BY name_sort_key COLLATE "C", display_name COLLATE "C", id` lists it. */
export function compareNameOrder(a: NameOrder, b: NameOrder): number {
  return compareCodePoints(a[0], b[0]) || compareCodePoints(a[1], b[1]) || compareCodePoints(a[2], b[2]);
}
