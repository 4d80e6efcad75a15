import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/src/gql/**', '**/*.generated.ts', '**/src/generated/**', '**/.data/**', '**/test-results/**', '**/playwright-report/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Clinical text must never reach a log: use the structured logger, which redacts.
      'no-console': ['error', { allow: ['error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  // Which part may import which (docs/architecture.md); test/import-boundaries.spec.ts shows each rule refusing.
  {
    files: ['apps/api/src/common/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)modules/', message: 'common/ serves every feature and imports none: move what it needs into common/ or the domain package.' }] }],
    },
  },
  {
    files: ['packages/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(@nestjs/|@apollo/|typeorm|react|react-dom|fastify|@fastify/|pg$|graphql)', message: 'The domain package is plain TypeScript and zod, shared by the API and the portal: no framework.' }] },
      ],
    },
  },
  {
    files: ['apps/portal/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^@attune/api|(^|/)api/src/|^@nestjs/|^typeorm)', message: 'The portal reaches the API only through GraphQL: import the domain package and the generated operations (*.generated.ts, src/gql/types.ts).' }] },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.resolver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^typeorm$', message: 'Resolvers never query the database: ask the feature\'s service, which holds its queries and their policy filters.' }] },
      ],
    },
  },
  {
    files: ['apps/api/src/migrations/**', 'apps/api/src/database/migrations/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
