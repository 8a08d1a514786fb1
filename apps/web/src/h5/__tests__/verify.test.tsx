// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderH5 } from '../../testing/render';

const anonymous = { 'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。') };
const NUMBER = 'DD-SY-2026-000001-K7QF';
const body = {
  valid: true,
  number: NUMBER,
  holderName: '扎***',
  verifiedMinutes: 18120,
  star: 2,
  issuer: '桑伊社区居民委员会',
  issuerBo: 'བཟང་ཡིད་སྡོད་ཁུལ།',
  issuedAt: '2026-11-29T10:00:00+08:00',
  revokedAt: null,
};

describe('H5 certificate check (/verify/:number)', () => {
  it('shows a valid certificate without login, with the masked name only', async () => {
    const { requests } = mockApi({ ...anonymous, [`GET /api/v1/certificates/${NUMBER}/verify`]: () => json(200, body) });
    renderH5(`/verify/${NUMBER}`);
    expect(await screen.findByRole('heading', { level: 1, name: '证书核验' })).toBeTruthy();
    expect(await screen.findByText('证书有效')).toBeTruthy();
    expect(screen.getByText('扎***')).toBeTruthy();
    expect(screen.getByText('302 小时')).toBeTruthy();
    expect(screen.getByText('2 星')).toBeTruthy();
    expect(screen.getByText('桑伊社区居民委员会')).toBeTruthy();
    expect(screen.getByText('བཟང་ཡིད་སྡོད་ཁུལ།').getAttribute('lang')).toBe('bo');
    expect(screen.getByRole('note').textContent).toContain('脱敏');
    expect(requests.some((r) => r.path === `/api/v1/certificates/${NUMBER}/verify`)).toBe(true);
  });

  it('says in words that a certificate was revoked and when', async () => {
    mockApi({
      ...anonymous,
      [`GET /api/v1/certificates/${NUMBER}/verify`]: () => json(200, { ...body, valid: false, revokedAt: '2026-12-02T09:00:00+08:00' }),
    });
    renderH5(`/verify/${NUMBER}`);
    const revoked = await screen.findByText('证书已撤销，不再有效');
    expect(revoked.closest('[role="status"]')?.textContent).toContain('撤销日期：2026年12月2日');
    expect(screen.queryByText('证书有效')).toBeNull();
  });

  it('tells an unknown or malformed number apart from a failure', async () => {
    mockApi({ ...anonymous, 'GET /api/v1/certificates/DD-XX-2026-999999-ZZZZ/verify': () => problem(404, 'not_found', '未找到') });
    renderH5('/verify/DD-XX-2026-999999-ZZZZ');
    expect((await screen.findByRole('alert')).textContent).toContain('未找到该编号的证书');
  });
});
