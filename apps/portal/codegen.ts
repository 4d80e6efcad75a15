import type { CodegenConfig } from '@graphql-codegen/cli';

const typesConfig = { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } };

/**
 * Portal types come from the committed schema, never from a running server. Each `.graphql` file gets its own
 * module beside it (`*.generated.ts`: its operations' types and documents), so a page's chunk carries only
 * the documents it uses: one module of every document would sit in the frame that every first visit loads.
 */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    // The schema's enums, inputs and scalars that operations use; types only, nothing reaches the bundle.
    'src/gql/types.ts': { plugins: ['typescript'], config: { ...typesConfig, onlyOperationTypes: true } },
    'src/': {
      preset: 'near-operation-file',
      presetConfig: { extension: '.generated.ts', baseTypesPath: 'gql/types.ts' },
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { ...typesConfig, importSchemaTypesFrom: 'src/gql/types.ts' },
    },
  },
};
export default config;
