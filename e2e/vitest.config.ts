// End-to-end suite: `npx vitest run --config e2e/vitest.config.ts` (npm test runs it when a Chromium is found).
// Each spec file starts the built server on a free port with a fresh DATA_DIR and drives Debian's Chromium.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
