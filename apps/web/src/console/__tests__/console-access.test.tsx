// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '@duodi/contracts';
import { RESIDENT } from '../../testing/fixtures';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderConsole } from '../../testing/render';

const TEAM_LEADER: Me = {
  ...RESIDENT,
  id: 'u-05',
  name: '格桑',
  nameBo: null,
  roles: ['team_leader', 'volunteer'],
  assignments: [{ role: 'team_leader', scopeType: 'team', scopeId: 't-bugu', scopeName: '“布谷响铃”志愿服务队' }],
};

describe('console access', () => {
  it('sends a visitor without a session to the sign-in form', async () => {
    mockApi({ 'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。') });
    renderConsole('/');
    expect(await screen.findByLabelText('手机号')).toBeTruthy();
    expect(screen.getByLabelText('密码')).toBeTruthy();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
  });

  it('tells a resident the console is for staff and links back to the H5', async () => {
    mockApi({ 'GET /api/v1/me': () => json(200, RESIDENT) });
    renderConsole('/');
    expect(await screen.findByRole('heading', { level: 1, name: '您无权使用工作台' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回手机版' }).getAttribute('href')).toBe('/');
  });

  it('shows the 403 problem of /residents to a team leader, and hides the residents menu entry', async () => {
    mockApi({
      'GET /api/v1/me': () => json(200, TEAM_LEADER),
      'GET /api/v1/residents': () => problem(403, 'forbidden', '您的角色或范围不允许此操作。', '无权操作'),
      'GET /api/v1/communities': () => json(200, { items: [], nextCursor: null }),
    });
    renderConsole('/residents');
    expect(await screen.findByText('您的角色或范围不允许此操作。')).toBeTruthy();
    expect(screen.getByText('无权操作')).toBeTruthy();
    const menu = screen.getByRole('navigation', { name: '工作台菜单' });
    expect(menu.textContent).toContain('志愿者');
    expect(menu.textContent).not.toContain('居民');
  });
});
