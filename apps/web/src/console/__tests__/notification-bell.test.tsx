// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, NotificationDto } from '@duodi/contracts';
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

const ESCALATED: NotificationDto = {
  id: 'ntf-9',
  kind: 'demand.escalated.community',
  title: '需求办理超时',
  body: '“上门理发”需求（桑伊社区）已超过办理时限，已上报社区，请尽快处理。',
  link: '/admin/demands/dem-9',
  refType: 'demand',
  refId: 'dem-9',
  read: false,
  readAt: null,
  createdAt: '2026-11-29T02:00:00.000Z',
};

describe('console notification bell', () => {
  it('shows the unread count, opens the list in a drawer, and a tap marks read and opens the demand', { timeout: 20_000 }, async () => {
    let read = false;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      'GET /api/v1/stats/overview': () => json(200, {}),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: read ? 0 : 1 }),
      'GET /api/v1/notifications': () => json(200, { items: [{ ...ESCALATED, read }], nextCursor: null }),
      'POST /api/v1/notifications/ntf-9/read': () => {
        read = true;
        return json(200, { ...ESCALATED, read: true, readAt: '2026-11-29T03:00:00.000Z' });
      },
    });
    renderConsole('/me');
    fireEvent.click(await screen.findByRole('button', { name: '消息通知，1 条未读' }));
    const drawer = await screen.findByRole('dialog');
    const row = await within(drawer).findByRole('button', { name: /未读.*需求办理超时/ });
    expect(within(row).getByText('2026年11月29日 10:00')).toBeTruthy();
    fireEvent.click(row);
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/notifications/ntf-9/read')).toBe(true));
    await waitFor(() => expect(window.location.pathname).toBe('/admin/demands/dem-9'));
    expect(await screen.findByRole('button', { name: '消息通知' })).toBeTruthy();
  });
});
