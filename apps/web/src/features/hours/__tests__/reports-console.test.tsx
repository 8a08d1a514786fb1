// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@duodi/contracts';
import { RESIDENT } from '../../../testing/fixtures';
import { json, mockApi, problem } from '../../../testing/mock-api';
import { renderConsole } from '../../../testing/render';

const UNIT_ADMIN: Me = {
  ...RESIDENT,
  id: 'u-10',
  name: '次仁',
  nameBo: null,
  roles: ['unit_admin', 'community_admin'],
  assignments: [
    { role: 'unit_admin', scopeType: 'unit', scopeId: 'unit-1', scopeName: '区税务局' },
    { role: 'community_admin', scopeType: 'community', scopeId: 'c-sangyi', scopeName: '桑伊社区' },
  ],
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('console 报表', () => {
  it('downloads the party report, says so, and says in words why the awards export failed', { timeout: 20_000 }, async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, UNIT_ADMIN),
      'GET /api/v1/units': () => json(200, { items: [{ id: 'unit-1', name: '区税务局' }], nextCursor: null }),
      'GET /api/v1/units/unit-1/party-report.xlsx': () =>
        new Response('xlsx', { status: 200, headers: { 'content-disposition': 'attachment; filename="party-2026Q4.xlsx"' } }),
      'GET /api/v1/reports/awards': () => problem(403, 'forbidden', 'no'),
    });
    renderConsole('/reports');

    const quarter = await screen.findByLabelText('季度（如 2026Q4）');
    fireEvent.change(quarter, { target: { value: '2026q4' } });
    expect((quarter as HTMLInputElement).value).toBe('2026Q4');
    fireEvent.click(screen.getByRole('button', { name: '下载党员季度报表' }));
    expect(await screen.findByText('已下载 party-2026Q4.xlsx。')).toBeTruthy();
    expect(requests.find((r) => r.path === '/api/v1/units/unit-1/party-report.xlsx')?.url.searchParams.get('period')).toBe('2026Q4');

    const period = screen.getByLabelText('期间（如 2026 或 2026Q4）');
    fireEvent.change(period, { target: { value: '20x' } });
    expect(screen.getByText('请填写年份（2026）或季度（2026Q4）。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出评优评先表' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(period, { target: { value: '2026' } });
    fireEvent.click(screen.getByRole('button', { name: '导出评优评先表' }));
    const awards = screen.getByRole('region', { name: '评优评先参考' });
    expect(await within(awards).findByRole('alert')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '共建单位党员季度报表' })).queryByRole('alert')).toBeNull();
  });
});
