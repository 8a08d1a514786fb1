import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';

/** National default star thresholds in hours (DR-10), used until the street's own arrive. */
export const DEFAULT_STAR_THRESHOLDS_HOURS = [100, 300, 600, 1000, 1500] as const;

/** Minutes as hours with one decimal (DR-03: the API counts integer minutes, people read hours). */
export function hoursText(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}

export type StarProgress = {
  /** The level the verified minutes reach (0..5). */
  level: number;
  /** The next level and the hours it needs; null at the top level. */
  next: { level: number; hours: number; remainingMinutes: number; percent: number } | null;
};

/**
 * Where a volunteer stands on the star ladder: the level reached with `minutes` of verified service and
 * what is left to the next threshold (the percent is measured from the current level's threshold).
 */
export function starProgress(minutes: number, thresholdsHours: readonly number[] = DEFAULT_STAR_THRESHOLDS_HOURS): StarProgress {
  const thresholds = thresholdsHours.map((h) => h * 60);
  let level = 0;
  while (level < thresholds.length && minutes >= (thresholds[level] ?? Infinity)) level += 1;
  if (level >= thresholds.length) return { level, next: null };
  const target = thresholds[level] ?? 0;
  const base = level === 0 ? 0 : (thresholds[level - 1] ?? 0);
  const span = Math.max(1, target - base);
  const percent = Math.min(100, Math.max(0, Math.floor(((minutes - base) / span) * 100)));
  return { level, next: { level: level + 1, hours: thresholdsHours[level] ?? 0, remainingMinutes: target - minutes, percent } };
}

/** Error codes of this area that get their own words in the web catalog (shown even if the server's detail is generic). */
const KNOWN_CODES = [
  'insufficient_balance',
  'out_of_stock',
  'not_a_relative',
  'token_expired',
  'redemption_limit_reached',
  'star_level_required',
  'below_withdraw_age',
  'not_eligible',
  'idempotency_key_reused',
] as const;

/** What to tell the user about a failed value-moving call, in their language. */
export function hoursError(error: unknown, t: TFunction): string {
  if (isApiError(error) && (KNOWN_CODES as readonly string[]).includes(error.code)) {
    return t(`hours.errors.${error.code as (typeof KNOWN_CODES)[number]}`);
  }
  return errorMessage(error, t);
}

/** The public verification link of a certificate (the page is served by the H5). */
export function verifyLink(origin: string, number: string): string {
  return `${origin}/verify/${encodeURIComponent(number)}`;
}

/** A merchant's 6-digit pickup code, spaced for reading aloud (123 456). */
export function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** A balance in its unit: points as a number, time-bank coin-minutes as hours with one decimal. */
export function amountText(kind: 'points' | 'time_bank', amount: number, t: TFunction): string {
  return kind === 'points' ? t('hours.pointsValue', { value: String(amount) }) : t('hours.hoursValue', { value: hoursText(amount) });
}
