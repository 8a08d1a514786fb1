/** The street's clock: China Standard Time (Lhasa), UTC+08:00, no daylight saving. */
export const STREET_UTC_OFFSET_MINUTES = 480;

/** ISO 8601 with the street's offset, as API.md wants: 2024-06-25T16:21:18+08:00. */
export function isoWithOffset(date: Date, offsetMinutes = STREET_UTC_OFFSET_MINUTES): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

export const isoOrNull = (date: Date | null | undefined): string | null => (date ? isoWithOffset(date) : null);
