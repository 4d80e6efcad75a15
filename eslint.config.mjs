import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The EntityManager (and Repository) methods that read or write rows. */
const ENTITY_MANAGER_CALLS = '/^(find\\w*|save|insert|update|upsert|delete|remove|softDelete|restore|count\\w*|exist\\w*|increment|decrement|sum|average|minimum|maximum|clear)$/';

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
  // Queries live in each feature's repository: a service holds the behaviour and the transaction, and hands
  // the transaction (an EntityManager, or a QueryRunner) to the repository's methods.
  {
    files: ['apps/api/src/modules/**/*.service.ts', 'apps/api/src/modules/**/*.worker.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', allowImportNames: ['DataSource', 'EntityManager', 'QueryRunner'], message: 'Services open transactions and hand them on; the queries (and their operators such as In and IsNull) live in the feature\'s repository.' },
            { name: '@nestjs/typeorm', message: 'Services take the feature\'s repository, not a TypeORM Repository.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...[
          // getRepository, createQueryBuilder and query on anything; the rest of an EntityManager's API on a data source or a transaction.
          'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder)$/]',
          `CallExpression[callee.object.name=/^(dataSource|manager|entityManager|em|tx|runner|queryRunner)$/][callee.property.name=${ENTITY_MANAGER_CALLS}]`,
          `CallExpression[callee.object.property.name=/^(dataSource|manager)$/][callee.property.name=${ENTITY_MANAGER_CALLS}]`,
        ].map((selector) => ({ selector, message: 'Services never query the database themselves: add a method to the feature\'s repository and pass it the transaction.' })),
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.resolver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(typeorm|@nestjs/typeorm)$', message: 'Resolvers never query the database: ask the feature\'s service, whose repository holds the queries and their policy filters.' }] },
      ],
    },
  },
  {
    files: ['apps/api/src/migrations/**', 'apps/api/src/database/migrations/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
);
