import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask.js';

describe(maskPhone.name, () => {
  it('keeps the first 3 and last 4 digits', () => expect(maskPhone('13812341234')).toBe('138****1234'));
  it('stars a too-short value entirely', () => expect(maskPhone('12345')).toBe('*****'));
});

describe(maskIdNumber.name, () => {
  it('keeps the region and the last 4, never the birth date', () => {
    const masked = maskIdNumber('540102199001011234');
    expect(masked).toBe('5401**********1234');
    expect(masked).not.toContain('19900101');
  });
});

describe(maskName.name, () => {
  it('keeps the first Han character', () => expect(maskName('王建国')).toBe('王**'));
  it('keeps the first Tibetan syllable up to the tsheg', () => expect(maskName('བཀྲ་ཤིས་ཚེ་རིང་')).toBe('བཀྲ་*'));
  it('masks a one-character name', () => expect(maskName('扎')).toBe('扎*'));
});
