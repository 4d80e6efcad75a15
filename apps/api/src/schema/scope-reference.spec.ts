import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';

const root = path.resolve(__dirname, '../..');
const DOC = path.resolve(root, '../../docs/api.md');
const START = '<!-- scope-reference:start (written by apps/api/src/schema/scope-reference.spec.ts) -->';
const END = '<!-- scope-reference:end -->';

/** The token sentence that ends every operation's description (describeTokenScopes, from the scope decorators). */
const tokenSentence = (description: string | null | undefined) => (description ?? '').split('\n\n').at(-1) ?? '';

function rows(kind: string, type: GraphQLObjectType | null | undefined) {
  return Object.values(type?.getFields() ?? {}).map((field) => `| \`${field.name}\` | ${kind} | ${tokenSentence(field.description)} |`);
}

/** The scope reference in docs/api.md, written from the committed schema (itself checked against the code). */
describe('the scope reference in docs/api.md', () => {
  it('lists what an API token needs for every operation, as the code says (rewritten when stale: commit it)', () => {
    const schema = buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8'));
    const table = ['| operation | kind | API tokens |', '| --- | --- | --- |', ...rows('query', schema.getQueryType()), ...rows('mutation', schema.getMutationType())];
    for (const line of table.slice(2)) expect(line).toMatch(/\| (API tokens need .*|Not available to API tokens\.) \|$/);
    const doc = fs.readFileSync(DOC, 'utf8');
    const [before, rest] = doc.split(START);
    expect(rest).toBeDefined();
    const after = rest!.slice(rest!.indexOf(END));
    const fresh = `${before}${START}\n${table.join('\n')}\n${after}`;
    if (fresh !== doc) fs.writeFileSync(DOC, fresh);
    expect(fresh).toBe(doc);
  });
});
