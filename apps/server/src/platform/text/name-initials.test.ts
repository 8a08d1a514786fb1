import { describe, expect, it } from 'vitest';
import { nameInitialsOf } from './name-initials.js';

describe(nameInitialsOf.name, () => {
  it('gives pinyin initials of Han names, including Tibetan names in Chinese transliteration', () => {
    expect(nameInitialsOf('扎西次仁')).toBe('zxcr');
    expect(nameInitialsOf('王建国')).toBe('wjg');
    expect(nameInitialsOf('旦增·卓玛')).toBe('dzzm');
  });
  it('is empty for Tibetan script and Latin names', () => {
    expect(nameInitialsOf('བཀྲ་ཤིས་')).toBe('');
    expect(nameInitialsOf('Tashi')).toBe('');
  });
});
