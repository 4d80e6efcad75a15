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
    if (!type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

/** Where the description of each kind of element is written in the code. */
const WHERE_TO_WRITE = [
  'Write each description where the element is declared (then run `pnpm --filter @attune/api build` and commit schema.graphql):',
  '- a type: `@ObjectType({ description })`, `@InputType({ description })`, or `registerEnumType(…, { description })`',
  '- a field: `@Field(() => …, { description })` in the model class, or `@ResolveField(() => …, { description })` for a field only a resolver declares',
  '- an argument: `@Args(\'name\', { description })`, or `@Field({ description })` in an `@ArgsType()` class',
  '- an enum value: `registerEnumType(…, { valuesMap: { VALUE: { description } } })`',
  '- an operation: `@Query`/`@Mutation(() => …, { description })`; the sentence about API token scopes is added for you',
  '- Query and Mutation themselves: src/common/graphql-root-types.ts',
  'Say what it is, its units and time zone, what null means, the order of a list, and who may see it where that matters.',
].join('\n');

/** The failure message: what is missing, then where to write it. */
export function missingDescriptionsMessage(missing: string[]): string {
  return [`${missing.length} element(s) of the GraphQL schema have no description:`, ...missing.map((name) => `  ${name}`), '', WHERE_TO_WRITE].join('\n');
}

/** A consumer learns the API from the schema, so everything in it says what it is. */
describe('descriptions in the GraphQL schema', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    const missing = undescribed(buildSchema(read('schema.graphql')));
    if (missing.length > 0) throw new Error(missingDescriptionsMessage(missing));
  });

  it('would catch each kind of missing description', () => {
    const schema = buildSchema(`
      "Described." type Query { "Described." a(x: Int): Kind, b(input: In): Int, """  """ c: Int }
      enum Kind { "Described." ONE TWO }
      "Described." input In { c: Int }
    `);
    expect(undescribed(schema)).toEqual(['Query.a(x)', 'Query.b', 'Query.b(input)', 'Query.c', 'Kind', 'Kind.TWO', 'In.c']);
  });

  it('names what is missing and where to write it', () => {
    const message = missingDescriptionsMessage(['Session.startsAt', 'Query.session(id)']);
    expect(message).toContain('2 element(s) of the GraphQL schema have no description:\n  Session.startsAt\n  Query.session(id)');
    expect(message).toContain("`@Args('name', { description })`");
  });
});
