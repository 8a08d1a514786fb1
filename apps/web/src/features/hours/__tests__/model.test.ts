import { describe, expect, it } from 'vitest';
import { hoursText, spacedCode, starProgress, verifyLink } from '../model';

describe('hours model', () => {
  it('shows minutes as hours with one decimal (DR-03)', () => {
    expect(hoursText(0)).toBe('0.0');
    expect(hoursText(90)).toBe('1.5');
    expect(hoursText(100)).toBe('1.7');
    expect(hoursText(6_000)).toBe('100.0');
  });

  it('computes the star level and the next threshold from verified minutes', () => {
    expect(starProgress(0)).toEqual({ level: 0, next: { level: 1, hours: 100, remainingMinutes: 6_000, percent: 0 } });
    // 150 h: one star, halfway (in minutes from 100 h) to the 300 h of two stars is 25 %.
    expect(starProgress(150 * 60)).toEqual({ level: 1, next: { level: 2, hours: 300, remainingMinutes: 150 * 60, percent: 25 } });
    expect(starProgress(300 * 60).level).toBe(2);
    expect(starProgress(300 * 60 - 1).level).toBe(1);
    expect(starProgress(1_500 * 60)).toEqual({ level: 5, next: null });
  });

  it('uses the street’s own thresholds when given', () => {
    expect(starProgress(60 * 60, [50, 80, 120, 200, 300])).toEqual({
      level: 1,
      next: { level: 2, hours: 80, remainingMinutes: 20 * 60, percent: 33 },
    });
  });

  it('builds the public verification link and spaces the pickup code', () => {
    expect(verifyLink('https://duodi.example', 'DD-2026-000123')).toBe('https://duodi.example/verify/DD-2026-000123');
    expect(spacedCode('123456')).toBe('123 456');
  });
});
