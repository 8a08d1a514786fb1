import { describe, expect, it } from 'vitest';
import { addWorkingDays, nextStarMinutes, starForMinutes } from './star.js';

describe('star eligibility', () => {
  it('applies the national default thresholds 100/300/600/1000/1500 h', () => {
    expect(starForMinutes(0)).toBe(0);
    expect(starForMinutes(100 * 60 - 1)).toBe(0);
    expect(starForMinutes(100 * 60)).toBe(1);
    expect(starForMinutes(299 * 60)).toBe(1);
    expect(starForMinutes(300 * 60)).toBe(2);
    expect(starForMinutes(600 * 60)).toBe(3);
    expect(starForMinutes(1000 * 60)).toBe(4);
    expect(starForMinutes(1500 * 60)).toBe(5);
    expect(starForMinutes(9000 * 60)).toBe(5);
  });

  it('uses a street’s own thresholds', () => {
    expect(starForMinutes(60 * 60, [50, 100, 200, 400, 800])).toBe(1);
    expect(nextStarMinutes(60 * 60, [50, 100, 200, 400, 800])).toBe(100 * 60);
    expect(nextStarMinutes(1500 * 60)).toBeNull();
  });

  it('counts correction deadlines in working days, skipping weekends', () => {
    // Friday 2026-11-27 10:00 +08:00 → 10 working days later is Friday 2026-12-11.
    const due = addWorkingDays(new Date('2026-11-27T02:00:00Z'), 10);
    expect(due.toISOString()).toBe('2026-12-11T02:00:00.000Z');
  });
});
