import { STREET_UTC_OFFSET_MINUTES } from '../../platform/http/time.js';

/** The street's calendar date (YYYY-MM-DD, Asia/Shanghai) of a moment. */
export function streetDate(at: Date): string {
  return new Date(at.getTime() + STREET_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/**
 * The date `n` working days (Monday–Friday) after `start` (YYYY-MM-DD): the notice posted on
 * `start` stays up through the end of that date, so it covers at least `n` full working days
 * besides the day it went up (DR-10: ≥ 5 working days). Public holidays are not modelled: the
 * count only skips weekends, which makes the notice never shorter than required.
 */
export function addWorkingDays(start: string, n: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`not a date: ${start}`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (!isWeekend(d)) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Working days strictly after `from` up to and including `to` (both YYYY-MM-DD). */
export function workingDaysBetween(from: string, to: string): number {
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  let count = 0;
  while (d < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (!isWeekend(d)) count++;
  }
  return count;
}

/** Minutes → a star level 0..5 with thresholds in hours for levels 1..5. */
export function levelForMinutes(minutes: number, thresholdsHours: readonly number[]): number {
  let level = 0;
  thresholdsHours.forEach((h, i) => {
    if (minutes >= h * 60) level = i + 1;
  });
  return level;
}
