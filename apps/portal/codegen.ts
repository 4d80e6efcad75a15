import type { CodegenConfig } from '@graphql-codegen/cli';

/** Portal types come from the committed schema, never from a running server. */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
