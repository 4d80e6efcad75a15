import { compareCodePoints, compareNameOrder, nameOrderOf, nameSortKey } from '../index.js';

describe('name order', () => {
  it('lists names as people read them: accents and case do not scatter them (names the same but for them, by code point)', () => {
    const names = ['Zoë', 'eric', 'Élodie', 'ángel', 'Ana', 'Øystein', 'Oscar', 'Łukasz', 'Lena', 'ÉRIC', 'Eric'];
    const ordered = names.map((name, i) => ({ name, order: nameOrderOf(name, `00000000-0000-4000-8000-00000000000${i % 10}`) })).sort((a, b) => compareNameOrder(a.order, b.order));
    expect(ordered.map(({ name }) => name)).toEqual(['Ana', 'ángel', 'Élodie', 'Eric', 'eric', 'ÉRIC', 'Lena', 'Łukasz', 'Oscar', 'Øystein', 'Zoë']);
  });

  it('folds accents, case, ligatures, full-width forms and runs of white space', () => {
    expect(nameSortKey('  Ｊosé   María ')).toBe('jose maria');
    expect(nameSortKey('Straße')).toBe('strasse');
    expect(nameSortKey('ﬁona')).toBe('fiona');
    expect(nameSortKey('Ærøskøbing')).toBe('aeroskobing');
    expect(nameSortKey('İlkay')).toBe('ilkay');
  });

  it("compares by code point, as PostgreSQL's C collation does, beyond U+FFFF too", () => {
    // U+1F600 (a surrogate pair in UTF-16) is above U+FF21 in code point order, though JavaScript's < says otherwise.
    expect('😀' < 'Ａ').toBe(true);
    expect(compareCodePoints('😀', 'Ａ')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('B', 'a')).toBeLessThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});
