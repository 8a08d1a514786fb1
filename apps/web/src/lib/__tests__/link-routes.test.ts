import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_LINK_ROUTES, H5_LINK_ROUTES } from '@duodi/contracts';

/** The `<Route path="…">` patterns of a router file, as absolute paths under `prefix`. */
function routesOf(file: string, prefix: string): string[] {
  const text = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', file), 'utf8');
  return [...text.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => `${prefix}/${m[1]}`);
}

describe('notification link routes (contracts) exist in the routers', () => {
  it('every H5 link route is an H5 route', () => {
    const routes = routesOf('h5/app.tsx', '');
    for (const r of H5_LINK_ROUTES) expect(routes, r).toContain(r);
  });

  it('every console link route is a console route', () => {
    const routes = routesOf('console/app.tsx', '/admin');
    for (const r of CONSOLE_LINK_ROUTES) expect(routes, r).toContain(r);
  });
});
