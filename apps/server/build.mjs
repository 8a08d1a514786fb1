// Bundles the server into dist/main.js: our TypeScript (and the workspace contracts) inline,
// npm packages left as imports from node_modules. Migrations are copied beside the bundle.
// dist/demo-load.worker.js is the worker thread main.js starts to load the demo data (found beside it).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
await build({
  entryPoints: { main: path.join(here, 'src/main.ts'), 'demo-load.worker': path.join(here, 'src/demo-load.worker.ts') },
  outdir: path.join(here, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalize-npm',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@duodi/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
fs.cpSync(path.join(here, 'migrations'), path.join(here, 'dist/migrations'), { recursive: true });
console.log(`server bundle: dist/main.js, dist/demo-load.worker.js (${Date.now() - started} ms)`);
