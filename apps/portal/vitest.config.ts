import { defineConfig } from 'vitest/config';

/** The portal's own logic, in Node: plain modules only (pages are covered in the browser by e2e/). */
export default defineConfig({
  test: { include: ['src/**/*.spec.ts'], environment: 'node' },
});
