import { describe, expect, it } from 'vitest';
import { isPlausibleSender, splitChat } from './split-chat.js';

describe(splitChat.name, () => {
  it('splits "name time" headers and keeps multi-line bodies together', () => {
    const { messages } = splitChat('次仁 09:12\n大家早上好\n拉姆 09:15\n暖阳家园2栋的阿妈啦想买菜\n电话13800138009');
    expect(messages).toEqual([
      { sender: '次仁', stamp: { date: null, time: '09:12' }, text: '大家早上好' },
      { sender: '拉姆', stamp: { date: null, time: '09:15' }, text: '暖阳家园2栋的阿妈啦想买菜\n电话13800138009' },
    ]);
  });

  it('reads bracketed times, full-width colons, dates and a 12-hour clock', () => {
    const { messages } = splitChat('[10:02] 王建华：水管爆了\n【2026-11-02 下午3:10】卓玛: 收到\n扎西 2026/11/02 20:15\n吉祥花园1栋');
    expect(messages.map((m) => [m.sender, m.stamp, m.text])).toEqual([
      ['王建华', { date: null, time: '10:02' }, '水管爆了'],
      ['卓玛', { date: '2026-11-02', time: '15:10' }, '收到'],
      ['扎西', { date: '2026/11/02', time: '20:15' }, '吉祥花园1栋'],
    ]);
  });

  it('keeps the pasted characters of the body (full-width punctuation stays)', () => {
    const [m] = splitChat('阿佳 卓玛：我阿妈啦腿不好，能陪一下吗？').messages;
    expect(m).toMatchObject({ sender: '阿佳 卓玛', text: '我阿妈啦腿不好，能陪一下吗？' });
  });

  it('reads Tibetan senders', () => {
    const { messages } = splitChat('བཀྲ་ཤིས་ 19:20\nཨ་མ་ལགས་བརྒྱལ་སོང་།\nབསོད་ནམས་: ལགས་སོ།');
    expect(messages.map((m) => m.sender)).toEqual(['བཀྲ་ཤིས་', 'བསོད་ནམས་']);
    expect(messages[0]?.text).toBe('ཨ་མ་ལགས་བརྒྱལ་སོང་།');
  });

  it('drops WeChat system lines and media placeholders', () => {
    const pasted = [
      '"拉姆"邀请"尼玛"加入了群聊',
      '王建华撤回了一条消息',
      '卓玛拍了拍"次仁"',
      '次仁 08:05',
      '[图片]',
      '[语音]',
      '德吉 08:06',
      '灯坏了',
    ].join('\n');
    expect(splitChat(pasted).messages).toEqual([{ sender: '德吉', stamp: { date: null, time: '08:06' }, text: '灯坏了' }]);
  });

  it('takes a group name on the first line as the title, not as a message', () => {
    const { title, messages } = splitChat('桑伊社区第三网格居民群(218)\n次仁 09:12\n早');
    expect(title).toBe('桑伊社区第三网格居民群(218)');
    expect(messages).toHaveLength(1);
  });

  it('separates messages at date lines', () => {
    const { messages } = splitChat('灯坏了\n—— 2026年11月2日 10:32 ——\n水管漏了');
    expect(messages.map((m) => m.text)).toEqual(['灯坏了', '水管漏了']);
  });

  it('treats blank lines as separators only when there are no headers', () => {
    expect(splitChat('灯坏了\n\n水管漏了').messages.map((m) => m.text)).toEqual(['灯坏了', '水管漏了']);
    expect(splitChat('次仁 09:12\n灯坏了\n\n三楼').messages.map((m) => m.text)).toEqual(['灯坏了\n\n三楼']);
  });

  it('does not take a label, a time word or the start of a sentence for a sender', () => {
    const { messages } = splitChat('地址：阳光小区2栋\n明天 10:30\nSY-02 网格反映：3单元窗户碎了\n求助：有人晕倒');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.sender).toBeNull();
    expect(messages[0]?.text).toContain('求助：有人晕倒');
  });
});

describe(isPlausibleSender.name, () => {
  it('accepts nicknames and refuses labels and sentences', () => {
    for (const name of ['张三', '阿佳 卓玛', '网格员次仁', 'བཀྲ་ཤིས་', '3栋卓玛']) expect(isPlausibleSender(name)).toBe(true);
    for (const name of ['地址', '联系电话', '阿妈啦说', '各位居民', '好的，谢谢', '@拉姆', 'http', '13800138000', '明天']) {
      expect(isPlausibleSender(name)).toBe(false);
    }
  });
});
