import { describe, expect, it } from 'vitest';
import { formatDate, minutesToHours } from '../format';
import { localName, localText } from '../localize';
import { breakAfterTsheg } from '../tibetan';

describe(breakAfterTsheg.name, () => {
  it('breaks Tibetan only after a tsheg, never inside a syllable', () => {
    expect(breakAfterTsheg('བཀྲ་ཤིས་སྡོད་ཁུལ་')).toBe('བཀྲ་ཤིས་\nསྡོད་ཁུལ་');
    expect(breakAfterTsheg('ལོ་འོ་གྲོང་ཚོ་', 3)).toBe('ལོ་འོ་གྲོང་\nཚོ་');
  });

  it('leaves Chinese and English alone', () => {
    expect(breakAfterTsheg('桑伊社区')).toBe('桑伊社区');
    expect(breakAfterTsheg('Sangyi Community')).toBe('Sangyi Community');
  });
});

describe(localName.name, () => {
  const community = { name: '桑伊社区', nameBo: 'བསམ་ཡིད་སྡོད་ཁུལ།', nameEn: null };

  it('uses the Tibetan name in Tibetan and says which language the text is in', () => {
    expect(localName(community, 'bo')).toEqual({ text: 'བསམ་ཡིད་སྡོད་ཁུལ།', lang: 'bo' });
  });

  it('falls back to Chinese when there is no name in the UI language', () => {
    expect(localName(community, 'en')).toEqual({ text: '桑伊社区', lang: 'zh-CN' });
  });
});

describe(localText.name, () => {
  it('shows a slogan in Tibetan when there is one, else in Chinese', () => {
    expect(localText('布谷声声', 'ཁུ་བྱུག', 'bo')).toEqual({ text: 'ཁུ་བྱུག', lang: 'bo' });
    expect(localText('布谷声声', null, 'bo')).toEqual({ text: '布谷声声', lang: 'zh-CN' });
    expect(localText('布谷声声', 'ཁུ་བྱུག', 'en')).toEqual({ text: '布谷声声', lang: 'zh-CN' });
    expect(localText(null, null, 'zh-CN')).toBeNull();
  });
});

describe(minutesToHours.name, () => {
  it('rounds verified minutes to hours with one decimal', () => {
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(31_380)).toBe(523);
    expect(minutesToHours(100)).toBe(1.7);
  });
});

describe(formatDate.name, () => {
  it('writes a founding date per language without shifting the day', () => {
    expect(formatDate('2019-03-05', 'zh-CN')).toBe('2019年3月5日');
    expect(formatDate('2019-03-05', 'en')).toBe('March 5, 2019');
    expect(formatDate('2019-03-05', 'bo')).toBe('2019-03-05');
  });
});
