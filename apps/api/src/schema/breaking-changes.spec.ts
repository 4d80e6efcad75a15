import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { DEPRECATION_DAYS, deprecationProblems, disallowedBreakingChanges } from './breaking-changes';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const DAY = 86_400_000;
const today = new Date('2026-12-02T12:00:00Z');
const daysAgo = (days: number) => new Date(today.getTime() - days * DAY).toISOString().slice(0, 10);

/**
 * Consumers build on the published schema (schema.published.graphql). A change that would break them fails
 * here unless it removes something the published schema deprecated at least 90 days earlier, as
 * docs/api-changelog.md promises. Publishing a new snapshot is described there.
 */
describe('the GraphQL schema against the last published one', () => {
  it('breaks nothing the deprecation policy does not allow', () => {
    const published = buildSchema(read('schema.published.graphql'));
    const current = buildSchema(read('schema.graphql'));
    expect(disallowedBreakingChanges(published, current, new Date())).toEqual([]);
  });

  it('dates every deprecation, names its replacement and lists it in the changelog', () => {
    const changelog = fs.readFileSync(path.join(root, '../../docs/api-changelog.md'), 'utf8');
    expect(deprecationProblems(buildSchema(read('schema.graphql')), changelog, new Date())).toEqual([]);
  });
});

describe('the deprecation policy, on small schemas', () => {
  const published = (reason: string | null) =>
    buildSchema(`
      type Query { me: Int, old: Int${reason ? ` @deprecated(reason: "${reason}")` : ''}, list(first: Int, page: Int @deprecated(reason: "Use first. Deprecated since ${daysAgo(120)}.")): Int }
      enum Mood { LOW, HIGH, MEH @deprecated(reason: "Use LOW. Deprecated since ${daysAgo(30)}.") }
      type Extra { x: Int }
      type Holder { extra: Extra @deprecated(reason: "Use me. Deprecated since ${daysAgo(91)}.") }
      extend type Query { holder: Holder, mood: Mood }
    `);
  const withoutOld = buildSchema(`
    type Query { me: Int, list(first: Int, page: Int): Int, holder: Holder, mood: Mood }
    enum Mood { LOW, HIGH, MEH }
    type Extra { x: Int }
    type Holder { extra: Extra }
  `);

  it('refuses removing a field that was never deprecated', () => {
    expect(disallowedBreakingChanges(published(null), withoutOld, today)).toEqual(['Query.old was removed.']);
  });

  it('refuses removing a field deprecated too recently', () => {
    expect(disallowedBreakingChanges(published(`Use me. Deprecated since ${daysAgo(DEPRECATION_DAYS - 1)}.`), withoutOld, today)).toEqual(['Query.old was removed.']);
  });

  it('refuses removing a field whose deprecation gives no date', () => {
    expect(disallowedBreakingChanges(published('Use me.'), withoutOld, today)).toEqual(['Query.old was removed.']);
  });

  it('allows removing a field deprecated 90 days or more ago', () => {
    expect(disallowedBreakingChanges(published(`Use me. Deprecated since ${daysAgo(DEPRECATION_DAYS)}.`), withoutOld, today)).toEqual([]);
  });

  it('holds arguments, enum values and the types a removal leaves unused to the same rule', () => {
    const old = published(`Use me. Deprecated since ${daysAgo(200)}.`);
    const removed = buildSchema(`
      type Query { me: Int, list(first: Int): Int, holder: Holder, mood: Mood }
      enum Mood { LOW, HIGH }
      type Holder { y: Int }
    `);
    // The argument (120 days) and Holder.extra with its type Extra (91 days) may go; MEH (30 days) may not.
    expect(disallowedBreakingChanges(old, removed, today)).toEqual(['MEH was removed from enum type Mood.']);
  });

  it('refuses other breaking changes outright', () => {
    const changedType = buildSchema(`
      type Query { me: String, old: Int, list(first: Int, page: Int): Int, holder: Holder, mood: Mood }
      enum Mood { LOW, HIGH, MEH }
      type Extra { x: Int }
      type Holder { extra: Extra }
    `);
    expect(disallowedBreakingChanges(published(null), changedType, today)).toEqual(['Query.me changed type from Int to String.']);
  });

  it('asks each deprecation for its replacement, its date and a changelog entry', () => {
    const schema = buildSchema(`
      type Query {
        a: Int @deprecated(reason: "Going away.")
        b: Int @deprecated(reason: "Use me. Deprecated since 2027-06-01.")
        c: Int @deprecated(reason: "Deprecated since 2026-08-01.")
        d: Int @deprecated(reason: "Use me. Deprecated since 2026-08-01.")
        e: Int @deprecated(reason: "Use me. Deprecated since 2026-08-01.")
        me: Int
      }
    `);
    expect(deprecationProblems(schema, '- `Query.e` is deprecated: use `me`.', today)).toEqual([
      'Query.a: the reason needs "since YYYY-MM-DD"',
      'Query.b: deprecated since a date still to come',
      'Query.c: the reason needs to say what to use instead ("Use …")',
      'Query.d: not listed in docs/api-changelog.md',
    ]);
  });
});
