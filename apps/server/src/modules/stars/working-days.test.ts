import { describe, expect, it } from 'vitest';
import { addWorkingDays, levelForMinutes, streetDate, workingDaysBetween } from './working-days.js';

describe(addWorkingDays.name, () => {
  it('skips the weekend: a notice posted on Monday ends on the next Monday', () => {
    expect(addWorkingDays('2026-11-30', 5)).toBe('2026-12-07');
  });
  it('posted on Friday it ends on the Friday after', () => {
    expect(addWorkingDays('2026-12-04', 5)).toBe('2026-12-11');
  });
  it('posted on Saturday it ends on Friday', () => {
    expect(addWorkingDays('2026-12-05', 5)).toBe('2026-12-11');
  });
  it('always leaves at least 5 working days after the posting day', () => {
    for (let i = 0; i < 21; i++) {
      const start = new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10);
      expect(workingDaysBetween(start, addWorkingDays(start, 5))).toBe(5);
    }
  });
});

describe(streetDate.name, () => {
  it('uses the street time zone (UTC+8)', () => {
    expect(streetDate(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
    expect(streetDate(new Date('2026-11-29T15:59:00Z'))).toBe('2026-11-29');
  });
});

describe(levelForMinutes.name, () => {
  const t = [100, 300, 600, 1000, 1500];
  it('maps hours to the national default levels', () => {
    expect(levelForMinutes(0, t)).toBe(0);
    expect(levelForMinutes(99 * 60 + 59, t)).toBe(0);
    expect(levelForMinutes(100 * 60, t)).toBe(1);
    expect(levelForMinutes(1499 * 60, t)).toBe(4);
    expect(levelForMinutes(1500 * 60, t)).toBe(5);
  });
});
