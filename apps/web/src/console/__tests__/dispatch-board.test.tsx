// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json } from '../../testing/mock-api';
import { mockApi } from '../../testing/mock-api';
import { renderConsole } from '../../testing/render';
import { COMMUNITY_ADMIN, demand, lookupRoutes, overdueBy } from './dispatch-fixtures';

const BY_STATUS = {
  submitted: [demand('dmd_a00001'), demand('dmd_a00002', { urgency: 'urgent', ...overdueBy(3) })],
  published: [demand('dmd_b00001', { status: 'published' })],
  assigned: [demand('dmd_c00001', { status: 'assigned', teamId: 't-bugu', volunteersNeeded: 4, volunteerIds: ['v-06'] })],
  accepted: [],
  in_service: [],
  completed: [demand('dmd_e00001', { status: 'completed', slaDueAt: null })],
  rated: [demand('dmd_e00002', { status: 'rated', rating: 5, slaDueAt: null })],
} as const;

describe('console dispatch board (派单看板)', () => {
  it('shows a column per step, the overdue cue in words and shape, and publishes inline', { timeout: 30_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      ...lookupRoutes(),
      'GET /api/v1/demands': (req) => {
        const status = req.url.searchParams.get('status') as keyof typeof BY_STATUS;
        return json(200, { items: BY_STATUS[status] ?? [], nextCursor: null });
      },
      'POST /api/v1/demands/dmd_a00001/publish': () =>
        json(200, { ...demand('dmd_a00001', { status: 'published' }), beneficiary: null, history: [] }),
    });
    renderConsole('/dispatch');
    expect(await screen.findByRole('heading', { level: 1, name: '派单看板' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '派单看板' })).toBeTruthy();

    for (const name of ['待发单', '已发单 · 待派队', '已派队 · 待接单', '已接单', '服务中', '已完成 / 已评价']) {
      expect(screen.getByRole('region', { name: new RegExp(`^${name}`) })).toBeTruthy();
    }
    const submitted = screen.getByRole('region', { name: /^待发单/ });
    await within(submitted).findByText(/1 件逾期/);
    // Both completed and rated demands sit in the last column.
    const done = screen.getByRole('region', { name: /^已完成/ });
    await waitFor(() => expect(within(done).getAllByRole('article')).toHaveLength(2));

    // The overdue card says so in words (and a badge), not only in red.
    const late = within(submitted).getByRole('article', { name: /单号 A00002/ });
    expect(within(late).getByText('逾期')).toBeTruthy();
    expect(within(late).getByText(/已逾期 3小时/)).toBeTruthy();
    expect(within(late).getByText('紧急')).toBeTruthy();
    const onTime = within(submitted).getByRole('article', { name: /单号 A00001/ });
    expect(within(onTime).queryByText('逾期')).toBeNull();
    expect(within(onTime).getByText(/剩余 (19|20)小时/)).toBeTruthy();
    expect(screen.getByRole('list', { name: '时限颜色说明' })).toBeTruthy();

    // The multi-volunteer demand shows its slots and the team.
    const assigned = screen.getByRole('region', { name: /^已派队/ });
    expect(await within(assigned).findByText('已接 1 / 需 4 人')).toBeTruthy();
    expect(within(assigned).getByText('队伍：布谷响铃志愿服务队')).toBeTruthy();

    // Community admin: publish and reject on submitted, assign on published.
    expect(within(late).getByRole('button', { name: '驳回' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: /^已发单/ })).getByRole('button', { name: '派给队伍' })).toBeTruthy();
    fireEvent.click(within(onTime).getByRole('button', { name: '发布' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/demands/dmd_a00001/publish')).toBe(true));
    expect(requests.find((r) => r.path.endsWith('/publish'))?.headers.get('idempotency-key')).toBeTruthy();

    // Filtering by overdue asks the API for overdue demands only.
    fireEvent.click(screen.getByRole('checkbox', { name: '只看逾期' }));
    await waitFor(() =>
      expect(requests.some((r) => r.path === '/api/v1/demands' && r.url.searchParams.get('overdue') === 'true')).toBe(true),
    );
  });

  it('lets a team leader claim a published demand for their team', { timeout: 30_000 }, async () => {
    const { TEAM_LEADER } = await import('./dispatch-fixtures');
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, TEAM_LEADER),
      ...lookupRoutes(),
      'GET /api/v1/demands': (req) =>
        json(200, { items: req.url.searchParams.get('status') === 'published' ? BY_STATUS.published : [], nextCursor: null }),
      'POST /api/v1/demands/dmd_b00001/assign': () =>
        json(200, { ...demand('dmd_b00001', { status: 'assigned', teamId: 't-bugu' }), beneficiary: null, history: [] }),
    });
    renderConsole('/dispatch');
    const published = await screen.findByRole('region', { name: /^已发单/ });
    const card = await within(published).findByRole('article', { name: /单号 B00001/ });
    expect(within(card).queryByRole('button', { name: '发布' })).toBeNull();
    expect(within(card).queryByRole('button', { name: '取消需求' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: '认领' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定认领' }));
    await waitFor(() => expect(requests.find((r) => r.path === '/api/v1/demands/dmd_b00001/assign')?.body).toEqual({ teamId: 't-bugu' }));
  });
});
