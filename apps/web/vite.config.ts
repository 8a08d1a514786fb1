import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Connect, Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The server answers every /admin/* path with admin.html; do the same in `vite` dev and preview. */
function adminFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (/^\/admin(\/|$)/.test(path) && !/\.[a-z0-9]+$/i.test(path)) req.url = '/admin.html';
    next();
  };
  return {
    name: 'duodi-admin-fallback',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/**
 * @duodi/contracts builds its zod schemas at module top level, which a bundler must keep unless told the
 * files are pure. They are: the web app imports only enums and types from it, so zod stays out of the bundle.
 */
function pureContracts(): Plugin {
  const contractsDir = here('../../packages/contracts/src/');
  return {
    name: 'duodi-pure-contracts',
    transform: (code, id) => (id.startsWith(contractsDir) ? { code, map: null, moduleSideEffects: false } : undefined),
  };
}

/** Where `vite` dev forwards /api and /healthz: the server started with `npm run dev` (port 3000), or API_TARGET. */
const backend = process.env.API_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), adminFallback(), pureContracts()],
  resolve: {
    // The lockfile hoists react 18 (a peer of some libraries) to the root; the app is on react 19 in apps/web.
    dedupe: ['react', 'react-dom'],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rolldownOptions: {
      input: { index: here('index.html'), admin: here('admin.html') },
      output: {
        codeSplitting: {
          // The runtime both surfaces share, cached once; antd and antd-mobile stay in their own surface.
          groups: [{ name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack|i18next|react-i18next|cookie|set-cookie-parser)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': backend, '/healthz': backend },
  },
  test: {
    root: here('.'),
    include: ['src/**/__tests__/*.test.{ts,tsx}'],
    environment: 'jsdom',
    // antd tables and drawers render slowly in jsdom when the server tests share the two CPU cores.
    testTimeout: 30_000,
    setupFiles: [here('src/testing/setup.ts')],
    // antd-mobile's components import their CSS, so they go through Vite (which stubs CSS) instead of the optimizer.
    server: { deps: { inline: [/antd-mobile/] } },
    deps: {
      optimizer: {
        // Bundle the React libraries for the jsdom tests, so that `dedupe`/`alias` give them the app's react 19.
        client: {
          enabled: true,
          include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', '@testing-library/react', '@testing-library/dom', 'react-i18next', '@tanstack/react-query', 'react-router-dom', 'antd', 'ahooks', 'antd-mobile-icons'],
        },
      },
    },
  },
});
