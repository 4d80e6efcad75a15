import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Every type, field, argument, input field and enum value without a description, as `Type.field(arg)`. */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

/**
 * A consumer learns the API from the schema, so everything in it says what it is. Elements from before
 * this rule are listed in schema.undescribed.json; the list may only shrink.
 */
describe('descriptions in the GraphQL schema', () => {
  it('describes every type, field, argument and enum value, but those still listed from before', () => {
    const backlog = (JSON.parse(read('schema.undescribed.json')) as { undescribed: string[] }).undescribed;
    // Fails on a new element without a description, and on a listed one that now has one (take it off the list).
    expect(undescribed(buildSchema(read('schema.graphql')))).toEqual(backlog);
  });

  it('would catch each kind of missing description', () => {
    const schema = buildSchema(`
      "Described." type Query { "Described." a(x: Int): Kind, b(input: In): Int }
      enum Kind { "Described." ONE TWO }
      "Described." input In { c: Int }
    `);
    expect(undescribed(schema)).toEqual(['Query.a(x)', 'Query.b', 'Query.b(input)', 'Kind', 'Kind.TWO', 'In.c']);
  });
});
