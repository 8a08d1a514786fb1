// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, RecoveryRequest } from '@duodi/contracts';
import { RESIDENT } from '../../testing/fixtures';
import { json, mockApi } from '../../testing/mock-api';
import { renderConsole } from '../../testing/render';

const COMMUNITY_ADMIN: Me = {
  ...RESIDENT,
  id: 'u-02',
  name: '央金卓玛',
  nameBo: null,
  roles: ['community_admin'],
  assignments: [{ role: 'community_admin', scopeType: 'community', scopeId: 'c-sangyi', scopeName: '桑伊社区' }],
};

const request = (id: string, name: string, nameMatches = true): RecoveryRequest => ({
  id,
  name,
  nameBo: null,
  nameMatches,
  idType: 'resident_id',
  idNumberMasked: '5401**********1234',
  phoneMasked: '138****2222',
  communityId: 'c-sangyi',
  communityName: '桑伊社区',
  hasAccount: true,
  status: 'pending',
  reason: null,
  createdAt: '2026-11-20T09:00:00+08:00',
  expiresAt: '2026-11-27T09:00:00+08:00',
  decidedAt: null,
});

describe('console account recovery requests (找回账号申请)', () => {
  it('shows masks, approves only after the ID-card check is ticked, and rejects with a reason', { timeout: 20_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      'GET /api/v1/recovery-requests': () => json(200, { items: [request('r1', '扎西'), request('r2', '卓玛', false)], nextCursor: null }),
      'POST /api/v1/recovery-requests/r1/approve': () => json(200, { ...request('r1', '扎西'), status: 'approved' }),
      'POST /api/v1/recovery-requests/r2/reject': () =>
        json(200, { ...request('r2', '卓玛', false), status: 'rejected', reason: '证件不符' }),
    });
    renderConsole('/recovery-requests');
    expect(await screen.findByRole('heading', { level: 1, name: '找回账号申请' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '找回账号申请' })).toBeTruthy();
    expect(await screen.findAllByText('138****2222')).toHaveLength(2);
    expect(screen.getByText('与登记不一致')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '通过扎西的申请' }));
    const dialog = await screen.findByRole('dialog');
    const ok = within(dialog).getByRole('button', { name: '确定通过' });
    expect(ok.hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('我已当面核验此人的身份证件原件，证件与登记信息一致。'));
    fireEvent.click(ok);
    await waitFor(() => expect(requests.find((r) => r.path.endsWith('/r1/approve'))?.body).toEqual({ idCardChecked: true }));

    fireEvent.click(await screen.findByRole('button', { name: '拒绝卓玛的申请' }));
    expect(await screen.findByText('拒绝卓玛的找回账号申请')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('理由（对方会看到）'), { target: { value: '证件不符' } });
    fireEvent.click(screen.getByRole('button', { name: '确定拒绝' }));
    await waitFor(() => expect(requests.find((r) => r.path.endsWith('/r2/reject'))?.body).toEqual({ reason: '证件不符' }));
  });
});
