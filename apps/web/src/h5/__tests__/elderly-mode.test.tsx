// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COMMUNITIES, RESIDENT, STATS, TEAMS } from '../../testing/fixtures';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderH5 } from '../../testing/render';

const publicRoutes = {
  'GET /api/v1/stats/overview': () => json(200, STATS),
  'GET /api/v1/communities': () => json(200, { items: COMMUNITIES, nextCursor: null }),
  'GET /api/v1/teams': () => json(200, { items: TEAMS, nextCursor: null }),
};

describe('H5 elderly mode (长辈版)', () => {
  it('is one tap from the home page and toggles the class on <html>', async () => {
    mockApi({ ...publicRoutes, 'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。') });
    renderH5('/');
    const toggle = await screen.findByRole('switch', { name: '长辈版' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(document.documentElement.classList.contains('elderly')).toBe(false);

    fireEvent.click(toggle);

    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
    expect(localStorage.getItem('duodi.elderlyMode')).toBe('true');
    expect(screen.getByText('已开启：字更大、按钮更大')).toBeTruthy();

    fireEvent.click(toggle);
    expect(document.documentElement.classList.contains('elderly')).toBe(false);
  });

  it('is also in 我的 (settings) and is saved on the server when signed in', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, RESIDENT),
      'PATCH /api/v1/me/preferences': (req) => json(200, { ...RESIDENT, ...(req.body as object) }),
    });
    renderH5('/me');
    expect(await screen.findByText('139****0008')).toBeTruthy();

    fireEvent.click(screen.getByRole('switch', { name: '长辈版' }));

    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ elderlyMode: true }));
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
  });
});
