#!/usr/bin/env node
// Sums the gzip sizes of the JS (and CSS) an HTML entry of dist/ loads before first render:
// its entry script plus every modulepreload, i.e. the static import graph Vite wrote into the page.
// Usage: node apps/web/scripts/measure-bundle.mjs [index.html|admin.html ...]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const say = (line) => process.stdout.write(`${line}\n`);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['index.html', 'admin.html'];

for (const page of pages) {
  const html = readFileSync(join(dist, page), 'utf8');
  const js = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map((m) => m[1]);
  const size = (files) =>
    files.map((file) => {
      const raw = readFileSync(join(dist, file));
      return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
    });
  const rows = [...size(js), ...size(css)];
  for (const r of rows) say(`${page}  ${r.file.padEnd(48)} ${(r.raw / 1024).toFixed(1).padStart(8)} kB  gzip ${(r.gzip / 1024).toFixed(1).padStart(7)} kB`);
  const sum = (list) => list.reduce((total, r) => total + r.gzip, 0) / 1024;
  const jsRows = rows.filter((r) => r.file.endsWith('.js'));
  say(`${page}  JS total gzip: ${sum(jsRows).toFixed(1)} kB (${jsRows.length} files); CSS total gzip: ${sum(rows.filter((r) => r.file.endsWith('.css'))).toFixed(1)} kB\n`);
}
