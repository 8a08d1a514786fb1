import { describe, expect, it } from 'vitest';
import { findBeneficiary } from './find-beneficiary.js';

describe(findBeneficiary.name, () => {
  it.each([
    ['帮独居的次仁奶奶买菜', '独居的次仁奶奶'],
    ['阳光小区2栋3单元的次仁奶奶一个人住', '次仁奶奶'],
    ['暖阳家园12栋2单元旺堆波啦想理发', '旺堆波啦'],
    ['夺底路东院2栋的央金啦最近老是一个人在家哭', '央金啦'],
    ['暖阳家园2栋3单元的阿妈啦腿脚不方便', '阿妈啦'],
    ['ཨ་མ་ལགས་ལ་སྐྲ་བྲེག་དགོས།', 'ཨ་མ་ལགས'],
  ])('finds the person in %s', (text, hint) => {
    expect(findBeneficiary(text)).toBe(hint);
  });

  it('returns null when nobody is named', () => {
    expect(findBeneficiary('楼道灯坏了')).toBeNull();
  });
});
