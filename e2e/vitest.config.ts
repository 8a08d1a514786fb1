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
    // The specs skip themselves unless this is set, so a broader config that happens to match them does not run them.
    env: { DUODI_E2E: '1' },
  },
});
