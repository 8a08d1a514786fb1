// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerify, Me } from '@duodi/contracts';
import { RESIDENT } from '../../../testing/fixtures';
import { json, mockApi, type MockRequest } from '../../../testing/mock-api';
import { renderConsole } from '../../../testing/render';

const STREET_ADMIN: Me = {
  ...RESIDENT,
  id: 'acc_demo_01',
  name: '旦增朗杰',
  nameBo: null,
  roles: ['street_admin'],
  assignments: [{ role: 'street_admin', scopeType: 'street', scopeId: 's-duodi', scopeName: '夺底街道' }],
};

const COMMUNITY_ADMIN: Me = {
  ...RESIDENT,
  id: 'acc_demo_02',
  name: '央金卓玛',
  nameBo: null,
  roles: ['community_admin'],
  assignments: [{ role: 'community_admin', scopeType: 'community', scopeId: 'c-sangyi', scopeName: '桑伊社区' }],
};

const VERIFIED: AuditEntry = {
  id: '41',
  source: 'audit',
  at: '2026-11-29T14:05:09+08:00',
  action: 'service_record.verify',
  entityType: 'service_record',
  entityId: 'rec_0001',
  actor: { id: 'acc_demo_02', name: '央***', role: 'community_admin' },
  oldValue: { verifiedMinutes: 600, star: 1 },
  newValue: { status: 'verified', verifiedMinutes: 660, star: 1, points: 10 },
  reason: '活动签到核实',
};
const LEGACY: AuditEntry = {
  id: '7',
  source: 'audit',
  at: '2026-11-28T09:00:00+08:00',
  action: 'star_award.proposed',
  entityType: 'volunteer',
  entityId: 'vol_000014',
  actor: null,
  oldValue: null,
  newValue: { level: 2, status: 'proposed' },
  reason: 'demo data',
};
const POSTING: AuditEntry = {
  id: 'ledger-88',
  source: 'ledger',
  at: '2026-11-27T10:00:00+08:00',
  action: 'ledger.transfer',
  entityType: 'ledger_account',
  entityId: 'lac_0001',
  actor: { id: 'acc_demo_11', name: '拉*', role: 'merchant' },
  oldValue: { balance: 120 },
  newValue: { balance: 100, delta: -20, currency: 'points', kind: 'redeem', transferId: 'ltr_1' },
  reason: 'redeem',
};

function routes(extra: Record<string, (req: MockRequest) => Response> = {}) {
  return mockApi({
    'GET /api/v1/me': () => json(200, STREET_ADMIN),
    'GET /api/v1/audit-log': () => json(200, { items: [VERIFIED, LEGACY, POSTING], nextCursor: null }),
    ...extra,
  });
}

async function openPage() {
  renderConsole('/audit-log');
  expect(await screen.findByRole('heading', { level: 1, name: '审计日志' })).toBeTruthy();
}

/** Opens an antd select by its label, types `text` when it is searchable (its list is virtual), and picks that option. */
async function pick(name: string, text: string, type = false) {
  const box = screen.getByRole('combobox', { name });
  fireEvent.mouseDown(box);
  if (type) fireEvent.change(box, { target: { value: text } });
  fireEvent.click(await screen.findByText(text, { selector: '.ant-select-item-option-content' }));
}

const auditQueries = (requests: MockRequest[]) => requests.filter((r) => r.path === '/api/v1/audit-log').map((r) => r.url.searchParams);

describe('console audit log (审计日志)', () => {
  it(
    'lists changes with labels for known actions, the raw code for others, and opens a row as old → new',
    { timeout: 30_000 },
    async () => {
      routes();
      await openPage();
      expect(screen.getByRole('link', { name: '审计日志' })).toBeTruthy();
      const table = await screen.findByRole('table');
      expect(await within(table).findByText('审核通过服务时长')).toBeTruthy();
      expect(within(table).getByText('积分或时间储蓄记账')).toBeTruthy();
      expect(within(table).getAllByText('star_award.proposed').length).toBeGreaterThan(0);
      expect(within(table).getByText('服务记录')).toBeTruthy();
      expect(within(table).getByText('系统')).toBeTruthy();
      expect(within(table).getByText('2026-11-29 14:05:09')).toBeTruthy();
      expect(within(table).getByText('央***')).toBeTruthy();

      fireEvent.click(within(table).getByText('审核通过服务时长'));
      const detail = await screen.findByRole('region', { name: '审核通过服务时长：变动内容' });
      const lines = within(detail)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      expect(lines).toEqual(['verifiedMinutes: 600 → 660', 'star: 1 (未变)', 'status: — → verified', 'points: — → 10']);
      expect(detail.textContent).toContain('原因: 活动签到核实');
      expect(detail.textContent).toContain('操作人: 央*** · 社区管理员 (acc_demo_02)');

      fireEvent.click(within(table).getByText('积分或时间储蓄记账'));
      const posting = await screen.findByRole('region', { name: '积分或时间储蓄记账：变动内容' });
      expect(within(posting).getAllByRole('listitem')[0]!.textContent).toBe('balance: 120 → 100');
    },
  );

  it('sends the chosen filters as the query and asks again', { timeout: 30_000 }, async () => {
    const { requests } = routes();
    await openPage();
    await waitFor(() => expect(auditQueries(requests)).toHaveLength(1));
    expect(auditQueries(requests)[0]!.get('limit')).toBe('50');

    await pick('操作', '授予角色', true);
    await waitFor(() => expect(auditQueries(requests).at(-1)!.get('action')).toBe('role.grant'));
    await pick('对象类型', '账号');
    await waitFor(() => expect(auditQueries(requests).at(-1)!.get('entityType')).toBe('account'));
    fireEvent.change(screen.getByLabelText('对象编号'), { target: { value: ' acc_demo_05 ' } });
    fireEvent.click(screen.getByRole('button', { name: /搜索/ }));
    await waitFor(() => expect(auditQueries(requests).at(-1)!.get('entityId')).toBe('acc_demo_05'));
    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-11-30' } });
    await waitFor(() => {
      const last = auditQueries(requests).at(-1)!;
      expect(Object.fromEntries(last)).toEqual({
        limit: '50',
        action: 'role.grant',
        entityType: 'account',
        entityId: 'acc_demo_05',
        from: '2026-11-01',
        to: '2026-11-30',
      });
    });

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(Object.fromEntries(auditQueries(requests).at(-1)!)).toEqual({ limit: '50' }));
  });

  it('shows an intact result of the integrity check', { timeout: 30_000 }, async () => {
    const result: AuditVerify = {
      ok: true,
      checked: 29,
      firstBrokenId: null,
      ledger: { ok: true, accountsChecked: 2700, entriesChecked: 4942, firstBrokenAccount: null, brokenAccounts: 0 },
    };
    const { requests } = routes({ 'GET /api/v1/audit-log/verify': () => json(200, result) });
    await openPage();
    expect(requests.some((r) => r.path === '/api/v1/audit-log/verify')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '校验完整性' }));
    expect(await screen.findByText('审计日志完整：已校验 29 条记录，均未被改动。')).toBeTruthy();
    expect(screen.getByText('积分与时间储蓄台账完整：2700 个账户，4942 条分录。')).toBeTruthy();
  });

  it('names the row where the chain broke, and the first broken ledger account', { timeout: 30_000 }, async () => {
    const result: AuditVerify = {
      ok: false,
      checked: 31,
      firstBrokenId: '17',
      ledger: { ok: false, accountsChecked: 2700, entriesChecked: 4942, firstBrokenAccount: 'lac_0042', brokenAccounts: 1 },
    };
    routes({ 'GET /api/v1/audit-log/verify': () => json(200, result) });
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: '校验完整性' }));
    const alerts = await screen.findAllByRole('alert');
    const texts = alerts.map((a) => a.textContent ?? '');
    expect(texts.some((t) => t.includes('第 17 号记录与哈希链不符（共校验 31 条）'))).toBe(true);
    expect(texts.some((t) => t.includes('2700 个账户中有 1 个与哈希链不符，第一个是 lac_0042'))).toBe(true);
  });

  it(
    'shows the menu entry to street admins only, and keeps others off the page without asking the server',
    { timeout: 30_000 },
    async () => {
      const { requests } = mockApi({ 'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN) });
      renderConsole('/audit-log');
      expect(await screen.findByRole('heading', { level: 1, name: '审计日志' })).toBeTruthy();
      expect(screen.getByText('您的角色不使用此功能。')).toBeTruthy();
      const menu = screen.getByRole('navigation', { name: '工作台菜单' });
      expect(menu.textContent).toContain('时长审核');
      expect(menu.textContent).not.toContain('审计日志');
      expect(requests.some((r) => r.path.startsWith('/api/v1/audit-log'))).toBe(false);
    },
  );
});
