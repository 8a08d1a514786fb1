import type { UiLang } from '@duodi/contracts';
import bo from './bo.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import zh from './zh-CN.json' with { type: 'json' };

type Catalog = typeof zh;
const CATALOGS: Record<UiLang, Catalog> = { 'zh-CN': zh, bo, en };

/** Picks zh-CN, bo or en from an Accept-Language header; zh-CN when nothing matches (the default). */
export function pickLanguage(header: string | undefined, fallback: UiLang = 'zh-CN'): UiLang {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('bo')) return 'bo';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}

function interpolate(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (params[k] === undefined ? '' : String(params[k])));
}

export function errorText(lang: UiLang, code: string, params: Record<string, unknown> = {}): { title: string; detail: string } {
  const errors = CATALOGS[lang].errors as Record<string, { title: string; detail: string }>;
  const entry = errors[code] ?? errors.internal_error!;
  return { title: interpolate(entry.title, params), detail: interpolate(entry.detail, params) };
}

export function fieldText(lang: UiLang, key: string, params: Record<string, unknown> = {}): string {
  const fields = CATALOGS[lang].fields as Record<string, string>;
  return interpolate(fields[key] ?? fields.invalid!, params);
}

/** Whether a field-message key exists (custom refinements name their key in the zod message). */
export function isFieldKey(key: string): boolean {
  return key in CATALOGS['zh-CN'].fields;
}

export const CATALOG_LANGS = Object.keys(CATALOGS) as UiLang[];
export { CATALOGS };
