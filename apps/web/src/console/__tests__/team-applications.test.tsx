// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me, TeamApplication, TeamDetail, TeamMember } from '@duodi/contracts';
import { COMMUNITIES, RESIDENT, TEAMS } from '../../testing/fixtures';
import { json, mockApi } from '../../testing/mock-api';
import { renderConsole } from '../../testing/render';

const LEADER: Me = {
  ...RESIDENT,
  id: 'u-05',
  name: '格桑',
  nameBo: null,
  roles: ['team_leader', 'volunteer'],
  assignments: [{ role: 'team_leader', scopeType: 'team', scopeId: 't-bugu', scopeName: '“布谷响铃”志愿服务队' }],
  volunteerId: 'v-05',
  teamIds: ['t-bugu'],
};

const BUGU: TeamDetail = {
  ...TEAMS[0]!,
  leaderId: 'v-05',
  sloganBo: null,
  story: null,
  storyBo: null,
  logoUrl: null,
  foundedOn: null,
  communityName: '桑伊社区',
};

const LEADER_MEMBER: TeamMember = {
  volunteerId: 'v-05',
  volunteerNo: 'DD0005',
  name: '格桑',
  nameBo: null,
  communityId: 'c-sangyi',
  role: 'leader',
  joinedAt: '2019-03-05T00:00:00+08:00',
  skills: [],
  languages: ['bo'],
  star: 3,
  verifiedMinutes: 40_000,
};

const pending = (id: string, name: string): TeamApplication => ({
  id,
  teamId: 't-bugu',
  teamName: BUGU.name,
  volunteerId: `v-${id}`,
  volunteerNo: `DD-${id}`,
  name,
  nameBo: null,
  communityId: 'c-sangyi',
  skills: ['translation'],
  star: 0,
  message: '周末有空',
  status: 'pending',
  reason: null,
  createdAt: '2026-05-02T09:00:00+08:00',
  decidedAt: null,
});

describe('console team applications', () => {
  it('lets the leader approve one application and reject another with a reason', async () => {
    const decided = new Map<string, { status: TeamApplication['status']; reason: string | null }>();
    const all = [pending('a1', '次仁卓玛'), pending('a2', '达瓦')];
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, LEADER),
      'GET /api/v1/communities': () => json(200, { items: COMMUNITIES, nextCursor: null }),
      'GET /api/v1/teams/t-bugu': () => json(200, BUGU),
      'GET /api/v1/teams/t-bugu/members': () => json(200, { items: [LEADER_MEMBER], nextCursor: null }),
      'GET /api/v1/teams/t-bugu/applications': (req) => {
        const status = req.url.searchParams.get('status');
        const items = all.map((a) => ({ ...a, ...decided.get(a.id) })).filter((a) => !status || a.status === status);
        return json(200, { items, nextCursor: null });
      },
      'POST /api/v1/team-applications/a1/approve': () => {
        decided.set('a1', { status: 'approved', reason: null });
        return json(200, { ...all[0], status: 'approved' });
      },
      'POST /api/v1/team-applications/a2/reject': (req) => {
        decided.set('a2', { status: 'rejected', reason: (req.body as { reason: string }).reason });
        return json(200, { ...all[1], status: 'rejected', reason: (req.body as { reason: string }).reason });
      },
    });
    renderConsole('/teams/t-bugu?tab=applications');

    fireEvent.click(await screen.findByRole('button', { name: '通过次仁卓玛的申请' }));
    expect(await screen.findByText('已通过次仁卓玛的申请，已成为队员。')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: '通过次仁卓玛的申请' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '拒绝达瓦的申请' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确定拒绝' }));
    expect(await within(dialog).findByText('请填写理由（至少 2 个字）。')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('理由（对方会看到）'), { target: { value: '本队暂不招募新队员' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定拒绝' }));

    await waitFor(() =>
      expect(requests.find((r) => r.path === '/api/v1/team-applications/a2/reject')?.body).toEqual({ reason: '本队暂不招募新队员' }),
    );
    expect(requests.find((r) => r.path === '/api/v1/team-applications/a1/approve')?.body).toBeUndefined();
    expect(await screen.findByText('没有待审核的申请。')).toBeTruthy();
  });
});
