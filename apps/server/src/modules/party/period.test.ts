import { describe, expect, it } from 'vitest';
import { parseQuarter, quarterOf } from './period.js';

describe(parseQuarter.name, () => {
  it('spans the quarter in Lhasa time', () => {
    const q = parseQuarter('2026Q4');
    expect(q.from.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(q.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(parseQuarter('2027Q1').from.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('refuses anything but YYYYQ1–4', () => {
    expect(() => parseQuarter('2026Q5')).toThrow();
    expect(() => parseQuarter('2026-Q4')).toThrow();
  });
});

describe(quarterOf.name, () => {
  it('uses the street’s date, not UTC', () => {
    expect(quarterOf(new Date('2026-09-30T16:30:00Z'))).toBe('2026Q4');
    expect(quarterOf(new Date('2026-09-30T15:30:00Z'))).toBe('2026Q3');
    expect(quarterOf(new Date('2026-11-01T00:00:00+08:00'))).toBe('2026Q4');
  });
});
