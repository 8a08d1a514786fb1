import { describe, expect, it } from 'vitest';
import { extractPhone, extractPhones } from './extract-phone.js';

describe(extractPhone.name, () => {
  it.each([
    ['电话13800138001', '13800138001'],
    ['138 0013 8003 找我', '13800138003'],
    ['电话 138-0013-8010', '13800138010'],
    ['+86 138 0013 8004', '13800138004'],
    ['8613800138005', '13800138005'],
    ['手机：１３８００１３８００６', '13800138006'],
    ['ཁ་པར་ ༡༣༨༠༠༡༣༨༠༢༢', '13800138022'],
    ['幺三八零零幺三八零二三，这是我电话', '13800138023'],
  ])('finds %s', (text, phone) => {
    expect(extractPhone(text)).toBe(phone);
  });

  it('ignores landlines, short numbers, emergency numbers and digits inside longer numbers', () => {
    expect(extractPhone('打0891-6321234')).toBeNull();
    expect(extractPhone('快打120')).toBeNull();
    expect(extractPhone('身份证540102199001011234')).toBeNull();
    expect(extractPhone('订单号 2138001380012')).toBeNull();
    expect(extractPhone('12800138000')).toBeNull();
  });

  it('returns every number once, in order', () => {
    expect(extractPhones('13800138001 或 138 0013 8002，再写一次13800138001')).toEqual(['13800138001', '13800138002']);
  });
});
