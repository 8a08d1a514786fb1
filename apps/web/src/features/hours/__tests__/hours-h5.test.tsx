// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, Redemption, Reward, ServiceRecord, VolunteerSummary } from '@duodi/contracts';
import { RESIDENT } from '../../../testing/fixtures';
import { json, mockApi, problem } from '../../../testing/mock-api';
import { renderH5 } from '../../../testing/render';

const VOLUNTEER: Me = { ...RESIDENT, id: 'u-06', volunteerId: 'v-06', roles: ['volunteer'], teamIds: ['t-bugu'] };
const MERCHANT: Me = {
  ...RESIDENT,
  id: 'u-11',
  volunteerId: null,
  roles: ['merchant'],
  assignments: [{ role: 'merchant', scopeType: 'street', scopeId: 's-duodi', scopeName: '夺底街道' }],
};

const SUMMARY: VolunteerSummary = {
  verifiedMinutes: 150 * 60 + 30,
  star: 1,
  points: 320,
  timeBankMinutes: 600,
  nextStarMinutes: 300 * 60,
  pendingRecords: 2,
};

const REWARD: Reward = {
  id: 'rw-1',
  name: '大米 5 公斤',
  nameBo: 'འབྲས་ཀི་ལོ་ 5',
  nameEn: 'Rice 5 kg',
  pointsCost: 120,
  stock: 8,
  minStar: 0,
  merchant: { id: 'mer-1', name: '夺底爱心超市', nameBo: null, nameEn: null },
  perPeriodLimit: 2,
  limitPeriod: 'quarter',
  communityId: null,
  active: true,
};

const ORDER: Redemption = {
  id: 'rd-1',
  rewardId: 'rw-1',
  rewardName: '大米 5 公斤',
  rewardNameBo: null,
  rewardNameEn: null,
  merchantName: '夺底爱心超市',
  quantity: 1,
  points: 120,
  pickupCode: '482913',
  status: 'pending_pickup',
  createdAt: '2026-11-29T10:00:00+08:00',
  redeemedAt: null,
  cancelledAt: null,
  cancelReason: null,
};

function volunteerApi(more: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return mockApi({
    'GET /api/v1/me': () => json(200, VOLUNTEER),
    'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
    'GET /api/v1/volunteers/v-06/summary': () => json(200, SUMMARY),
    'GET /api/v1/ledger/accounts/me': () =>
      json(200, {
        items: [
          { id: 'acc-p', kind: 'points', balance: 320 },
          { id: 'acc-t', kind: 'time_bank', balance: 600 },
        ],
        nextCursor: null,
      }),
    'GET /api/v1/rewards': () => json(200, { items: [REWARD], nextCursor: null }),
    ...more,
  });
}

describe('H5 爱心超市 (issue 5)', () => {
  it('redeems with an Idempotency-Key and shows the pickup code large', { timeout: 20_000 }, async () => {
    const { requests } = volunteerApi({ 'POST /api/v1/redemptions': () => json(201, ORDER) });
    renderH5('/rewards');
    expect(await screen.findByText('320 积分')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '兑换大米 5 公斤' }));
    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    const done = await screen.findByRole('status', { name: '兑换成功' });
    expect(within(done).getByRole('group', { name: '取货码 4 8 2 9 1 3' })).toBeTruthy();
    expect(within(done).getByText('482 913')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.path === '/api/v1/redemptions');
    expect(post?.body).toEqual({ rewardId: 'rw-1', quantity: 1 });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{20,}$|^k-/);
  });

  it('shows the localized message for 422 insufficient_balance and keeps the same key on retry', { timeout: 20_000 }, async () => {
    const { requests } = volunteerApi({
      'POST /api/v1/redemptions': () => problem(422, 'insufficient_balance', 'Insufficient balance'),
    });
    renderH5('/rewards');
    fireEvent.click(await screen.findByRole('button', { name: '兑换大米 5 公斤' }));
    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    expect((await screen.findByRole('alert')).textContent).toBe('余额不足，无法完成。');
    fireEvent.click(screen.getByRole('button', { name: '确认兑换' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST').length).toBe(2));
    const keys = requests.filter((r) => r.method === 'POST').map((r) => r.headers.get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it('works in Tibetan: catalog names, the redeem button and the 422 message', { timeout: 20_000 }, async () => {
    mockApi({
      'GET /api/v1/me': () => json(200, { ...VOLUNTEER, language: 'bo' }),
      'PATCH /api/v1/me/preferences': (req) => json(200, { ...VOLUNTEER, ...(req.body as object) }),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/volunteers/v-06/summary': () => json(200, SUMMARY),
      'GET /api/v1/ledger/accounts/me': () => json(200, { items: [{ id: 'acc-p', kind: 'points', balance: 320 }], nextCursor: null }),
      'GET /api/v1/rewards': () => json(200, { items: [REWARD], nextCursor: null }),
      'POST /api/v1/redemptions': () => problem(422, 'insufficient_balance', 'Insufficient balance'),
    });
    renderH5('/rewards');
    expect(await screen.findByRole('heading', { level: 1, name: 'བྱམས་བརྩེའི་ཚོང་ཁང་།' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'འབྲས་ཀི་ལོ་ 5 བརྗེ་ལེན།' }));
    fireEvent.click(screen.getByRole('button', { name: 'བརྗེ་ལེན་གཏན་འཁེལ།' }));
    expect((await screen.findByRole('alert')).textContent).toBe('ལྷག་ཚད་མི་འདང་བས་ལེགས་གྲུབ་མ་ཐུབ།');
    expect(document.documentElement.lang).toBe('bo');
  });

  it('lists my redemptions with the code and cancels one (points back)', { timeout: 20_000 }, async () => {
    const { requests } = volunteerApi({
      'GET /api/v1/me/redemptions': () => json(200, { items: [ORDER], nextCursor: null }),
      'POST /api/v1/redemptions/rd-1/cancel': () =>
        json(200, { ...ORDER, status: 'cancelled', pickupCode: null, cancelledAt: '2026-11-29T11:00:00+08:00' }),
    });
    renderH5('/me/redemptions');
    expect(await screen.findByRole('group', { name: '取货码 4 8 2 9 1 3' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消兑换大米 5 公斤' }));
    fireEvent.click(screen.getByRole('button', { name: '确认取消' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/redemptions/rd-1/cancel')).toBe(true));
  });
});

describe('H5 star level and hours (issue 5)', () => {
  it('shows the level and the hours left to the next threshold', { timeout: 20_000 }, async () => {
    volunteerApi({
      'GET /api/v1/star-thresholds': () => json(200, { thresholdsHours: [100, 300, 600, 1000, 1500], blockYears: 2 }),
      'GET /api/v1/star-notices': () => json(200, { items: [], nextCursor: null }),
    });
    renderH5('/me/star');
    // 150.5 verified hours: one star; 149.5 h more to two stars at 300 h.
    expect(await screen.findByText('再服务 149.5 小时可达 2 星（300 小时）')).toBeTruthy();
    expect(screen.getByText('已确认服务时长 150.5 小时')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: '距 2 星已完成 25%' });
    expect(bar.getAttribute('value')).toBe('25');
  });

  it('lets a signed-in person object to an award on public notice', { timeout: 20_000 }, async () => {
    const { requests } = volunteerApi({
      'GET /api/v1/star-thresholds': () => json(200, { thresholdsHours: [100, 300, 600, 1000, 1500], blockYears: 2 }),
      'GET /api/v1/star-notices': () =>
        json(200, {
          items: [
            {
              awardId: 'aw-1',
              maskedName: '扎*',
              volunteerNo: 'DD000123',
              level: 3,
              verifiedHours: 612.5,
              noticeStart: '2026-11-23',
              noticeEnd: '2026-11-30',
            },
          ],
          nextCursor: null,
        }),
      'POST /api/v1/star-awards/aw-1/objections': () =>
        json(201, {
          id: 'ob-1',
          awardId: 'aw-1',
          text: '时长有虚报',
          status: 'open',
          createdAt: '2026-11-29T12:00:00+08:00',
          resolvedAt: null,
          resolutionNote: null,
        }),
    });
    renderH5('/me/star');
    expect(await screen.findByText('612.5 小时', { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '对 DD000123 提出异议' }));
    fireEvent.change(screen.getByLabelText('异议内容（请写明事实）'), { target: { value: '时长有虚报' } });
    fireEvent.click(screen.getByRole('button', { name: '提交异议' }));
    expect(await screen.findByText('异议已提交，街道将核实处理。')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ text: '时长有虚报' });
  });

  it('shows hours with one decimal and never subtracts points from them', { timeout: 20_000 }, async () => {
    volunteerApi();
    renderH5('/me/hours');
    expect(await screen.findByText('150.5 小时')).toBeTruthy();
    expect(screen.getByText('10.0 小时')).toBeTruthy();
    expect(screen.getByText('兑换积分不会减少您的服务时长。')).toBeTruthy();
  });
});

describe('H5 merchant page (issue 5)', () => {
  it('redeems by the 6-digit code and shows only the star level and perks', { timeout: 20_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, MERCHANT),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/redemptions': () => json(200, { items: [], nextCursor: null }),
      'POST /api/v1/redemptions/redeem': () =>
        json(200, {
          redemption: { id: 'rd-1', rewardName: '大米 5 公斤', quantity: 1, status: 'redeemed', redeemedAt: '2026-11-29T12:00:00+08:00' },
          holder: {
            star: 3,
            perks: [
              { code: 'supermarket', label: '爱心超市' },
              { code: 'partner_discount', label: '合作商户优惠' },
            ],
          },
        }),
    });
    renderH5('/merchant');
    const input = await screen.findByLabelText('6 位取货码');
    fireEvent.change(input, { target: { value: '48a2913' } });
    expect((input as HTMLInputElement).value).toBe('482913');
    fireEvent.click(screen.getByRole('button', { name: '核销' }));
    const done = await screen.findByRole('status', { name: '核销成功' });
    expect(within(done).getByText('3 星')).toBeTruthy();
    expect(within(done).getByText('合作商户优惠')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ code: '482913' });
  });

  it('says what is wrong with a short code and sends nothing', { timeout: 20_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, MERCHANT),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/redemptions': () => json(200, { items: [], nextCursor: null }),
    });
    renderH5('/merchant');
    fireEvent.change(await screen.findByLabelText('6 位取货码'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: '核销' }));
    expect(await screen.findByText('请输入 6 位数字。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });
});

const RECORD: ServiceRecord = {
  id: 'sr-1',
  volunteerId: 'v-06',
  volunteerName: '扎西平措',
  minutes: 100,
  status: 'verified',
  source: 'demand',
  servedOn: '2026-11-20',
  content: '上门助餐',
  place: null,
  demandId: 'dem-1',
  activityId: null,
  communityId: 'c-sangyi',
  teamId: 't-bugu',
  reason: null,
  evidence: [],
  createdAt: '2026-11-20T12:00:00+08:00',
  decidedAt: '2026-11-21T12:00:00+08:00',
  decisionReason: null,
  pointsCredited: 17,
  coinsDeposited: 100,
  coinsOverCap: 0,
  zeroed: false,
  openRequest: null,
  canDecide: false,
};

describe('H5 my service records (issue 5)', () => {
  it('filters by status and asks for a correction in hours (sent as minutes)', { timeout: 20_000 }, async () => {
    const { requests } = volunteerApi({
      'GET /api/v1/volunteers/v-06/service-records': () => json(200, { items: [RECORD], nextCursor: null }),
      'POST /api/v1/service-records/sr-1/corrections': () =>
        json(201, {
          id: 'cor-1',
          recordId: 'sr-1',
          volunteerId: 'v-06',
          kind: 'correction',
          status: 'pending',
          oldMinutes: 100,
          requestedMinutes: 120,
          newMinutes: null,
          reason: '实际服务两小时',
          resolutionReason: null,
          dueAt: null,
          overdue: false,
          createdAt: '2026-11-29T12:00:00+08:00',
          resolvedAt: null,
        }),
    });
    renderH5('/me/records');
    expect(await screen.findByText('1.7 小时')).toBeTruthy();
    expect(screen.getByText('已记 17 积分')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: '按状态查看' })).getByRole('button', { name: '已确认' }));
    await waitFor(() =>
      expect(
        requests.some((r) => r.path === '/api/v1/volunteers/v-06/service-records' && r.url.searchParams.get('status') === 'verified'),
      ).toBe(true),
    );
    fireEvent.click(await screen.findByRole('button', { name: '申请更正时长' }));
    fireEvent.change(screen.getByLabelText('应计时长（小时）'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('更正理由'), { target: { value: '实际服务两小时' } });
    fireEvent.click(screen.getByRole('button', { name: '提交更正申请' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ requestedMinutes: 120, reason: '实际服务两小时' }),
    );
  });
});
