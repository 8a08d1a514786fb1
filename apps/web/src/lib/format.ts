import type { UiLang } from '@duodi/contracts';

const NUMBER_LOCALE: Record<UiLang, string> = { 'zh-CN': 'zh-CN', bo: 'zh-CN', en: 'en' };

export function formatNumber(value: number, language: UiLang): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[language]).format(value);
}

/** Verified minutes as hours with one decimal (durations are integer minutes in the API). */
export function minutesToHours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/**
 * A calendar date (`2019-03-05` or an ISO time) for display. Tibetan gets the numeric form, since
 * Intl has no Tibetan calendar names and would fall back to Chinese characters.
 */
export function formatDate(value: string, language: UiLang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, y, m, d] = match;
  if (language === 'zh-CN') return `${y}年${Number(m)}月${Number(d)}日`;
  if (language === 'en') {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return `${y}-${m}-${d}`;
}
