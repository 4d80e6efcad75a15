/**
 * NestJS 12 and several dependencies ship ESM only; swc compiles them to CommonJS for Jest
 * (ts-jest cannot), with decorator metadata for Nest's dependency injection.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(@nestjs|@attune|@electric-sql|marked|feed|otplib|@otplib|uuid|@noble|@scure|htmlparser2|dom[a-z-]*|entities))'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60_000,
  maxWorkers: 1,
};
