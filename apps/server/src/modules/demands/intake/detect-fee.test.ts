import { describe, expect, it } from 'vitest';
import { detectFee } from './detect-fee.js';

describe(detectFee.name, () => {
  it.each([
    '请志愿者上门理发要不要给钱？多少钱一次？',
    '找个人来通一下，给50块辛苦费',
    '帮我妈取一下药，我给你发个红包',
    '那个来修电视的小伙子说要收80块上门费',
    '帮忙辅导孩子作业，按小时算报酬也可以',
    '有偿找人照顾老人，价格好商量',
    '我想给她们点钱表示感谢',
    '跑腿买菜要给跑腿费吗？',
    'ཞབས་ཞུ་འདི་ལ་གླ་ཆ་ག་ཚོད་སྤྲོད་དགོས་སམ།',
    'བཟོ་བཅོས་བྱེད་པར་རིན་པ་ག་ཚོད་རེད།',
    'མཉམ་དུ་འགྲོ་མཁན་ལ་སྒོར་མོ་ 100 སྤྲོད་ཆོག',
    '修好了转你20元',
  ])('flags %s', (text) => {
    expect(detectFee(text).length).toBeGreaterThan(0);
  });

  it.each([
    '老板一直拖着工资不给，想找懂法律的人问问',
    '想了解一下今年的城乡居民医保怎么交，交多少钱',
    '想请人帮忙买点菜、米和油，钱她自己出',
    '帮忙代交一下这个月的电费，100块',
    '孩子作业不会做，想找个老师辅导一下，免费的那种',
    'ངའི་གླ་ཕོགས་ཟླ་བ་གསུམ་ལ་མ་སྤྲད།',
    '阳光小区2栋3单元401',
  ])('does not flag %s', (text) => {
    expect(detectFee(text)).toEqual([]);
  });

  it('still flags a payment word next to other money talk', () => {
    expect(detectFee('医保的事办完了给你发个红包')).toEqual(['红包']);
  });
});
