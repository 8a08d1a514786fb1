// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CommunityDetail, Me } from '@duodi/contracts';
import { COMMUNITIES, RESIDENT } from '../../testing/fixtures';
import { residentIdAged, withWrongCheckChar } from '../../testing/ids';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderH5 } from '../../testing/render';

const SANGYI: CommunityDetail = {
  ...COMMUNITIES[0]!,
  stationAddress: '桑伊路 1 号',
  serviceCenterRooms: [],
  teams: [],
  grids: [
    {
      id: 'g-1',
      code: 'SY01',
      name: '桑伊社区第一网格',
      nameBo: null,
      communityId: 'c-sangyi',
      gridWorker: null,
      partyBranch: '第一党支部',
      partyContactName: '次仁',
      householdCount: 300,
      residentCount: 900,
    },
  ],
};

const orgRoutes = {
  'GET /api/v1/communities': () => json(200, { items: COMMUNITIES, nextCursor: null }),
  'GET /api/v1/communities/c-sangyi': () => json(200, SANGYI),
};

function idInput() {
  return screen.getByLabelText('证件号码');
}

async function openVolunteerStep(extra: Record<string, () => Response> = {}) {
  const calls = mockApi({ ...orgRoutes, 'GET /api/v1/me': () => json(200, RESIDENT), ...extra });
  renderH5('/register');
  await screen.findByRole('heading', { level: 2, name: '身份信息' });
  return calls;
}

describe('H5 volunteer registration', () => {
  it('says at once that an 18-character ID has a wrong check character, and marks the field', async () => {
    await openVolunteerStep();
    const bad = withWrongCheckChar(residentIdAged(30));

    fireEvent.change(idInput(), { target: { value: bad } });

    expect(await screen.findByText('证件号校验位不正确，可能有一位输错了，请对照证件核对。')).toBeTruthy();
    expect(idInput().getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the input, so a screen reader reads it with the field.
    const describedBy = idInput().getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').some((id) => document.getElementById(id)?.textContent?.includes('校验位不正确'))).toBe(true);
  });

  it('reads birth date, gender and age from a valid ID and shows no guardian section for an adult', async () => {
    await openVolunteerStep();
    fireEvent.change(idInput(), { target: { value: residentIdAged(30) } });

    expect(await screen.findByText(/证件号有效：出生日期 .*，男，30 岁。/)).toBeTruthy();
    expect(idInput().getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('heading', { name: '监护人' })).toBeNull();
  });

  it('shows the guardian section for a 15-year-old and refuses to send the form until the guardian agrees', async () => {
    const { requests } = await openVolunteerStep();
    fireEvent.change(idInput(), { target: { value: residentIdAged(15) } });

    const guardian = await screen.findByRole('region', { name: '监护人' });
    expect(within(guardian).getByText(/您现在 15 岁，未满 18 周岁/)).toBeTruthy();
    expect(within(guardian).getByLabelText('监护人姓名')).toBeTruthy();
    expect(within(guardian).getByLabelText('监护人手机号')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13912345678' } });
    fireEvent.change(screen.getByLabelText('居住的社区（村）'), { target: { value: 'c-sangyi' } });
    await screen.findByRole('option', { name: '桑伊社区第一网格' });
    fireEvent.change(screen.getByLabelText('网格'), { target: { value: 'g-1' } });
    fireEvent.click(screen.getByLabelText('我已阅读并同意《个人信息保护说明》'));
    fireEvent.click(screen.getByLabelText('我单独同意平台处理我的证件号码等敏感个人信息，用于实名登记'));
    fireEvent.click(screen.getByRole('button', { name: '提交注册' }));

    expect(await screen.findByText('请填写监护人姓名。')).toBeTruthy();
    expect(screen.getByText('未满 18 周岁需要监护人同意才能注册。')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('还有 3 处需要修改');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('an under-14 gets the stricter guardian notice', async () => {
    await openVolunteerStep();
    fireEvent.change(idInput(), { target: { value: residentIdAged(12) } });
    const guardian = await screen.findByRole('region', { name: '监护人' });
    expect(within(guardian).getByText(/未满 14 周岁/)).toBeTruthy();
  });

  it('sends the minor’s guardian and consents, then shows the new volunteer number', async () => {
    const id = residentIdAged(16);
    let registered = false;
    const { requests } = await openVolunteerStep({
      'POST /api/v1/volunteers': () => {
        registered = true;
        return json(201, { id: 'v-new', volunteerNo: 'DD2026000123' });
      },
      'GET /api/v1/me': () => json(200, registered ? { ...RESIDENT, volunteerId: 'v-new', roles: ['resident', 'volunteer'] } : RESIDENT),
    });
    fireEvent.change(screen.getByLabelText('真实姓名'), { target: { value: '次仁卓玛' } });
    fireEvent.change(idInput(), { target: { value: id.toLowerCase() } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13912345678' } });
    fireEvent.change(screen.getByLabelText('居住的社区（村）'), { target: { value: 'c-sangyi' } });
    await screen.findByRole('option', { name: '桑伊社区第一网格' });
    fireEvent.change(screen.getByLabelText('网格'), { target: { value: 'g-1' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /维修/ }));
    fireEvent.change(screen.getByLabelText('监护人姓名'), { target: { value: '扎西' } });
    fireEvent.change(screen.getByLabelText('监护人手机号'), { target: { value: '13987654321' } });
    fireEvent.click(screen.getByLabelText('监护人已阅读个人信息保护说明，同意其注册成为志愿者'));
    fireEvent.click(screen.getByLabelText('我已阅读并同意《个人信息保护说明》'));
    fireEvent.click(screen.getByLabelText('我单独同意平台处理我的证件号码等敏感个人信息，用于实名登记'));
    fireEvent.click(screen.getByRole('button', { name: '提交注册' }));

    expect(await screen.findByText('注册成功！您的志愿者编号是 DD2026000123。')).toBeTruthy();
    const body = requests.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      name: '次仁卓玛',
      idType: 'resident_id',
      idNumber: id.toUpperCase(),
      phone: '13912345678',
      gridId: 'g-1',
      skills: ['repair'],
      languages: ['zh'],
      guardian: { name: '扎西', phone: '13987654321' },
      forSelf: true,
    });
    expect((body.guardian as { consentAt: string }).consentAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect((body.consents as { kind: string }[]).map((c) => c.kind).sort()).toEqual(['guardian', 'privacy_policy', 'sensitive_data']);
  });

  it('puts the server’s duplicate-ID answer under the ID field with the way back to the account', async () => {
    await openVolunteerStep({
      'POST /api/v1/volunteers': () => problem(409, 'duplicate_id_number', '该证件号已注册志愿者，可通过“找回账号”登录。', '证件号已注册'),
    });
    fireEvent.change(idInput(), { target: { value: residentIdAged(40) } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13912345678' } });
    fireEvent.change(screen.getByLabelText('居住的社区（村）'), { target: { value: 'c-sangyi' } });
    await screen.findByRole('option', { name: '桑伊社区第一网格' });
    fireEvent.change(screen.getByLabelText('网格'), { target: { value: 'g-1' } });
    fireEvent.click(screen.getByLabelText('我已阅读并同意《个人信息保护说明》'));
    fireEvent.click(screen.getByLabelText('我单独同意平台处理我的证件号码等敏感个人信息，用于实名登记'));
    fireEvent.click(screen.getByRole('button', { name: '提交注册' }));

    await waitFor(() => expect(idInput().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('该证件号已注册志愿者，可通过“找回账号”登录。').length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: '去登录' }).getAttribute('href')).toBe('/login?next=/me');
    expect(screen.getByRole('link', { name: '找回账号' }).getAttribute('href')).toBe('/recover');
  });

  it('starts with the account step for a visitor and moves on once the account exists', async () => {
    let signedIn = false;
    const me: Me = { ...RESIDENT, roles: [], assignments: [], gridId: null, communityId: null };
    const { requests } = mockApi({
      ...orgRoutes,
      'GET /api/v1/me': () => (signedIn ? json(200, me) : problem(401, 'unauthenticated', '请先登录。')),
      'POST /api/v1/auth/register': () => {
        signedIn = true;
        return json(201, { token: 't', user: { id: me.id, name: me.name, roles: [] } });
      },
      'PATCH /api/v1/me/preferences': (req) => json(200, { ...me, ...(req.body as object) }),
    });
    renderH5('/register');
    await screen.findByRole('heading', { level: 2, name: '第一步：创建账号' });
    expect(screen.getByRole('list', { name: '注册进度：第 1 步，共 3 步' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('您的姓名'), { target: { value: '次仁卓玛' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13912345678' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'short' } });
    fireEvent.change(screen.getByLabelText('再次输入密码'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: '创建账号，下一步' }));
    expect(await screen.findByText('密码至少 8 位。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'volunteer2026' } });
    fireEvent.change(screen.getByLabelText('再次输入密码'), { target: { value: 'volunteer2026' } });
    fireEvent.click(screen.getByRole('button', { name: '创建账号，下一步' }));

    await screen.findByRole('heading', { level: 2, name: '身份信息' });
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ phone: '13912345678', password: 'volunteer2026', name: '次仁卓玛' });
    // The new account keeps this device's language and elderly-mode choice.
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ language: 'zh-CN', elderlyMode: false });
    // What the account step knew is carried over.
    expect((screen.getByLabelText('手机号') as HTMLInputElement).value).toBe('13912345678');
    expect((screen.getByLabelText('真实姓名') as HTMLInputElement).value).toBe('次仁卓玛');
  });
});
