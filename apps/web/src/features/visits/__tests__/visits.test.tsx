// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CampaignOverview, Me, Visit } from '@duodi/contracts';
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

const HOUSEHOLDS = [
  { id: 'hh-1', gridId: 'g-1', communityId: 'c-sangyi', address: '桑伊路 1 号', memberCount: 1 },
  { id: 'hh-2', gridId: 'g-1', communityId: 'c-sangyi', address: '桑伊路 2 号', memberCount: 3 },
];

const COVERAGE = {
  items: [
    { householdId: 'hh-1', householdLabel: '桑伊路 *号', lastVisitAt: null, overdue: true },
    { householdId: 'hh-2', householdLabel: '桑伊路 *号', lastVisitAt: '2026-11-25T10:00:00+08:00', overdue: false },
  ],
  nextCursor: null,
  gridId: 'g-1',
  cycleDays: 15,
  households: 2,
  overdueCount: 1,
};

describe('H5 visit log (幸福敲敲门)', () => {
  it('logs a visit with an answered inquiry and a need, then turns the need into a demand in one tap', async () => {
    const saved: Visit = {
      id: 'vis-1',
      householdId: 'hh-1',
      householdLabel: '桑伊路 *号',
      gridId: 'g-1',
      communityId: 'c-sangyi',
      campaignId: null,
      visitorName: '格桑',
      at: '2026-11-29T10:00:00+08:00',
      present: true,
      inquiries: [{ topic: 'health', answered: true }],
      needs: [{ index: 0, serviceItemId: 'svc-clean', description: '卫生间漏水', demandId: null }],
    };
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, GRID_WORKER),
      'GET /api/v1/households': () => json(200, { items: HOUSEHOLDS, nextCursor: null }),
      'GET /api/v1/grids/g-1/coverage': () => json(200, COVERAGE),
      'GET /api/v1/visit-campaigns': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/service-items': () => json(200, { items: [{ id: 'svc-clean', name: '家政保洁' }], nextCursor: null }),
      'POST /api/v1/visits': () => json(201, saved),
      'POST /api/v1/visits/vis-1/needs/0/demand': () => json(201, { visitId: 'vis-1', index: 0, demandId: 'dmd-9' }),
    });
    renderH5('/visits/new');
    expect(await screen.findByText('本网格有 1 户超过 15 天未走访。')).toBeTruthy();
    const household = screen.getByLabelText('住户');
    await waitFor(() => expect(within(household).getByText(/桑伊路 1 号 · 未走访过/)).toBeTruthy());
    expect(within(household).getByText(/^超期 · 桑伊路 1 号/)).toBeTruthy();

    // Saving without a household says so and sends nothing.
    fireEvent.click(screen.getByRole('button', { name: '保存走访记录' }));
    expect(await screen.findAllByText('请选择住户')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(household, { target: { value: 'hh-1' } });
    fireEvent.click(screen.getByRole('button', { name: '添加一个咨询' }));
    fireEvent.change(screen.getByLabelText('第 1 个咨询的主题'), { target: { value: 'health' } });
    fireEvent.click(screen.getByRole('button', { name: '添加一个需求' }));
    await waitFor(() => expect(within(screen.getByLabelText(/第 1 个需求的服务项目/)).getAllByRole('option').length).toBe(2));
    fireEvent.change(screen.getByLabelText(/第 1 个需求的服务项目/), { target: { value: 'svc-clean' } });
    fireEvent.change(screen.getByLabelText('第 1 个需求的说明'), { target: { value: ' 卫生间漏水 ' } });
    fireEvent.click(screen.getByRole('button', { name: '保存走访记录' }));

    expect(await screen.findByText('走访已保存。发现的需求可以一键转为服务需求。')).toBeTruthy();
    const body = requests.find((r) => r.method === 'POST' && r.path === '/api/v1/visits')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      householdId: 'hh-1',
      present: true,
      inquiries: [{ topic: 'health', answered: true }],
      needs: [{ serviceItemId: 'svc-clean', description: '卫生间漏水' }],
    });
    expect(Date.parse(body.at as string)).not.toBeNaN();

    fireEvent.click(screen.getByRole('button', { name: '转为服务需求' }));
    expect(await screen.findByText('已转为服务需求')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/visits/vis-1/needs/0/demand')).toBe(true);
  });
});

describe('console 入户走访 overview', () => {
  it('shows coverage per grid, the figures and the overdue households of a grid', { timeout: 20_000 }, async () => {
    const campaign = {
      id: 'vcp-1',
      name: '幸福敲敲门',
      nameBo: 'བདེ་སྐྱིད་སྒོ་རྡུང་།',
      communityId: 'c-sangyi',
      teamId: 't-bugu',
      gridIds: ['g-1'],
      startsOn: '2026-11-01',
      endsOn: '2026-12-31',
      cycleDays: 15,
      active: true,
    };
    const figures = { inquiriesAnswered: 62, homeVisits: 23, visits: 25 };
    const overview: CampaignOverview = {
      campaign,
      grids: [{ gridId: 'g-1', name: '桑伊一网格', nameBo: null, households: 2, visitedInCycle: 1, overdue: 1, ...figures }],
      totals: { households: 2, visitedInCycle: 1, overdue: 1, ...figures },
      periods: [{ period: '2026-11', ...figures }],
    };
    mockApi({
      'GET /api/v1/me': () => json(200, { ...GRID_WORKER, roles: ['community_admin'] }),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/visit-campaigns': () => json(200, { items: [campaign], nextCursor: null }),
      'GET /api/v1/visit-campaigns/vcp-1/overview': () => json(200, overview),
      'GET /api/v1/grids/g-1/coverage': () => json(200, COVERAGE),
      'GET /api/v1/care-plans': () => json(200, { items: [], nextCursor: null }),
    });
    renderConsole('/campaigns');
    // Per grid: households, visited in the cycle, overdue, home visits, inquiries answered.
    const gridRow = (await screen.findByRole('cell', { name: '桑伊一网格' })).closest('tr')!;
    expect(
      within(gridRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['桑伊一网格', '2', '1', '1', '23', '62']);
    // Per period: the figures "home visits" and "inquiries answered".
    const periodRow = screen.getByRole('cell', { name: '2026-11' }).closest('tr')!;
    expect(
      within(periodRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2026-11', '23', '62', '25']);
    // DR-20: the households of the grid not visited within the cycle.
    expect(await screen.findByText('2 户中有 1 户超过 15 天未走访')).toBeTruthy();
    expect(screen.getByRole('cell', { name: '未走访过' })).toBeTruthy();
  });
});
