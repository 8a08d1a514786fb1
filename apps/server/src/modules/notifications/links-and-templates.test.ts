import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesWebRoute, WEB_LINK_ROUTES } from '@duodi/contracts';
import bo from '../../platform/i18n/bo.json' with { type: 'json' };
import en from '../../platform/i18n/en.json' with { type: 'json' };
import zh from '../../platform/i18n/zh-CN.json' with { type: 'json' };

const MODULES = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every `link: '…'` / `link: \`…\`` the modules pass to notify(), `${…}` replaced by a sample id. */
function linksUsed(): { file: string; link: string }[] {
  const found: { file: string; link: string }[] = [];
  for (const file of sources(MODULES)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\blink:\s*(['`])(\/[^'`]*)\1/g))
      found.push({ file: path.relative(MODULES, file), link: m[2]!.replace(/\$\{[^}]+\}/g, 'x_1') });
  }
  return found;
}

/** Every notify() kind used with a literal: `kind: 'a.b'` or `kind: \`a.b.${…}\`` next to a notify call. */
function kindsUsed(): string[] {
  const kinds = new Set<string>();
  for (const file of sources(MODULES)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('notify(')) continue;
    for (const m of text.matchAll(/\bkind:\s*'([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)'/g)) kinds.add(m[1]!);
  }
  return [...kinds].sort();
}

const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
type Catalog = { notifications: Record<string, { title: string; body: string }> };

describe('notification links', () => {
  it('finds the links the modules use', () => {
    const links = linksUsed();
    expect(links.length).toBeGreaterThanOrEqual(8);
    expect(links.map((l) => l.link)).toEqual(expect.arrayContaining(['/me/records', '/time-bank', '/me/certificates']));
  });

  it('every link opens a known web route (contracts WEB_LINK_ROUTES)', () => {
    const unknown = linksUsed().filter((l) => !WEB_LINK_ROUTES.some((r) => matchesWebRoute(l.link, r)));
    expect(unknown).toEqual([]);
  });

  it('matches patterns segment by segment', () => {
    expect(matchesWebRoute('/orders/dmd_1', '/orders/:id')).toBe(true);
    expect(matchesWebRoute('/orders', '/orders/:id')).toBe(false);
    expect(matchesWebRoute('/me/records/rec_1', '/me/records')).toBe(false);
    expect(matchesWebRoute('/me/time-bank', '/time-bank')).toBe(false);
  });
});

describe('notification templates', () => {
  const catalogs = { 'zh-CN': zh as Catalog, bo: bo as Catalog, en: en as Catalog };

  it('every kind used has a title and body in zh-CN, bo and en', () => {
    const kinds = kindsUsed();
    expect(kinds).toEqual(expect.arrayContaining(['certificate_request.issued', 'certificate_request.declined', 'time_bank.received']));
    for (const kind of kinds)
      for (const [lang, c] of Object.entries(catalogs)) {
        const tpl = c.notifications[kind.replace(/\./g, '_')];
        expect(tpl?.title, `${lang} ${kind}`).toBeTruthy();
        expect(tpl?.body, `${lang} ${kind}`).toBeTruthy();
      }
  });

  it('the three catalogs have the same kinds with the same variables, and bo has no Chinese characters', () => {
    const keys = Object.keys(catalogs['zh-CN'].notifications).sort();
    for (const c of [catalogs.bo, catalogs.en]) expect(Object.keys(c.notifications).sort()).toEqual(keys);
    for (const key of keys) {
      const z = catalogs['zh-CN'].notifications[key]!;
      for (const [lang, c] of Object.entries(catalogs)) {
        const tpl = c.notifications[key]!;
        expect(vars(tpl.title), `${lang} ${key}.title`).toEqual(vars(z.title));
        expect(vars(tpl.body), `${lang} ${key}.body`).toEqual(vars(z.body));
      }
      expect(/[\u4e00-\u9fff]/.test(catalogs.bo.notifications[key]!.title + catalogs.bo.notifications[key]!.body), key).toBe(false);
    }
  });
});
