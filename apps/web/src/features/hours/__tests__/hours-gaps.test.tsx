// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CertificateRequest, CertificateStaffItem, Me, StarAward, VolunteerSummary } from '@duodi/contracts';
import { RESIDENT } from '../../../testing/fixtures';
import { json, mockApi, problem } from '../../../testing/mock-api';
import { renderConsole, renderH5 } from '../../../testing/render';

const VOLUNTEER: Me = { ...RESIDENT, id: 'u-06', volunteerId: 'v-06', roles: ['volunteer'], teamIds: ['t-bugu'] };
const COMMUNITY_ADMIN: Me = {
  ...RESIDENT,
  id: 'u-02',
  name: '央金卓玛',
  nameBo: null,
  roles: ['community_admin'],
  assignments: [{ role: 'community_admin', scopeType: 'community', scopeId: 'c-sangyi', scopeName: '桑伊社区' }],
};
const SUMMARY: VolunteerSummary = {
  verifiedMinutes: 150 * 60,
  star: 1,
  points: 320,
  timeBankMinutes: 600,
  nextStarMinutes: 300 * 60,
  pendingRecords: 0,
};

function award(id: string, extra: Partial<StarAward>): StarAward {
  return {
    id,
    volunteerId: 'v-06',
    volunteerNo: 'DD-0006',
    name: '扎西',
    communityId: 'c-sangyi',
    level: 1,
    verifiedMinutes: 6000,
    status: 'proposed',
    proposedAt: '2026-11-20T10:00:00+08:00',
    reviewedAt: null,
    noticeStart: null,
    noticeEnd: null,
    awardedAt: null,
    reason: null,
    revokedAt: null,
    openObjections: 0,
    ...extra,
  };
}

function request(id: string, extra: Partial<CertificateRequest> = {}): CertificateRequest {
  return {
    id,
    volunteerId: 'v-06',
    holderName: '扎*',
    volunteerNo: 'DD-0006',
    language: 'bilingual',
    periodFrom: null,
    periodTo: null,
    issuerKind: 'community',
    issuerId: 'c-sangyi',
    status: 'pending',
    certificateNumber: null,
    declineReason: null,
    createdAt: '2026-11-28T10:00:00+08:00',
    decidedAt: null,
    ...extra,
  };
}

const CERT: CertificateStaffItem = {
  number: 'DD-SY-2026-000001-ABCD',
  volunteerId: 'v-06',
  volunteerNo: 'DD-0006',
  holderName: '扎*',
  language: 'zh',
  verifiedMinutes: 600,
  issuer: '桑伊社区居民委员会',
  issuerKind: 'community',
  issuerId: 'c-sangyi',
  issuedAt: '2026-11-01T10:00:00+08:00',
  revokedAt: null,
  revokeReason: null,
  pdfUrl: '/api/v1/certificates/DD-SY-2026-000001-ABCD/pdf',
};

describe('H5 /me/star: my award status (issue 5 gaps)', () => {
  it('lists my awards with their state and the notice window', { timeout: 20_000 }, async () => {
    mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/volunteers/v-06/summary': () => json(200, SUMMARY),
      'GET /api/v1/star-thresholds': () => json(200, { thresholdsHours: [100, 300, 600, 1000, 1500], blockYears: 2 }),
      'GET /api/v1/star-notices': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/me/star-awards': () =>
        json(200, {
          items: [
            award('a2', { level: 2, status: 'on_notice', noticeStart: '2026-11-23', noticeEnd: '2026-11-27' }),
            award('a1', { level: 1, status: 'awarded', awardedAt: '2025-01-20T10:00:00+08:00' }),
          ],
          nextCursor: null,
        }),
    });
    renderH5('/me/star');
    const list = await screen.findByRole('list', { name: '我的星级认定' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('公示中')).toBeTruthy();
    expect(within(rows[0]!).getByText('公示期 2026年11月23日 至 2026年11月27日')).toBeTruthy();
    expect(within(rows[1]!).getByText('已认定')).toBeTruthy();
    expect(within(rows[1]!).getByText('于 2025年1月20日 正式认定')).toBeTruthy();
  });
});

describe('H5 /me/certificates: asking for a certificate (issue 5 gaps)', () => {
  function api(items: CertificateRequest[], post?: () => Response) {
    return mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/me/certificates': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/me/certificate-requests': () => json(200, { items, nextCursor: null }),
      ...(post ? { 'POST /api/v1/certificate-requests': post } : {}),
    });
  }

  it('sends the language and period, and refuses an end before the start without sending', { timeout: 20_000 }, async () => {
    const { requests } = api([request('r-old', { status: 'declined', declineReason: '记录待核实' })], () => json(201, request('r-new')));
    renderH5('/me/certificates');
    const list = await screen.findByRole('list', { name: '我的证明申请' });
    expect(within(list).getByText('未开具')).toBeTruthy();
    expect(within(list).getByText('未开具。原因：记录待核实')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('证明语言'), { target: { value: 'bo' } });
    fireEvent.change(screen.getByLabelText('服务起始日期（可不填）'), { target: { value: '2026-06-01' } });
    fireEvent.change(screen.getByLabelText('服务截止日期（可不填）'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('截止日期不能早于起始日期。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText('服务截止日期（可不填）'), { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ language: 'bo', periodFrom: '2026-06-01', periodTo: '2026-10-31' }),
    );
    expect(await screen.findByText('申请已提交，请等待开具单位处理。')).toBeTruthy();
  });

  it('shows an issued request with its number and no form while one is open', { timeout: 20_000 }, async () => {
    api([request('r-open'), request('r-done', { status: 'issued', certificateNumber: 'DD-SY-2026-000001-ABCD' })]);
    renderH5('/me/certificates');
    const list = await screen.findByRole('list', { name: '我的证明申请' });
    expect(within(list).getByText('处理中')).toBeTruthy();
    expect(within(list).getByText('已开具证明 DD-SY-2026-000001-ABCD')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交申请' })).toBeNull();
  });
});

describe('console /admin/certificates: requests and the issued list (issue 5 gaps)', () => {
  function api(more: Record<string, Parameters<typeof mockApi>[0][string]> = {}) {
    return mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/certificate-requests': () => json(200, { items: [request('r1')], nextCursor: null }),
      'GET /api/v1/certificates': (r) =>
        json(200, {
          items: r.url.searchParams.get('revoked') === 'true' ? [] : [CERT],
          nextCursor: null,
        }),
      ...more,
    });
  }

  it('issues a pending request', { timeout: 20_000 }, async () => {
    const { requests } = api({
      'POST /api/v1/certificate-requests/r1/issue': () =>
        json(200, { request: request('r1', { status: 'issued' }), certificate: { number: 'N', pdfUrl: '/x' } }),
    });
    renderConsole('/certificates');
    fireEvent.click(await screen.findByRole('button', { name: '为 扎* 开具' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.path).toBe('/api/v1/certificate-requests/r1/issue'));
  });

  it('declines only with a reason, and shows the server’s refusal', { timeout: 20_000 }, async () => {
    const { requests } = api({
      'POST /api/v1/certificate-requests/r1/decline': () => problem(409, 'invalid_transition', 'decided'),
    });
    renderConsole('/certificates');
    fireEvent.click(await screen.findByRole('button', { name: '不予开具（扎*）' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认不予开具' }));
    expect(await within(dialog).findByText('请填写理由（至少 2 个字）。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('不予开具的理由（会告知志愿者）'), { target: { value: '记录待核实' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认不予开具' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '记录待核实' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
  });

  it('lists issued certificates (masked) and revokes one with a reason', { timeout: 20_000 }, async () => {
    const { requests } = api({
      'POST /api/v1/certificates/DD-SY-2026-000001-ABCD/revoke': () =>
        json(200, {
          valid: false,
          number: CERT.number,
          holderName: '扎*',
          verifiedMinutes: 600,
          star: 0,
          issuer: CERT.issuer,
          issuedAt: CERT.issuedAt,
          revokedAt: '2026-11-29T10:00:00+08:00',
        }),
    });
    renderConsole('/certificates');
    const cell = await screen.findByText(CERT.number, { selector: 'td' });
    const row = cell.closest('tr')!;
    expect(within(row).getByText('扎* · DD-0006')).toBeTruthy();
    expect(within(row).getByText('有效')).toBeTruthy();
    expect(within(row).getByRole('button', { name: `下载证明 ${CERT.number}` })).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: `撤销 ${CERT.number}` }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('撤销理由'), { target: { value: '时长核减' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '撤销证明' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '时长核减' }));
    expect(requests.find((r) => r.method === 'POST')?.path).toBe(`/api/v1/certificates/${CERT.number}/revoke`);
  });
});

describe('console residents › households: 家庭关系 (issue 5 gaps)', () => {
  const HOUSEHOLD = { id: 'hh-1', gridId: 'g-1', communityId: 'c-sangyi', address: '桑伊路 12 号', memberCount: 3 };
  const FAMILY = {
    householdId: 'hh-1',
    address: '桑伊路 12 号',
    members: [
      { personId: 'p-41', name: '扎西平措', age: 46 },
      { personId: 'p-42', name: '卓玛', age: 44 },
      { personId: 'p-43', name: '次仁', age: 12 },
    ],
    relations: [{ personId: 'p-41', relativePersonId: 'p-42', relation: 'spouse', createdAt: '2026-03-01T10:00:00+08:00' }],
  };

  it('shows the household’s registered relations and records a new one', { timeout: 30_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/residents': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/communities': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/grids': () => json(200, { items: [] }),
      'GET /api/v1/households': () => json(200, { items: [HOUSEHOLD], nextCursor: null }),
      'GET /api/v1/time-bank/households/hh-1/family': () => json(200, FAMILY),
      'POST /api/v1/time-bank/relations': () => json(201, { personId: 'p-43', name: '次*', relation: 'child' }),
    });
    renderConsole('/residents');
    fireEvent.click(await screen.findByRole('tab', { name: '户' }));
    fireEvent.click(await screen.findByRole('button', { name: '家庭关系 桑伊路 12 号' }));
    const dialog = await screen.findByRole('dialog');
    const row = (await within(dialog).findByText('扎西平措', { selector: 'td' })).closest('tr')!;
    expect(within(row).getByText('卓玛')).toBeTruthy();
    expect(within(row).getByText('配偶')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: '登记' }));
    expect((await within(dialog).findAllByText('必填')).length).toBe(3);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    const choose = async (label: string, option: string) => {
      fireEvent.mouseDown(within(dialog).getByLabelText(label));
      const items = await screen.findAllByTitle(option);
      fireEvent.click(items[items.length - 1]!);
    };
    await choose('户内成员', '扎西平措（46 岁）');
    await choose('家人', '次仁（12 岁）');
    await choose('家人是该成员的', '子女');
    fireEvent.click(within(dialog).getByRole('button', { name: '登记' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ personId: 'p-41', relativePersonId: 'p-43', relation: 'child' }),
    );
    expect(await within(dialog).findByText('已登记与 次* 的家庭关系。')).toBeTruthy();
  });
});

describe('H5 /time-bank: registered relatives (issue 5 gaps)', () => {
  it('lists the registered relatives with their relation', { timeout: 20_000 }, async () => {
    mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'GET /api/v1/ledger/accounts/me': () => json(200, { items: [{ id: 'acc-t', kind: 'time_bank', balance: 600 }], nextCursor: null }),
      'GET /api/v1/time-bank/relatives': () =>
        json(200, {
          items: [
            { personId: 'p-42', name: '卓*', relation: 'spouse' },
            { personId: 'p-43', name: '次*', relation: 'child' },
          ],
          nextCursor: null,
        }),
      'GET /api/v1/time-bank/withdrawals': () => json(200, { items: [], nextCursor: null }),
    });
    renderH5('/time-bank');
    const list = await screen.findByRole('list', { name: '已登记的家人' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual(['卓*配偶', '次*子女']);
  });
});
