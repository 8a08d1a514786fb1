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

const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), adminFallback()],
  resolve: {
    alias: [
      { find: /^@\//, replacement: here('./src/') },
      // Only the enum constants: the package index also builds every zod schema, which the H5 does not need.
      { find: '@duodi/contracts/enums', replacement: here('../../packages/contracts/src/enums.ts') },
    ],
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
    setupFiles: [here('src/testing/setup.ts')],
    server: {
      deps: {
        // Run these through Vite so that `dedupe` gives them the same react as the app.
        inline: [/@testing-library\//, /react-i18next/, /@tanstack\//, /antd-mobile/, /antd/, /@rc-component/, /\/rc-/, /react-router/],
      },
    },
  },
});
