// @vitest-environment jsdom
// Issue 6 gaps: the console edit drawer (PATCH with the version read, only what changed, locked fields while
// recruiting) and "my activities" showing each row's waitlist position from `mySignup`.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '@duodi/contracts';
import { RESIDENT, TEAMS } from '../../../testing/fixtures';
import { json, mockApi, problem } from '../../../testing/mock-api';
import { renderConsole, renderH5 } from '../../../testing/render';
import { patchOf } from '../components/activity-form-drawer';
import type { ActivityDetail, ActivityInput } from '../types';

const LEADER: Me = {
  ...RESIDENT,
  id: 'u-05',
  volunteerId: 'v-5',
  roles: ['volunteer', 'team_leader'],
  teamIds: ['t-bugu'],
  assignments: [{ role: 'team_leader', scopeType: 'team', scopeId: 't-bugu', scopeName: '布谷响铃' }],
};
const VOLUNTEER: Me = { ...RESIDENT, id: 'u-v7', volunteerId: 'v-7', roles: ['volunteer'], teamIds: ['t-bugu'] };

const ACTIVITY: ActivityDetail = {
  id: 'act-r',
  title: '布谷响铃·义诊',
  titleBo: 'བུ་གུ་ཁྲོལ་ཁྲོལ། ནད་བརྟག',
  status: 'recruiting',
  startsAt: '2026-12-05T10:00:00+08:00',
  endsAt: '2026-12-05T12:00:00+08:00',
  headcount: 4,
  signedUp: 4,
  waitlisted: 2,
  teamId: 't-bugu',
  communityId: 'c-sangyi',
  category: 'elderly_care',
  place: { name: '桑伊社区活动室', lat: 29.68, lng: 91.14, radiusM: 200 },
  signInMethods: ['qr', 'code'],
  needsInsurance: false,
  riskNotice: '注意安全。',
  description: '测血压。',
  serviceItemId: null,
  targetGroups: [],
  minAge: null,
  maxAge: null,
  minorsAllowed: false,
  skills: [],
  maxCreditableMinutes: 120,
  seriesId: null,
  seriesIndex: 0,
  recurrence: null,
  cancelReason: null,
  rejectReason: null,
  version: 3,
  canManage: true,
  canReview: false,
  mySignup: null,
  history: [],
};

const input = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  title: ACTIVITY.title,
  titleBo: ACTIVITY.titleBo,
  category: ACTIVITY.category,
  description: ACTIVITY.description,
  riskNotice: ACTIVITY.riskNotice,
  needsInsurance: false,
  targetGroups: [],
  place: ACTIVITY.place,
  startsAt: ACTIVITY.startsAt,
  endsAt: ACTIVITY.endsAt,
  headcount: 4,
  minorsAllowed: false,
  skills: [],
  signInMethods: ['qr', 'code'],
  maxCreditableMinutes: 120,
  ...over,
});

describe('patchOf (what an edit sends)', () => {
  it('sends only what changed in a draft, the window as a pair', () => {
    const draft = { ...ACTIVITY, status: 'draft' as const };
    expect(patchOf(draft, input())).toEqual({});
    expect(patchOf(draft, input({ title: '新标题', minAge: 18 }))).toEqual({ title: '新标题', minAge: 18 });
    expect(patchOf(draft, input({ endsAt: '2026-12-05T13:00:00+08:00' }))).toEqual({
      startsAt: ACTIVITY.startsAt,
      endsAt: '2026-12-05T13:00:00+08:00',
    });
  });

  it('while recruiting keeps only description, place, risk notice and headcount', () => {
    expect(patchOf(ACTIVITY, input({ title: '新标题', headcount: 6, riskNotice: '新告知' }))).toEqual({
      headcount: 6,
      riskNotice: '新告知',
    });
  });
});

describe('console activity edit (编辑活动)', () => {
  it(
    'edits a recruiting activity: locked fields are disabled, the headcount goes up with the version read',
    { timeout: 30_000 },
    async () => {
      const { requests } = mockApi({
        'GET /api/v1/me': () => json(200, LEADER),
        'GET /api/v1/teams': () => json(200, { items: TEAMS, nextCursor: null }),
        'GET /api/v1/activities/act-r': () => json(200, ACTIVITY),
        'GET /api/v1/activities/act-r/roster': () =>
          json(200, { items: [], nextCursor: null, confirmed: 4, waitlisted: 2, checkedIn: 0, checkedOut: 0 }),
        'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
        'PATCH /api/v1/activities/act-r': () => json(200, { ...ACTIVITY, headcount: 6, signedUp: 6, waitlisted: 0, version: 4 }),
      });
      renderConsole('/activities/act-r');
      fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
      expect(await screen.findByText(/活动正在招募/)).toBeTruthy();
      expect((screen.getByLabelText('标题（中文）') as HTMLInputElement).disabled).toBe(true);
      expect((screen.getByLabelText('风险告知') as HTMLTextAreaElement).disabled).toBe(false);
      const headcount = screen.getByLabelText('名额') as HTMLInputElement;
      fireEvent.change(headcount, { target: { value: '6' } });
      fireEvent.blur(headcount);
      fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
      await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
      expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 3, headcount: 6 });
      expect(await screen.findByText('活动已保存')).toBeTruthy();
    },
  );

  it('shows the conflict when someone else changed it first, and sends nothing when nothing changed', { timeout: 30_000 }, async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, LEADER),
      'GET /api/v1/teams': () => json(200, { items: TEAMS, nextCursor: null }),
      'GET /api/v1/activities/act-r': () => json(200, { ...ACTIVITY, status: 'draft' }),
      'GET /api/v1/activities/act-r/roster': () =>
        json(200, { items: [], nextCursor: null, confirmed: 0, waitlisted: 0, checkedIn: 0, checkedOut: 0 }),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
      'PATCH /api/v1/activities/act-r': () => problem(409, 'conflict', '别人刚刚修改了这个活动，请刷新后再试。'),
    });
    renderConsole('/activities/act-r');
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    fireEvent.click(await screen.findByRole('button', { name: '保存修改' }));
    expect(await screen.findByText('没有修改任何内容。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
    fireEvent.change(screen.getByLabelText('标题（中文）'), { target: { value: '布谷响铃·义诊（改）' } });
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ version: 3, title: '布谷响铃·义诊（改）' });
    expect(await screen.findByText('别人刚刚修改了这个活动，请刷新后再试。')).toBeTruthy();
  });
});

describe('H5 my activities', () => {
  it('shows each row’s waitlist position from mySignup', { timeout: 20_000 }, async () => {
    mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/activities': () =>
        json(200, {
          items: [
            {
              ...ACTIVITY,
              mySignup: {
                status: 'waitlisted',
                position: 2,
                checkedInAt: null,
                checkedOutAt: null,
                creditedMinutes: null,
                serviceRecordId: null,
              },
            },
          ],
          nextCursor: null,
        }),
      'GET /api/v1/notifications/unread-count': () => json(200, { count: 0 }),
    });
    renderH5('/me/activities');
    expect(await screen.findByText(/候补名单第 2 位/)).toBeTruthy();
  });
});
