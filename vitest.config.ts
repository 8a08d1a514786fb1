import { defineConfig } from 'vitest/config';

// One run for everything: the `node` project holds unit, service and HTTP tests (server tests share a
// database template built once in apps/server/test/global-setup.ts: PGlite by default, PostgreSQL when
// TEST_DB=postgres); the web app's jsdom tests run under its own Vite config (React 19 deduped there).
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['packages/**/*.test.ts', 'apps/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**', 'apps/web/**'],
          environment: 'node',
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      'apps/web/vite.config.ts',
    ],
  },
  bench: {
    include: ['bench/**/*.bench.ts'],
  },
});
