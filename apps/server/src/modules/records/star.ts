/** DR-10: national default eligibility thresholds, in cumulative verified hours, for 1…5 stars. */
export const DEFAULT_STAR_THRESHOLDS_HOURS: readonly number[] = [100, 300, 600, 1000, 1500];

/** The star level (0…5) that `minutes` of verified service make a volunteer eligible for. */
export function starForMinutes(minutes: number, thresholdsHours: readonly number[] = DEFAULT_STAR_THRESHOLDS_HOURS): number {
  let star = 0;
  for (const hours of thresholdsHours) if (minutes >= hours * 60) star += 1;
  return Math.min(star, 5);
}

/** Verified minutes at which the next level is reached; null at the top. */
export function nextStarMinutes(minutes: number, thresholdsHours: readonly number[] = DEFAULT_STAR_THRESHOLDS_HOURS): number | null {
  const next = thresholdsHours.find((h) => minutes < h * 60);
  return next === undefined ? null : next * 60;
}

/** The date `workingDays` working days (Monday…Friday, street time UTC+8) after `from`, same time of day. */
export function addWorkingDays(from: Date, workingDays: number): Date {
  const d = new Date(from.getTime());
  let left = workingDays;
  while (left > 0) {
    d.setTime(d.getTime() + 86_400_000);
    const weekday = new Date(d.getTime() + 8 * 3_600_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}
