// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActivityListItem, Me } from '@duodi/contracts';
import { RESIDENT, TEAMS } from '../../../testing/fixtures';
import { json, mockApi } from '../../../testing/mock-api';
import { renderConsole } from '../../../testing/render';

const COMMUNITY_ADMIN: Me = {
  ...RESIDENT,
  id: 'u-02',
  name: '央金卓玛',
  nameBo: null,
  roles: ['community_admin'],
  assignments: [{ role: 'community_admin', scopeType: 'community', scopeId: 'c-sangyi', scopeName: '桑伊社区' }],
};

const PENDING: ActivityListItem = {
  id: 'act-p',
  title: '邻里义剪',
  titleBo: 'ཁྱིམ་མཚེས་ལ་རིན་མེད་སྐྲ་བྲེག',
  status: 'pending_review',
  startsAt: '2026-12-06T10:00:00+08:00',
  endsAt: '2026-12-06T13:00:00+08:00',
  headcount: 6,
  signedUp: 0,
  waitlisted: 0,
  teamId: 't-bugu',
  communityId: 'c-sangyi',
  category: 'elderly_care',
  place: { name: '桑伊社区党群服务中心', lat: 29.6869, lng: 91.1443, radiusM: 200 },
  signInMethods: ['qr', 'code'],
  needsInsurance: true,
  riskNotice: '注意剪刀等工具安全。',
};

describe('console activities (活动管理)', () => {
  it('approves an activity from the review queue', { timeout: 20_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      'GET /api/v1/teams': () => json(200, { items: TEAMS, nextCursor: null }),
      'GET /api/v1/activities': (r) =>
        json(200, { items: r.url.searchParams.get('status') === 'pending_review' ? [PENDING] : [PENDING], nextCursor: null }),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'POST /api/v1/activities/act-p/approve': () => json(200, { ...PENDING, status: 'recruiting' }),
    });
    renderConsole('/activities');
    const row = (await screen.findByText('注意剪刀等工具安全。')).closest('tr')!;
    expect(within(row).getByText('待审核')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: '通过并发布“邻里义剪”' }));
    expect(await screen.findByText('“邻里义剪”已发布，开始招募。')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.path).toBe('/api/v1/activities/act-p/approve');
  });

  it('refuses to save a new activity without a risk notice', { timeout: 20_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, COMMUNITY_ADMIN),
      'GET /api/v1/teams': () => json(200, { items: TEAMS, nextCursor: null }),
      'GET /api/v1/activities': () => json(200, { items: [], nextCursor: null }),
    });
    renderConsole('/activities');
    fireEvent.click(await screen.findByRole('button', { name: '新建活动' }));
    fireEvent.change(await screen.findByLabelText('标题（中文）'), { target: { value: '楼道清洁' } });
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    expect(await screen.findByText('请填写风险告知，没有风险告知的活动不能发布。')).toBeTruthy();
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(false));
  });
});
