// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NotificationDto } from '@duodi/contracts';
import { setElderlyMode } from '../../lib/elderly-mode';
import { RESIDENT } from '../../testing/fixtures';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderH5 } from '../../testing/render';

const UNREAD: NotificationDto = {
  id: 'ntf-1',
  kind: 'demand.status.accepted',
  title: '志愿者已接单',
  body: '志愿者已接下您的“上门理发”需求，将按约定时间上门服务。',
  link: '/orders/dem-1',
  refType: 'demand',
  refId: 'dem-1',
  read: false,
  readAt: null,
  createdAt: '2026-11-29T06:05:00.000Z',
};
const READ: NotificationDto = {
  ...UNREAD,
  id: 'ntf-0',
  kind: 'demand.status.published',
  title: '需求已发布',
  body: '您的“上门理发”需求已由社区发布，正在为您安排志愿服务队。',
  read: true,
  readAt: '2026-11-28T10:00:00.000Z',
  createdAt: '2026-11-28T09:00:00.000Z',
};

function signedIn(items: NotificationDto[], more: Record<string, () => Response> = {}, me = RESIDENT) {
  let list = items;
  return mockApi({
    'GET /api/v1/me': () => json(200, me),
    'GET /api/v1/notifications': () => json(200, { items: list, nextCursor: null }),
    'GET /api/v1/notifications/unread-count': () => json(200, { count: list.filter((i) => !i.read).length }),
    'POST /api/v1/notifications/ntf-1/read': () => {
      list = list.map((i) => (i.id === 'ntf-1' ? { ...i, read: true, readAt: '2026-11-29T07:00:00.000Z' } : i));
      return json(200, list.find((i) => i.id === 'ntf-1'));
    },
    'POST /api/v1/notifications/read-all': () => {
      const updated = list.filter((i) => !i.read).length;
      list = list.map((i) => ({ ...i, read: true }));
      return json(200, { updated });
    },
    ...more,
  });
}

describe('H5 notifications', () => {
  it('lists the notifications with the unread one marked in words, and a bell with the count', async () => {
    signedIn([UNREAD, READ]);
    renderH5('/notifications');
    expect(await screen.findByRole('heading', { name: '消息通知' })).toBeTruthy();
    const unread = await screen.findByRole('button', { name: /未读.*志愿者已接单/ });
    expect(within(unread).getByText('2026年11月29日 14:05')).toBeTruthy();
    expect(screen.getByRole('button', { name: /需求已发布/ }).textContent).not.toContain('未读');
    expect(await screen.findByRole('link', { name: '消息通知，1 条未读' })).toBeTruthy();
  });

  it('marks a notification read when tapped and opens its page', async () => {
    const { requests } = signedIn([UNREAD, READ]);
    renderH5('/notifications');
    fireEvent.click(await screen.findByRole('button', { name: /未读.*志愿者已接单/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/notifications/ntf-1/read')).toBe(true));
    await waitFor(() => expect(window.location.pathname).toBe('/orders/dem-1'));
  });

  it('marks all read, then offers nothing more to mark', async () => {
    const { requests } = signedIn([UNREAD, READ]);
    renderH5('/notifications');
    fireEvent.click(await screen.findByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/v1/notifications/read-all')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('button', { name: '全部标为已读' })).toBeNull());
    expect(screen.queryByText(/未读/)).toBeNull();
    await waitFor(() => expect(screen.getByRole('link', { name: '消息通知' })).toBeTruthy());
  });

  it('says so when there is nothing', async () => {
    signedIn([]);
    renderH5('/notifications');
    expect(await screen.findByText('暂无通知。')).toBeTruthy();
  });

  it('works in Tibetan and in elderly mode (the user’s saved preferences)', async () => {
    setElderlyMode(false);
    signedIn([UNREAD], {}, { ...RESIDENT, language: 'bo', elderlyMode: true });
    renderH5('/notifications');
    expect(await screen.findByRole('heading', { name: 'བརྡ་ཐོ།' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.classList.contains('elderly')).toBe(true));
    const item = await screen.findByRole('button', { name: /མ་ཀློག་པ།.*志愿者已接单/ });
    expect(item.tagName).toBe('BUTTON');
    expect(within(item).getByText('2026-11-29 14:05')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'བརྡ་ཐོ། མ་ཀློག་པ་ 1 ཡོད།' })).toBeTruthy();
  });

  it('sends a visitor to sign in, and shows no bell', async () => {
    mockApi({ 'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。') });
    renderH5('/notifications');
    await waitFor(() => expect(window.location.pathname).toBe('/login'));
    expect(screen.queryByRole('link', { name: /消息通知/ })).toBeNull();
  });

  it('shows an error with a retry when the list fails', async () => {
    signedIn([], { 'GET /api/v1/notifications': () => problem(500, 'internal_error', '服务器开小差了。') });
    renderH5('/notifications');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
