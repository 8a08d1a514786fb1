import { describe, expect, it } from 'vitest';
import bo from '../bo.json';
import en from '../en.json';
import zhCN from '../zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const catalogs = { 'zh-CN': flatten(zhCN), bo: flatten(bo), en: flatten(en) };
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locale catalogs', () => {
  it('have identical key sets in zh-CN, bo and en', () => {
    const zhKeys = [...catalogs['zh-CN'].keys()].sort();
    expect([...catalogs.bo.keys()].sort()).toEqual(zhKeys);
    expect([...catalogs.en.keys()].sort()).toEqual(zhKeys);
  });

  it('use the same interpolation variables in every language', () => {
    for (const [key, zh] of catalogs['zh-CN']) {
      expect(variables(catalogs.bo.get(key) ?? ''), `bo ${key}`).toEqual(variables(zh));
      expect(variables(catalogs.en.get(key) ?? ''), `en ${key}`).toEqual(variables(zh));
    }
  });

  it('have no empty or left-untranslated Tibetan strings', () => {
    // The language names are written in their own script on purpose (中文 / English in every catalog).
    const ownScript = new Set(['lang.options.zh-CN', 'lang.options.en']);
    for (const [key, text] of catalogs.bo) {
      expect(text.trim(), key).not.toBe('');
      if (!ownScript.has(key)) expect(text, key).toMatch(/[\u0F00-\u0FFF]/);
      if (!ownScript.has(key)) expect(text, key).not.toMatch(/[\u4E00-\u9FFF]/);
    }
  });
});
