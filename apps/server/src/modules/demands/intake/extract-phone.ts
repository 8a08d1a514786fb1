/**
 * Mainland mobile numbers in chat text, normalised to 11 digits. Pure.
 * Accepts `13800138000`, `138 0013 8000`, `138-0013-8000`, `+86 138…`, Tibetan digits (normalised
 * before), and voice-to-text spellings in Chinese numerals (`幺三八零零幺三八…`). Refuses digits that are
 * part of a longer number (an ID card number, an order number).
 */
import { ZH_DIGITS, normalizeText } from './text.js';

const DIGITS = /(?<![\d])(?:\+?86[\s-]?)?(1[3-9](?:[\s-]?\d){9})(?![\d])/g;
const ZH_SPELLED = /[零〇一幺二两三四五六七八九]{11,13}/g;
const MOBILE = /^1[3-9]\d{9}$/;

/** Every mobile number in the text, in order, without duplicates. */
export function extractPhones(text: string): string[] {
  const t = normalizeText(text);
  const found: { at: number; phone: string }[] = [];
  for (const m of t.matchAll(DIGITS)) {
    const phone = (m[1] ?? '').replace(/\D/g, '');
    if (MOBILE.test(phone)) found.push({ at: m.index, phone });
  }
  for (const m of t.matchAll(ZH_SPELLED)) {
    const digits = [...m[0]].map((c) => String(ZH_DIGITS[c] ?? '')).join('');
    const phone = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
    if (MOBILE.test(phone)) found.push({ at: m.index, phone });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.phone))];
}

/** The first mobile number in the text, or null. */
export function extractPhone(text: string): string | null {
  return extractPhones(text)[0] ?? null;
}
