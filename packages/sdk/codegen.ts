import type { CodegenConfig } from '@graphql-codegen/cli';

/** The SDK's types come from the schema copy it carries (scripts/codegen.mjs keeps it equal to the API's committed schema), never from a running server. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/operations/*.graphql'],
  // ESM output needs explicit .js extensions on relative imports.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', JSON: 'unknown' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
