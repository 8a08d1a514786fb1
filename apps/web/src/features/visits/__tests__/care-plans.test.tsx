// @vitest-environment jsdom
// Care plans (issue 6): the console form and pause/resume on the campaigns page, and the grid worker's H5
// list of due or missed plans opening the visit log with the household chosen.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CarePlan, Me } from '@duodi/contracts';
import { RESIDENT } from '../../../testing/fixtures';
import { json, mockApi } from '../../../testing/mock-api';
import { renderConsole, renderH5 } from '../../../testing/render';

const GRID_WORKER: Me = {
  ...RESIDENT,
  id: 'u-04',
  roles: ['grid_worker'],
  communityId: 'c-sangyi',
  gridId: 'g-1',
  assignments: [{ role: 'grid_worker', scopeType: 'grid', scopeId: 'g-1', scopeName: '桑伊一网格' }],
};

const plan = (over: Partial<CarePlan>): CarePlan => ({
  id: 'cpl-1',
  residentId: 'p-1',
  residentName: '次*',
  householdId: 'hh-1',
  gridId: 'g-1',
  kind: 'visit',
  everyDays: 7,
  serviceItemId: null,
  nextDueAt: '2026-11-28T10:00:00+08:00',
  due: true,
  lastDoneAt: null,
  lastDemandId: null,
  missedCount: 0,
  lastMissedAt: null,
  active: true,
  ...over,
});

const PLANS = [
  plan({}),
  plan({ id: 'cpl-2', residentName: '扎*', householdId: 'hh-2', due: false, missedCount: 2 }),
  plan({ id: 'cpl-3', residentName: '普*', householdId: 'hh-3', due: false }),
  plan({ id: 'cpl-4', residentName: '卓*', householdId: 'hh-4', active: false, missedCount: 1 }),
];

const RESIDENTS = [
  {
    id: 'p-9',
    name: '次仁卓嘎',
    nameBo: null,
    gender: 'female',
    age: 82,
    phoneMasked: null,
    idNumberMasked: null,
    communityId: 'c-sangyi',
    gridId: 'g-1',
    householdId: 'hh-9',
    address: '桑伊路 9 号',
    focusTags: ['living_alone'],
    proxy: false,
  },
];

describe('H5 care plans (关爱计划)', () => {
  it('lists the due and missed plans of the grid and opens the visit log with the household chosen', { timeout: 30_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, GRID_WORKER),
      'GET /api/v1/care-plans': () => json(200, { items: PLANS, nextCursor: null }),
      'GET /api/v1/households': () =>
        json(200, {
          items: [{ id: 'hh-1', gridId: 'g-1', communityId: 'c-sangyi', address: '桑伊路 1 号', memberCount: 1 }],
          nextCursor: null,
        }),
      'GET /api/v1/grids/g-1/coverage': () =>
        json(200, { items: [], nextCursor: null, gridId: 'g-1', cycleDays: 15, households: 1, overdueCount: 0 }),
      'GET /api/v1/visit-campaigns': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/service-items': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
    });
    renderH5('/care-plans');
    expect(await screen.findByText('需要处理（2）')).toBeTruthy();
    expect(requests.find((r) => r.path === '/api/v1/care-plans')?.url.searchParams.get('gridId')).toBe('g-1');
    // On track and paused plans are not listed.
    expect(screen.queryByText('普*')).toBeNull();
    expect(screen.queryByText('卓*')).toBeNull();
    expect(screen.getByText('漏做 2 次')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: '为 次* 记录走访' }));
    const select = (await screen.findByLabelText('住户')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('hh-1'));
  });
});

describe('console care plans', () => {
  it('creates a visit plan for a resident of the area and pauses another', { timeout: 40_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, GRID_WORKER),
      'GET /api/v1/visit-campaigns': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/care-plans': () => json(200, { items: PLANS, nextCursor: null }),
      'GET /api/v1/residents': () => json(200, { items: RESIDENTS, nextCursor: null }),
      'GET /api/v1/service-items': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'POST /api/v1/care-plans': () => json(201, plan({ id: 'cpl-9', residentId: 'p-9', residentName: '次仁卓嘎', householdId: 'hh-9' })),
      'PATCH /api/v1/care-plans/cpl-2': () => json(200, plan({ id: 'cpl-2', active: false })),
    });
    renderConsole('/campaigns');
    fireEvent.click(await screen.findByRole('button', { name: '新建关爱计划' }));
    const dialog = await screen.findByRole('dialog');
    const resident = within(dialog).getByLabelText('居民');
    fireEvent.mouseDown(resident);
    fireEvent.click(await screen.findByText('次仁卓嘎 · 82 岁 · 桑伊路 9 号'));
    fireEvent.click(within(dialog).getByRole('button', { name: '建立计划' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ residentId: 'p-9', everyDays: 7, kind: 'visit' });
    expect(await screen.findByText('已为 次仁卓嘎 建立关爱计划')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '暂停 扎* 的关爱计划' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')).toMatchObject({ path: '/api/v1/care-plans/cpl-2', body: { active: false } });
  });
});

describe('H5 home entries of issue 6', () => {
  it(
    'shows the visit log and care plans to a grid worker, and the visit log to a volunteer on an active campaign',
    { timeout: 30_000 },
    async () => {
      mockApi({
        'GET /api/v1/me': () => json(200, GRID_WORKER),
        'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      });
      const first = renderH5('/');
      expect(await screen.findByRole('link', { name: '关爱计划' })).toBeTruthy();
      expect(screen.getByRole('link', { name: '入户走访' })).toBeTruthy();
      first.unmount();
      mockApi({
        'GET /api/v1/me': () => json(200, { ...RESIDENT, id: 'u-v6', volunteerId: 'v-6', roles: ['volunteer'], teamIds: ['t-bugu'] }),
        'GET /api/v1/visit-campaigns': () => json(200, { items: [{ id: 'vc-1', active: true }], nextCursor: null }),
        'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      });
      renderH5('/');
      expect(await screen.findByRole('link', { name: '入户走访' })).toBeTruthy();
      expect(screen.queryByRole('link', { name: '关爱计划' })).toBeNull();
    },
  );
});
