// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, TeamApplication, TeamDetail } from '@duodi/contracts';
import { COMMUNITIES, RESIDENT, TEAMS } from '../../testing/fixtures';
import { json, mockApi, problem } from '../../testing/mock-api';
import { renderH5 } from '../../testing/render';

const BUGU: TeamDetail = {
  ...TEAMS[0]!,
  sloganBo: null,
  story: '布谷鸟一叫，志愿者就上门。',
  storyBo: null,
  logoUrl: null,
  foundedOn: '2019-03-05',
  communityName: '桑伊社区',
};

const VOLUNTEER: Me = { ...RESIDENT, id: 'u-new', volunteerId: 'v-new', roles: ['volunteer'], teamIds: [] };

const APPLICATION: TeamApplication = {
  id: 'app-1',
  teamId: 't-bugu',
  teamName: BUGU.name,
  volunteerId: 'v-new',
  volunteerNo: 'DD2026000123',
  name: '次仁卓玛',
  nameBo: null,
  communityId: 'c-sangyi',
  skills: [],
  star: 0,
  message: null,
  status: 'pending',
  reason: null,
  createdAt: '2026-05-02T09:00:00+08:00',
  decidedAt: null,
};

const publicRoutes = {
  'GET /api/v1/teams/t-bugu': () => json(200, BUGU),
  'GET /api/v1/communities': () => json(200, { items: COMMUNITIES, nextCursor: null }),
  'GET /api/v1/teams': () => json(200, { items: TEAMS, nextCursor: null }),
};

describe('H5 team brand page: joining', () => {
  it('asks a visitor to sign in or register first', async () => {
    mockApi({ ...publicRoutes, 'GET /api/v1/me': () => problem(401, 'unauthenticated', '请先登录。') });
    renderH5('/teams/t-bugu');
    expect(await screen.findByText('登录后即可申请加入。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '注册成为志愿者' }).getAttribute('href')).toBe('/register');
  });

  it('lets a volunteer apply, then shows the application as pending', async () => {
    let applied = false;
    const { requests } = mockApi({
      ...publicRoutes,
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/me/team-applications': () => json(200, { items: applied ? [APPLICATION] : [], nextCursor: null }),
      'POST /api/v1/teams/t-bugu/applications': () => {
        applied = true;
        return json(201, APPLICATION);
      },
    });
    renderH5('/teams/t-bugu');
    fireEvent.change(await screen.findByLabelText(/给队长留言/), { target: { value: '我会说藏语' } });
    fireEvent.click(screen.getByRole('button', { name: '申请加入' }));

    expect(await screen.findByText(/已于 2026年5月2日 提交申请，正在等待队长审核。/)).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ message: '我会说藏语' });
    await waitFor(() => expect(screen.queryByRole('button', { name: '申请加入' })).toBeNull());
  });

  it('tells a member they are in the team and offers to leave', async () => {
    mockApi({
      ...publicRoutes,
      'GET /api/v1/me': () => json(200, { ...VOLUNTEER, teamIds: ['t-bugu'] }),
      'GET /api/v1/me/team-applications': () => json(200, { items: [{ ...APPLICATION, status: 'approved' }], nextCursor: null }),
    });
    renderH5('/teams/t-bugu');
    expect(await screen.findByText('您是“布谷响铃”志愿服务队的队员。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '退出队伍' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '申请加入' })).toBeNull();
  });
});
