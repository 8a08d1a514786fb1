/**
 * Text helpers for chat intake: normalisation, small numbers written in Chinese, script detection and
 * keyword matching that respects Tibetan syllables. Pure.
 */

/** Tibetan letters, vowel signs and subjoined letters: the parts of a syllable (tsheg and shad excluded). */
const BO_SYLLABLE_CHAR = '\\u0F40-\\u0F6C\\u0F71-\\u0F84\\u0F90-\\u0FBC';
const BO_ANY = /[\u0F00-\u0FFF]/;
const HAN_CHAR = /[\u3400-\u9FFF]/g;

/**
 * NFKC (full-width digits, letters and colons become ASCII), Tibetan digits ༠–༩ become 0–9, the
 * non-breaking tsheg becomes a tsheg, zero-width characters go. Keeps line breaks, so a line of the
 * normalised text is the normalisation of the same line of the input.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0F20-\u0F29]/g, (d) => String(d.charCodeAt(0) - 0x0f20))
    .replace(/\u0F0C/g, '\u0F0B')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\r\n?/g, '\n');
}

export const ZH_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  幺: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters that may spell a small number in Chinese (for regular expressions). */
export const ZH_NUMBER_CHARS = '零〇一二两三四五六七八九十';

/** `12`, `十二`, `二十一`, `两` → a number; undefined for anything else or above 99. */
export function parseSmallNumber(s: string): number | undefined {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十]{1,3}$/.test(s)) return undefined;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? ZH_DIGITS[s] : undefined;
  if (s.indexOf('十', ten + 1) !== -1) return undefined;
  const tens = ten === 0 ? 1 : ZH_DIGITS[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : ZH_DIGITS[s.slice(ten + 1)];
  if (tens === undefined || ones === undefined || ten > 1) return undefined;
  return tens * 10 + ones;
}

export function hasTibetan(s: string): boolean {
  return BO_ANY.test(s);
}

/** The script a message is mostly written in: `mixed` when the other script has a quarter or more. */
export function detectLanguage(s: string): 'zh' | 'bo' | 'mixed' {
  // One Tibetan syllable carries about as much as one Chinese character.
  const bo = s.split(/[\u0F0B-\u0F14\s\u3000-\u303F\uFF00-\uFFEF\u4E00-\u9FFF,.!?;:]+/u).filter((x) => BO_ANY.test(x)).length;
  const han = s.match(HAN_CHAR)?.length ?? 0;
  if (bo === 0) return 'zh';
  if (han === 0) return 'bo';
  const boShare = bo / (bo + han);
  if (boShare >= 0.75) return 'bo';
  if (boShare <= 0.25) return 'zh';
  return 'mixed';
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Tibetan case particles that may fuse onto a syllable ending in a vowel (ཁ་ + ར → ཁར). */
const BO_FUSED_PARTICLE = '(?:ར|ས|འི|འོ|འང|འམ)?';

/**
 * A regular expression that finds a keyword in normalised text. Chinese (and Latin) keywords match as
 * substrings. A Tibetan keyword matches whole syllables: no letter right before it, and after it only
 * a fused case particle, then a syllable boundary. So གྲི་ (knife) does not match inside གྲིབ་ (shadow).
 */
export function keywordPattern(keyword: string): RegExp {
  const kw = normalizeText(keyword).trim();
  if (!hasTibetan(kw)) return new RegExp(escapeRegExp(kw), 'g');
  const core = kw.replace(/[\u0F0B\u0F0D\u0F0E\s]+$/u, '');
  return new RegExp(`(?<![${BO_SYLLABLE_CHAR}])${escapeRegExp(core)}${BO_FUSED_PARTICLE}(?![${BO_SYLLABLE_CHAR}])`, 'g');
}

export interface KeywordHit<T> {
  tag: T;
  keyword: string;
  start: number;
  end: number;
}

export interface CompiledKeyword<T> {
  tag: T;
  keyword: string;
  pattern: RegExp;
}

export function compileKeywords<T>(entries: readonly { tag: T; keyword: string }[]): CompiledKeyword<T>[] {
  return entries.map(({ tag, keyword }) => ({ tag, keyword, pattern: keywordPattern(keyword) }));
}

/** Every occurrence of every keyword in the text. */
export function findKeywords<T>(text: string, keywords: readonly CompiledKeyword<T>[]): KeywordHit<T>[] {
  const hits: KeywordHit<T>[] = [];
  for (const k of keywords) {
    k.pattern.lastIndex = 0;
    for (const m of text.matchAll(k.pattern)) {
      hits.push({ tag: k.tag, keyword: k.keyword, start: m.index, end: m.index + m[0].length });
    }
  }
  return hits;
}

/**
 * Drops every hit that lies inside a longer hit (of any tag), so 买药 is not also counted as 买.
 * Hits of the same span are all kept.
 */
export function longestHits<T>(hits: readonly KeywordHit<T>[]): KeywordHit<T>[] {
  const byLength = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: KeywordHit<T>[] = [];
  for (const h of byLength) {
    const inside = kept.some((k) => k.start <= h.start && h.end <= k.end && k.end - k.start > h.end - h.start);
    if (!inside) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}
