// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderH5 } from '../../testing/render';

describe('H5 sign-in', () => {
  it('has labelled inputs and shows the server detail of a failed sign-in as text', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。'),
      'POST /api/v1/auth/login': () => problem(401, 'invalid_credentials', '手机号或密码不正确，请重新输入。', '手机号或密码错误'),
    });
    renderH5('/login');

    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13900000008' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect((await screen.findByRole('alert')).textContent).toBe('手机号或密码不正确，请重新输入。');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ phone: '13900000008', password: 'wrong' });
  });

  it('checks the phone number before calling the server', async () => {
    const { requests } = mockApi({ 'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。') });
    renderH5('/login');

    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '12345' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('请输入 11 位手机号。')).toBeTruthy();
    expect(screen.getByLabelText('手机号').getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('signs in and goes home, where the greeting uses the name from /me', async () => {
    let signedIn = false;
    mockApi({
      'GET /api/v1/me': () =>
        signedIn
          ? json(200, {
              id: 'u-1', name: '扎西', nameBo: null, roles: ['street_admin'],
              assignments: [{ role: 'street_admin', scopeType: 'street', scopeId: 's', scopeName: '夺底街道' }],
              personId: 'p', volunteerId: null, communityId: null, gridId: null, teamIds: [], unitId: null,
              streetId: 's', phoneMasked: '139****0001', language: 'zh-CN', elderlyMode: false,
            })
          : problem(401, 'unauthenticated', '请先登录。'),
      'POST /api/v1/auth/login': () => {
        signedIn = true;
        return json(200, { token: 't', user: { id: 'u-1', name: '扎西', roles: ['street_admin'] } });
      },
      'GET /api/v1/stats/overview': () => problem(500, 'internal_error', '服务器暂时出错。'),
      'GET /api/v1/communities': () => json(200, { items: [], nextCursor: null }),
      'GET /api/v1/teams': () => json(200, { items: [], nextCursor: null }),
    });
    renderH5('/login');

    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13900000001' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'demo1345' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(await screen.findByText('扎西，您好')).toBeTruthy();
    expect(screen.getByRole('link', { name: '打开工作台' }).getAttribute('href')).toBe('/admin/');
  });
});
