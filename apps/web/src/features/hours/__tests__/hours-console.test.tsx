// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, Redemption, Reward, ServiceRecord } from '@duodi/contracts';
import { RESIDENT } from '../../../testing/fixtures';
import { json, mockApi, problem } from '../../../testing/mock-api';
import { renderConsole } from '../../../testing/render';

const COMMUNITY_ADMIN: Me = {
  ...RESIDENT,
  id: 'u-02',
  name: '央金卓玛',
  nameBo: null,
  roles: ['community_admin'],
  assignments: [{ role: 'community_admin', scopeType: 'community', scopeId: 'c-sangyi', scopeName: '桑伊社区' }],
};

function record(id: string, name: string, extra: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    id,
    volunteerId: `v-${id}`,
    volunteerName: name,
    minutes: 90,
    status: 'pending',
    source: 'demand',
    servedOn: '2026-11-28',
    content: '上门助餐',
    place: null,
    demandId: 'dem-1',
    activityId: null,
    communityId: 'c-sangyi',
    teamId: 't-bugu',
    reason: null,
    evidence: [],
    createdAt: '2026-11-28T12:00:00+08:00',
    decidedAt: null,
    decisionReason: null,
    pointsCredited: 0,
    coinsDeposited: 0,
    coinsOverCap: 0,
    zeroed: false,
    openRequest: null,
    canDecide: true,
    ...extra,
  };
}

function queueApi(more: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
  return mockApi({
    'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
    'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
    'GET /api/v1/service-records': () =>
      json(200, {
        items: [
          record('r1', '扎西'),
          record('r2', '卓玛'),
          record('r3', '次仁', { canDecide: false, source: 'backfill', reason: '纸质签到表' }),
        ],
        nextCursor: null,
      }),
    ...more,
  });
}

describe('console 时长审核 (issue 5)', () => {
  it('lists pending records with hours and verifies one', { timeout: 20_000 }, async () => {
    const { requests } = queueApi({
      'POST /api/v1/service-records/r1/verify': () => json(200, record('r1', '扎西', { status: 'verified', pointsCredited: 15 })),
    });
    renderConsole('/verification');
    const row = (await screen.findByText('扎西')).closest('tr')!;
    expect(within(row).getByText('1.5 小时')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: '确认扎西的记录' }));
    expect(await screen.findByText('已确认扎西的记录。')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/v1/service-records/r1/verify');
    expect(post?.body).toEqual({});
    expect(requests.find((r) => r.method === 'GET' && r.path === '/api/v1/service-records')?.url.searchParams.get('status')).toBe(
      'pending',
    );
  });

  it('rejects with the reason the volunteer sees, and not without one', { timeout: 20_000 }, async () => {
    const { requests } = queueApi({
      'POST /api/v1/service-records/r2/reject': () => json(200, record('r2', '卓玛', { status: 'rejected', decisionReason: '当天未到岗' })),
    });
    renderConsole('/verification');
    const row = (await screen.findByText('卓玛')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: '退回卓玛的记录' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定退回' }));
    expect(await within(dialog).findByText('请填写理由（至少 2 个字）。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('退回理由（志愿者能看到）'), { target: { value: '当天未到岗' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定退回' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '当天未到岗' }));
    expect(requests.find((r) => r.method === 'POST')?.path).toBe('/api/v1/service-records/r2/reject');
  });

  it(
    'bulk-verifies the selected records, leaves a 补录 of one’s own to a second approver and reports a failure',
    { timeout: 20_000 },
    async () => {
      const { requests } = queueApi({
        'POST /api/v1/service-records/r1/verify': () => json(200, record('r1', '扎西', { status: 'verified' })),
        'POST /api/v1/service-records/r2/verify': () => problem(409, 'invalid_transition', '该记录已处理'),
      });
      renderConsole('/verification');
      const own = (await screen.findByText('次仁')).closest('tr')!;
      expect(within(own).getByText('由另一位工作人员审核')).toBeTruthy();
      expect((within(own).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
      fireEvent.click(screen.getByRole('checkbox', { name: '选择扎西的记录' }));
      fireEvent.click(screen.getByRole('checkbox', { name: '选择卓玛的记录' }));
      fireEvent.click(screen.getByRole('button', { name: '批量确认（2）' }));
      expect(await screen.findByText('已确认 1 条，1 条未成功。')).toBeTruthy();
      expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
        '/api/v1/service-records/r1/verify',
        '/api/v1/service-records/r2/verify',
      ]);
    },
  );
});

const REWARD: Reward = {
  id: 'rw-1',
  name: '大米 5 公斤',
  nameBo: null,
  nameEn: null,
  pointsCost: 120,
  stock: 8,
  minStar: 0,
  merchant: { id: 'mer-1', name: '夺底爱心超市', nameBo: null, nameEn: null },
  perPeriodLimit: null,
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
  pickupCode: null,
  status: 'pending_pickup',
  createdAt: '2026-11-29T10:00:00+08:00',
  redeemedAt: null,
  cancelledAt: null,
  cancelReason: null,
};

describe('console 爱心超市 (issue 5)', () => {
  it('restocks an item and cancels an order with a reason', { timeout: 20_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/rewards': () => json(200, { items: [REWARD], nextCursor: null }),
      'GET /api/v1/merchants': () => json(200, { items: [REWARD.merchant], nextCursor: null }),
      'GET /api/v1/redemptions': () => json(200, { items: [ORDER], nextCursor: null }),
      'PATCH /api/v1/rewards/rw-1': () => json(200, { ...REWARD, stock: 20 }),
      'POST /api/v1/redemptions/rd-1/cancel': () => json(200, { ...ORDER, status: 'cancelled', cancelReason: '商品损坏' }),
    });
    renderConsole('/rewards');
    fireEvent.change(await screen.findByLabelText('“大米 5 公斤”的库存'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: '保存“大米 5 公斤”的库存' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ stock: 20 }));
    expect(requests.find((r) => r.method === 'GET' && r.path === '/api/v1/rewards')?.url.searchParams.get('all')).toBe('true');

    fireEvent.click(await screen.findByRole('button', { name: '取消订单大米 5 公斤' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('取消理由（志愿者能看到，积分退回）'), { target: { value: '商品损坏' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认取消' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.path).toBe('/api/v1/redemptions/rd-1/cancel'));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '商品损坏' });
  });
});
