import { describe, expect, it } from 'vitest';
import { compileKeywords, detectLanguage, findKeywords, keywordPattern, longestHits, normalizeText, parseSmallNumber } from './text.js';

describe(parseSmallNumber.name, () => {
  it.each([
    ['12', 12],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
  ])('reads %s', (s, n) => expect(parseSmallNumber(s)).toBe(n));

  it('refuses what is not a small number', () => {
    for (const s of ['', '一二', '十十', '百', '三十二十', 'x']) expect(parseSmallNumber(s)).toBeUndefined();
  });
});

describe(normalizeText.name, () => {
  it('turns full-width and Tibetan digits into ASCII and drops zero-width characters', () => {
    expect(normalizeText('１３８：༡༢\u200B')).toBe('138:12');
  });
});

describe(keywordPattern.name, () => {
  const has = (kw: string, text: string) => keywordPattern(kw).test(normalizeText(text));

  it('matches Tibetan keywords on whole syllables, with a fused case particle', () => {
    expect(has('གྲི་', 'གྲི་ཐོགས་ནས་')).toBe(true);
    expect(has('གྲི་', 'གྲིབ་མ་')).toBe(false);
    expect(has('མེ་ཤོར་', 'མེ་ཤོར།')).toBe(true);
    expect(has('རྒན་པ་', 'རྒན་པའི་ཁྱིམ་')).toBe(true);
    expect(has('ཆུ་', 'ཆུ་ཚོད་')).toBe(true);
    expect(has('ཆུ་', 'ཆུང་ཆུང་')).toBe(false);
  });

  it('matches Chinese keywords as substrings', () => {
    expect(has('理发', '想上门理发')).toBe(true);
  });
});

describe(longestHits.name, () => {
  it('drops a keyword inside a longer one', () => {
    const compiled = compileKeywords([
      { tag: 'a', keyword: '买' },
      { tag: 'b', keyword: '买药' },
      { tag: 'c', keyword: '菜' },
    ]);
    expect(longestHits(findKeywords('买药买菜', compiled)).map((h) => h.keyword)).toEqual(['买药', '买', '菜']);
  });
});

describe(detectLanguage.name, () => {
  it('tells Chinese, Tibetan and mixed text apart', () => {
    expect(detectLanguage('阿妈啦想理发')).toBe('zh');
    expect(detectLanguage('ཨ་མ་ལགས་སྐྲ་བྲེག་དགོས།')).toBe('bo');
    expect(detectLanguage('ཨ་མ་ལགས་སྨན་ཚར་སོང་། 药吃完了，帮忙拿一下')).toBe('mixed');
    expect(detectLanguage('ཨ་མ་ལགས་的药吃完了，能帮忙去藏医院拿一下吗')).toBe('zh');
  });
});
