import { describe, expect, it } from 'vitest';
import { duodiIntakeGrids } from './fixtures/duodi-grids.js';
import { draftDemandsFromChat, isChatter, postedAt } from './parse-messages.js';

const ctx = { grids: duodiIntakeGrids(), now: new Date('2026-11-02T12:00:00+08:00') };
const draft = (text: string) => draftDemandsFromChat(text, ctx);

describe(draftDemandsFromChat.name, () => {
  it('drafts one demand per request in a pasted group chat and skips the chatter', () => {
    const drafts = draft(
      [
        '桑伊社区第三网格居民群(218)',
        '次仁 09:12',
        '大家早上好',
        '拉姆 09:15',
        '暖阳家园2栋3单元的阿妈啦腿脚不方便，想请人帮忙买点菜和酥油，电话13800138009',
        '王建华 09:20',
        '收到',
        '[图片]',
        '次仁 09:31',
        '@拉姆 好的，我来登记',
      ].join('\n'),
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      sender: '拉姆',
      postedAt: '2026-11-02T09:15:00+08:00',
      language: 'zh',
      serviceItemId: 'svc_shopping',
      gridId: 'grid_sy_03',
      urgency: 'normal',
      contactPhone: '13800138009',
      beneficiaryHint: '阿妈啦',
      emergency: null,
      feeFlag: false,
    });
    expect(drafts[0]?.confidence).toBeGreaterThan(0.5);
    expect(drafts[0]?.reasons.join(' ')).toContain('暖阳家园2栋');
  });

  it("joins a sender's follow-up lines to the request and keeps a second request apart", () => {
    const drafts = draft(
      [
        '卓玛 10:01',
        '雪域佳苑1栋的旺姆啦想找人帮忙把冬天的被子拆洗一下',
        '卓玛 10:02',
        '还有3栋的老李家暖气片漏水了',
        '卓玛 10:03',
        '电话 138-0013-8010',
      ].join('\n'),
    );
    expect(drafts.map((d) => [d.serviceItemId, d.gridId, d.contactPhone])).toEqual([
      ['svc_home_cleaning', 'grid_jx_04', null],
      ['svc_repair_plumbing', 'grid_jx_04', '13800138010'],
    ]);
  });

  it('marks an emergency, keeps it off the volunteer market and joins replies about it', () => {
    const drafts = draft(
      ['扎西 20:15', '吉祥花园1栋有人家里在吵架，好像动手了', '扎西 20:16', '女的在喊救命', '央金 20:18', '赶紧打110吧'].join('\n'),
    );
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      emergency: { kind: 'violence', call: '110' },
      serviceItemId: null,
      urgency: 'urgent',
      gridId: 'grid_jx_01',
    });
    expect(drafts[0]?.reasons.join(' ')).toContain('DR-19');
  });

  it('never hides an emergency: not in a reply, not in a would-be sender name, not among chatter', () => {
    expect(draft('收到，对了3栋冒烟了')[0]?.emergency?.kind).toBe('fire');
    expect(draft('着火了: 快来人')[0]?.emergency?.kind).toBe('fire');
    expect(draft('谢谢大家，阿妈啦晕倒了')[0]?.emergency?.kind).toBe('medical');
    expect(draft('各位居民：楼道里煤气味很大')[0]?.emergency?.kind).toBe('fire');
  });

  it('flags fee text for review (DR-17) and keeps the draft', () => {
    const [d] = draft('帮我妈取一下药，我给你发个红包');
    expect(d).toMatchObject({ serviceItemId: 'svc_medicine_pickup', feeFlag: true });
    expect(d?.reasons.join(' ')).toContain('DR-17');
  });

  it('drafts a request no menu item fits, for staff to classify', () => {
    expect(draft('夺底村五组的边巴家房子漏雨，想找人帮忙补一下屋顶')).toMatchObject([
      { serviceItemId: null, confidence: 0, gridId: 'grid_dd_05' },
    ]);
  });

  it('takes the grid from the group name when the message names none', () => {
    expect(draft('桑伊社区第二网格群\n尼玛 10:00\n我家灯坏了，能找人修一下吗')[0]?.gridId).toBe('grid_sy_02');
  });

  it('reads Tibetan requests', () => {
    const [d] = draft('SY-05 ཨ་མ་ལགས་ལ་སྐྲ་བྲེག་དགོས། མྱུར་དུ་ཡོང་རོགས།');
    expect(d).toMatchObject({
      serviceItemId: 'svc_haircut',
      gridId: 'grid_sy_05',
      urgency: 'urgent',
      language: 'bo',
      beneficiaryHint: 'ཨ་མ་ལགས',
    });
  });

  it('skips notices, thanks and reports of work done', () => {
    for (const text of [
      '各位居民：今晚7点在桑伊社区党群服务中心二楼开会，请每户派一名代表参加。',
      '昨天志愿者来帮我家修好了水管，太感谢了，扎西德勒🙏',
      '今天幸福敲敲门活动走访了阳光小区12户，已经录进系统了，辛苦大家',
      '收到，我下午去看看',
    ]) {
      expect(draft(text)).toEqual([]);
    }
  });

  it('returns nothing for an empty paste', () => {
    expect(draft('')).toEqual([]);
    expect(draft('\n \n')).toEqual([]);
  });
});

describe(isChatter.name, () => {
  it('recognises acknowledgements, greetings, emoji and stickers in both languages', () => {
    for (const text of [
      '收到👍',
      '好的好的 明白 👌',
      '[表情]',
      '🙏🙏🙏',
      '@拉姆 收到',
      'ལགས་སོ།',
      'ཐུགས་རྗེ་ཆེ། ལགས་སོ།',
      'ལོ་གསར་ལ་བཀྲ་ཤིས་བདེ་ལེགས། 🙏',
    ]) {
      expect(isChatter(text)).toBe(true);
    }
    for (const text of ['好的，灯还是不亮', '收到，3栋冒烟了']) expect(isChatter(text)).toBe(false);
  });
});

describe(postedAt.name, () => {
  const now = new Date('2026-11-02T12:00:00+08:00');
  it('dates a bare time on the day of now, or the day before when it is later than now', () => {
    expect(postedAt({ date: null, time: '09:15' }, now)).toBe('2026-11-02T09:15:00+08:00');
    expect(postedAt({ date: null, time: '21:47' }, now)).toBe('2026-11-01T21:47:00+08:00');
    expect(postedAt({ date: '昨天', time: '18:20' }, now)).toBe('2026-11-01T18:20:00+08:00');
    expect(postedAt({ date: '2026/10/31', time: '08:00' }, now)).toBe('2026-10-31T08:00:00+08:00');
    expect(postedAt(null, now)).toBeNull();
  });
});
