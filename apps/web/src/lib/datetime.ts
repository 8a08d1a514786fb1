/** Times for the API: ISO 8601 with the offset of this device (API.md: `2024-06-25T16:21:18+08:00`). */
export function isoWithOffset(date: Date = new Date()): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** Today as YYYY-MM-DD on this device. */
export function todayIso(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The calendar quarter of a date, e.g. `2026Q4` (the DR-18 reporting period). */
export function quarterOf(date: Date = new Date()): string {
  return `${date.getFullYear()}Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** The last `count` quarters, newest first, ending with the one of `date`. */
export function recentQuarters(count: number, date: Date = new Date()): string[] {
  const out: string[] = [];
  let year = date.getFullYear();
  let quarter = Math.floor(date.getMonth() / 3) + 1;
  for (let i = 0; i < count; i++) {
    out.push(`${year}Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** `2026Q4` → { year: 2026, quarter: 4 }. */
export function parseQuarter(period: string): { year: number; quarter: number } | null {
  const match = /^(\d{4})Q([1-4])$/.exec(period);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}
