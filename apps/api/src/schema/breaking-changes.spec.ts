import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/**
 * Consumers build on the released schema. A change that would break them fails here unless it is
 * listed as intended in schema.intended-breaking-changes.json (after a deprecation period).
 * Releasing: copy schema.graphql to schema.released.graphql and empty the intended list.
 */
describe('the GraphQL schema against the last released one', () => {
  it('has no unintended breaking changes', () => {
    const released = buildSchema(read('schema.released.graphql'));
    const current = buildSchema(read('schema.graphql'));
    const intended = new Set((JSON.parse(read('schema.intended-breaking-changes.json')) as { intended: { change: string }[] }).intended.map((entry) => entry.change));
    const unintended = findBreakingChanges(released, current)
      .map((change) => change.description)
      .filter((description) => !intended.has(description));
    expect(unintended).toEqual([]);
  });

  it('would catch a removed field', () => {
    const released = buildSchema('type Query { caseload: Int, me: Int }');
    const current = buildSchema('type Query { me: Int }');
    expect(findBreakingChanges(released, current).map((change) => change.description)).toEqual(['Query.caseload was removed.']);
  });
});
