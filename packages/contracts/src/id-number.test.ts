import { describe, expect, it } from 'vitest';
import { ageOn, birthDateFromResidentId, genderFromResidentId, residentIdCheckChar, residentIdProblem } from './id-number.js';

const make = (first17: string) => first17 + residentIdCheckChar(first17);

describe(residentIdProblem.name, () => {
  it('accepts a valid ID, with an upper- or lower-case X', () => {
    expect(residentIdProblem(make('54010219900101123'))).toBeNull();
    const withX = ['54010219880214001', '54010219880214002', '54010219880214003', '54010219880214004', '54010219880214005']
      .map(make)
      .find((id) => id.endsWith('X'));
    if (withX) expect(residentIdProblem(withX.toLowerCase())).toBeNull();
  });
  it('names a bad checksum', () => {
    const id = make('54010219900101123');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(residentIdProblem(wrong)).toBe('checksum');
  });
  it('names an impossible birth date', () => expect(residentIdProblem(make('54010219900231123'))).toBe('birth_date'));
  it('names a wrong format', () => {
    expect(residentIdProblem('5401021990010112')).toBe('format');
    expect(residentIdProblem('54010219900101123A')).toBe('format');
  });
});

describe('derived facts', () => {
  const id = make('54010220120615124');
  it('reads birth date and gender', () => {
    expect(birthDateFromResidentId(id)).toBe('2012-06-15');
    expect(genderFromResidentId(id)).toBe('female');
  });
  it('computes age in whole years', () => {
    expect(ageOn('2012-06-15', new Date('2026-06-14T12:00:00Z'))).toBe(13);
    expect(ageOn('2012-06-15', new Date('2026-06-15T12:00:00Z'))).toBe(14);
  });
});
