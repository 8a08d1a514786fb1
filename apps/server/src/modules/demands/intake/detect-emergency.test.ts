import { describe, expect, it } from 'vitest';
import { detectEmergency } from './detect-emergency.js';

const kindOf = (text: string) => detectEmergency(text)?.kind ?? null;

describe(detectEmergency.name, () => {
  it.each([
    ['康乐小区2栋3楼着火了，冒好多烟', 'fire', '119'],
    ['楼道里一股很浓的煤气味', 'fire', '119'],
    ['厨房燃气好像漏了，有味道', 'fire', '119'],
    ['ཁྱིམ་ནང་མེ་ཤོར་འདུག', 'fire', '119'],
    ['རླངས་རྫས་ཀྱི་དྲི་མ་ཚབས་ཆེན་ཐོན་གྱི་འདུག', 'fire', '119'],
    ['有个男的喝醉了在打老婆', 'violence', '110'],
    ['两个人拿着刀在吵', 'violence', '110'],
    ['他又家暴了', 'violence', '110'],
    ['ཆུང་མར་བརྡུང་རྡེག་བྱེད་ཀྱི་འདུག', 'violence', '110'],
    ['ཇག་པ་གཉིས་ཀྱིས་གྲི་ཐོགས་ནས་', 'violence', '110'],
    ['阿妈啦在家里晕倒了，叫也叫不醒', 'medical', '120'],
    ['喂那个老太太好像晕到了', 'medical', '120'],
    ['爷爷突然喘不上气', 'medical', '120'],
    ['她说心口有点闷', 'medical', '120'],
    ['老人摔倒了起不来', 'medical', '120'],
    ['ཨ་མ་ལགས་བརྒྱལ་སོང་།', 'medical', '120'],
    ['པོ་ལགས་ན་ཟུག་ཚབས་ཆེན་བྱུང་སོང་།', 'medical', '120'],
    ['有个孩子在楼顶边上，好像要跳楼', 'other_danger', '110'],
    ['独居老人三天没人见过他了，敲门没人应', 'other_danger', '110'],
    ['电梯卡住了，里面有老人', 'other_danger', '119'],
    ['ཕྲུ་གུ་ཞིག་བོར་བརླག་ཏུ་སོང་།', 'other_danger', '110'],
  ])('detects %s', (text, kind, call) => {
    expect(detectEmergency(text)).toMatchObject({ kind, call });
  });

  it('errs on the safe side: negations and hazards still raise the alarm', () => {
    expect(kindOf('不是着火，是烧水壶冒烟')).toBe('fire');
    expect(kindOf('上次就差点着火')).toBe('fire');
  });

  it('ignores a weak cue told as past or as a risk, unless it is still going on', () => {
    expect(kindOf('阿佳拉姆昨天摔了一跤，今天想去医院拍个片子')).toBeNull();
    expect(kindOf('坡路结冰了，老人容易滑倒')).toBeNull();
    expect(kindOf('昨天摔倒了，到现在还起不来')).toBe('medical');
    expect(kindOf('奶奶摔倒了')).toBe('medical');
  });

  it('prefers a specific kind over a bare cry for help', () => {
    expect(kindOf('救命！有人捅人了')).toBe('violence');
    expect(kindOf('救命')).toBe('other_danger');
  });

  it('takes emergency numbers only as numbers', () => {
    expect(kindOf('快打120')).toBe('medical');
    expect(kindOf('房子120平米，想找人打扫')).toBeNull();
    expect(kindOf('110室的阿姨想理发')).toBeNull();
  });

  it('does not alarm on ordinary requests', () => {
    for (const text of ['家里灯不亮了', '想找人陪奶奶去医院复查', '孩子放学没人接', '腿骨折在家，想请人买菜', 'ཆུ་ཚོད་ལྔ་པར་ཕྲུ་གུ་ལེན་ཐུབ་བམ།']) {
      expect(kindOf(text)).toBeNull();
    }
  });
});
