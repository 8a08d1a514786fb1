import { STREET_UTC_OFFSET_MINUTES } from '../../platform/http/time.js';

/** A DR-18 reporting period: a calendar quarter in the street's time zone, [from, to). */
export interface Quarter {
  code: string;
  from: Date;
  to: Date;
}

const OFFSET_MS = STREET_UTC_OFFSET_MINUTES * 60_000;

/** `2026Q4` → 2026-10-01T00:00+08:00 … 2027-01-01T00:00+08:00. The code must match /^\d{4}Q[1-4]$/. */
export function parseQuarter(code: string): Quarter {
  const m = /^(\d{4})Q([1-4])$/.exec(code);
  if (!m) throw new Error(`not a quarter: ${code}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  return {
    code,
    from: new Date(Date.UTC(year, (q - 1) * 3, 1) - OFFSET_MS),
    to: new Date(Date.UTC(year, q * 3, 1) - OFFSET_MS),
  };
}

/** The quarter a moment falls in, in the street's time zone. */
export function quarterOf(at: Date): string {
  const local = new Date(at.getTime() + OFFSET_MS);
  return `${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}
