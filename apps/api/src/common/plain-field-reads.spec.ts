import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphql } from 'graphql';
import { readFieldsDirectly } from './plain-field-reads';

/** Resolvers shaped as Nest makes them (a named arrow reading the parent), the default given or not. */
function nestReader(property: string, defaultValue?: string) {
  const rootFieldResolver = (root: Record<string, unknown>) => (root[property] === undefined ? defaultValue : root[property]);
  return rootFieldResolver;
}

function schemaOf() {
  const entry = new GraphQLObjectType({
    name: 'Entry',
    fields: {
      plain: { type: GraphQLString, resolve: nestReader('plain') },
      withDefault: { type: GraphQLString, resolve: nestReader('withDefault', 'fallback') },
      renamed: { type: GraphQLString, resolve: nestReader('storedElsewhere') },
      computed: { type: GraphQLString, resolve: (root: { plain: string }) => root.plain.toUpperCase() },
    },
  });
  const query = new GraphQLObjectType({ name: 'Query', fields: { entry: { type: entry, resolve: () => ({ plain: 'a', storedElsewhere: 'b' }) } } });
  return { schema: new GraphQLSchema({ query }), entry };
}

describe('readFieldsDirectly', () => {
  it('drops only resolvers that read their own property with no default', () => {
    const { schema, entry } = schemaOf();
    readFieldsDirectly(schema);
    const fields = entry.getFields();
    expect(fields.plain!.resolve).toBeUndefined();
    expect(fields.withDefault!.resolve).toBeDefined();
    expect(fields.renamed!.resolve).toBeDefined();
    expect(fields.computed!.resolve).toBeDefined();
    expect(schema.getQueryType()!.getFields().entry!.resolve).toBeDefined();
  });

  it('answers as before', async () => {
    const source = '{ entry { plain withDefault renamed computed } }';
    const before = await graphql({ schema: schemaOf().schema, source });
    const after = await graphql({ schema: readFieldsDirectly(schemaOf().schema), source });
    expect(after).toEqual(before);
    expect(after.data).toEqual({ entry: { plain: 'a', withDefault: 'fallback', renamed: 'b', computed: 'A' } });
  });
});
