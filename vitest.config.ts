import { defineConfig } from 'vitest/config';

// One run for unit, service and HTTP tests. Server tests share a database template built once
// (apps/server/test/global-setup.ts): PGlite by default, PostgreSQL when TEST_DB=postgres.
export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    environment: 'node',
    globalSetup: ['apps/server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
  bench: {
    include: ['bench/**/*.bench.ts'],
  },
});
