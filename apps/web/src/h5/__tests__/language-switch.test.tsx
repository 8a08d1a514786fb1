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

describe('H5 language switch', () => {
  it('re-renders the home page in Tibetan and sets <html lang="bo">', async () => {
    mockApi({ ...publicRoutes, 'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。') });
    renderH5('/');
    expect(await screen.findByRole('heading', { level: 1, name: '夺底街道志愿服务' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'བོད་ཡིག' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'དོག་སྡེ་ཁྲོམ་གཞུང་གི་དང་བླངས་ཞབས་ཞུ།' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('bo');
    expect(localStorage.getItem('duodi.language')).toBe('bo');
    expect(screen.getByRole('button', { name: 'བོད་ཡིག' }).getAttribute('aria-pressed')).toBe('true');
    // Data with a Tibetan name switches too; the tab bar follows the catalog.
    expect(await screen.findByText('བསམ་ཡིད་སྡོད་ཁུལ།')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'གཙོ་ངོས།' })).toBeTruthy();
  });

  it('saves the choice on the server when signed in, and asks the API in the new language', async () => {
    const { requests } = mockApi({
      ...publicRoutes,
      'GET /api/v1/me': () => json(200, RESIDENT),
      'GET /api/v1/grids': () => json(200, { items: [] }),
      'PATCH /api/v1/me/preferences': (req) => json(200, { ...RESIDENT, ...(req.body as object) }),
    });
    renderH5('/');
    await screen.findByText('次仁卓玛，您好');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.path).toBe('/api/v1/me/preferences');
    expect(patch?.body).toEqual({ language: 'en' });
    expect(patch?.headers.get('Accept-Language')).toBe('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Duodi Volunteer Service' })).toBeTruthy();
  });

  it('lets the language stored on the server win when a session is found', async () => {
    mockApi({ ...publicRoutes, 'GET /api/v1/me': () => json(200, { ...RESIDENT, language: 'bo' }), 'GET /api/v1/grids': () => json(200, { items: [] }) });
    renderH5('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'དོག་སྡེ་ཁྲོམ་གཞུང་གི་དང་བླངས་ཞབས་ཞུ།' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('bo');
  });
});
