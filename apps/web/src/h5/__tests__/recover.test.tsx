// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderH5 } from '../../testing/render';

const anonymous = { 'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。') };

/** A valid resident ID (GB 11643 checksum) and the same number with a wrong check digit. */
const GOOD_ID = '11010519491231002X';
const BAD_ID = '110105194912310021';

function fill({
  name = '扎西平措',
  id = GOOD_ID,
  phone = '13811112222',
  password = 'newpass-2026',
  again,
}: { name?: string; id?: string; phone?: string; password?: string; again?: string } = {}) {
  fireEvent.change(screen.getByLabelText('真实姓名'), { target: { value: name } });
  fireEvent.change(screen.getByLabelText('证件号码'), { target: { value: id } });
  fireEvent.change(screen.getByLabelText('新手机号'), { target: { value: phone } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: again ?? password } });
}

describe('H5 account recovery (找回账号)', () => {
  it('is linked from the sign-in page', async () => {
    mockApi(anonymous);
    renderH5('/login');
    const link = await screen.findByRole('link', { name: '找回账号' });
    expect(link.getAttribute('href')).toBe('/recover');
  });

  it('explains the in-person check, sends the request and shows the received state', async () => {
    const { requests } = mockApi({ ...anonymous, 'POST /api/v1/auth/recovery-requests': () => json(202, { status: 'received' }) });
    renderH5('/recover');
    expect(await screen.findByRole('heading', { level: 1, name: '找回账号' })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('工作人员当面核验身份');
    fill();
    fireEvent.click(screen.getByRole('button', { name: '提交找回申请' }));
    const status = await screen.findByRole('status');
    expect(within(status).getByText('申请已收到')).toBeTruthy();
    expect(within(status).getByRole('link', { name: '返回登录' }).getAttribute('href')).toBe('/login');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      name: '扎西平措',
      idType: 'resident_id',
      idNumber: GOOD_ID,
      phone: '13811112222',
      password: 'newpass-2026',
    });
  });

  it('says a wrong ID check digit inline and sends nothing until the form is right', async () => {
    const { requests } = mockApi(anonymous);
    renderH5('/recover');
    await screen.findByRole('heading', { level: 1, name: '找回账号' });
    fill({ id: BAD_ID, phone: '12345', password: 'short', again: 'other' });
    expect(await screen.findByText('证件号校验位不正确，可能有一位输错了，请对照证件核对。')).toBeTruthy();
    expect(screen.getByLabelText('证件号码').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '提交找回申请' }));
    expect(await screen.findByText('请输入 11 位手机号。')).toBeTruthy();
    expect(screen.getByText('密码至少 8 位。')).toBeTruthy();
    expect(screen.getByText('两次输入的密码不一致。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows the server’s words when requests are throttled', async () => {
    mockApi({
      ...anonymous,
      'POST /api/v1/auth/recovery-requests': () => problem(429, 'rate_limited', '尝试次数过多，请 1440 分钟后再试。'),
    });
    renderH5('/recover');
    await screen.findByRole('heading', { level: 1, name: '找回账号' });
    fill();
    fireEvent.click(screen.getByRole('button', { name: '提交找回申请' }));
    expect((await screen.findByRole('alert')).textContent).toBe('尝试次数过多，请 1440 分钟后再试。');
  });
});
