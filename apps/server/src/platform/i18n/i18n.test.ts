import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@duodi/contracts';
import { CATALOGS, errorText, pickLanguage } from './index.js';

const keysOf = (o: object, pre = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v as object, `${pre}${k}.`) : [`${pre}${k}`]));

describe(pickLanguage.name, () => {
  it('defaults to zh-CN', () => expect(pickLanguage(undefined)).toBe('zh-CN'));
  it('reads bo and bo-CN as Tibetan', () => {
    expect(pickLanguage('bo')).toBe('bo');
    expect(pickLanguage('bo-CN,zh;q=0.5')).toBe('bo');
  });
  it('honours q weights', () => expect(pickLanguage('zh-CN;q=0.4, en;q=0.9')).toBe('en'));
  it('falls back for unknown languages', () => expect(pickLanguage('fr-FR', 'bo')).toBe('bo'));
});

describe('error catalogs', () => {
  it('have the same keys in zh-CN, bo and en', () => {
    const zh = keysOf(CATALOGS['zh-CN']).sort();
    expect(keysOf(CATALOGS.bo).sort()).toEqual(zh);
    expect(keysOf(CATALOGS.en).sort()).toEqual(zh);
  });

  it('give every API error code a title and detail in every language', () => {
    for (const lang of ['zh-CN', 'bo', 'en'] as const) {
      for (const code of ERROR_CODES) {
        const entry = (CATALOGS[lang].errors as Record<string, { title: string; detail: string } | undefined>)[code];
        expect(entry?.title, `${lang}:${code}`).toBeTruthy();
        expect(entry?.detail, `${lang}:${code}`).toBeTruthy();
      }
    }
  });

  it('write Tibetan in Tibetan script', () => {
    expect(errorText('bo', 'forbidden').title).toMatch(/[\u0F00-\u0FFF]/);
  });

  it('interpolates parameters', () => {
    expect(errorText('en', 'outside_geofence', { distance: 350 }).detail).toContain('350 m');
  });
});
