// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import QRCode from 'qrcode';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '@duodi/contracts';
import { RESIDENT } from '../../../testing/fixtures';
import { json, mockApi, type MockRequest } from '../../../testing/mock-api';
import { renderH5 } from '../../../testing/render';
import { QUEUE_KEY, type QueuedCheck } from '../offline-queue';
import { loadDecoder } from '../../../lib/qr-decode';
import { checkInLink, parseCheckInLink } from '../qr-link';
import type { ActivityDetail, Roster, RosterEntry } from '../types';

const VOLUNTEER: Me = { ...RESIDENT, id: 'u-v6', volunteerId: 'v-6', roles: ['volunteer'], teamIds: ['t-bugu'] };
const LEADER: Me = { ...RESIDENT, id: 'u-l5', volunteerId: 'v-5', roles: ['volunteer', 'team_leader'], teamIds: ['t-bugu'] };

const ACTIVITY: ActivityDetail = {
  id: 'act-1',
  title: '布谷响铃·独居老人探访',
  titleBo: 'རྒན་པ་གཅིག་པུར་བསྡད་པ་ལ་ཐུག་འཕྲད།',
  status: 'recruiting',
  startsAt: '2026-12-05T10:00:00+08:00',
  endsAt: '2026-12-05T12:00:00+08:00',
  headcount: 10,
  signedUp: 4,
  waitlisted: 0,
  teamId: 't-bugu',
  place: { name: '桑伊社区党群服务中心', lat: 29.68, lng: 91.14, radiusM: 200 },
  signInMethods: ['qr', 'code', 'gps'],
  needsInsurance: true,
  riskNotice: '上门时注意防滑；不得替老人保管现金。',
  communityId: 'c-sangyi',
  category: 'elderly_care',
  description: '陪老人聊天，检查水电煤气。',
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
  version: 1,
  canManage: false,
  canReview: false,
  mySignup: null,
  history: [],
};

const signup = (status: RosterEntry['status']) => ({
  status,
  position: null,
  checkedInAt: null,
  checkedOutAt: null,
  creditedMinutes: null,
  serviceRecordId: null,
});

function rosterEntry(volunteerId: string, name: string, checkedInAt: string | null): RosterEntry {
  return {
    volunteerId,
    name,
    phoneMasked: '139****0006',
    status: 'confirmed',
    position: null,
    signedUpAt: '2026-12-01T09:00:00+08:00',
    checkedInAt,
    checkedOutAt: null,
    checkInMethod: checkedInAt ? 'qr' : null,
    creditedMinutes: null,
    autoClosed: false,
    flagged: false,
    insured: true,
    serviceRecordId: null,
  };
}

describe('H5 activity detail: sign-up', () => {
  it('keeps the sign-up button disabled until the risk notice is acknowledged', async () => {
    let signedUp = false;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/activities/act-1': () => json(200, signedUp ? { ...ACTIVITY, signedUp: 5, mySignup: signup('confirmed') } : ACTIVITY),
      'POST /api/v1/activities/act-1/signups': () => {
        signedUp = true;
        return json(201, { status: 'confirmed' });
      },
    });
    renderH5('/activities/act-1');
    const note = await screen.findByRole('note', { name: '风险告知' });
    expect(within(note).getByText('上门时注意防滑；不得替老人保管现金。')).toBeTruthy();
    expect(screen.getByText('需要保险：参加者须有有效的志愿者保险')).toBeTruthy();

    const button = await screen.findByRole('button', { name: '报名参加' });
    expect(button.hasAttribute('disabled')).toBe(true);
    fireEvent.click(button);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByLabelText('我已阅读并知晓上述风险告知'));
    await waitFor(() => expect(screen.getByRole('button', { name: '报名参加' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: '报名参加' }));
    expect(await screen.findByText('您已报名成功。')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v1/activities/act-1/signups']);
    expect(await screen.findByRole('button', { name: '取消报名' })).toBeTruthy();
  });

  it('offers the waitlist when full and shows the position', async () => {
    mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/activities/act-1': () => json(200, { ...ACTIVITY, signedUp: 10, waitlisted: 2 }),
      'POST /api/v1/activities/act-1/signups': () => json(201, { status: 'waitlisted', position: 3 }),
    });
    renderH5('/activities/act-1');
    fireEvent.click(await screen.findByLabelText('我已阅读并知晓上述风险告知'));
    fireEvent.click(screen.getByRole('button', { name: '名额已满，加入候补' }));
    expect(await screen.findByText('您在候补名单第 3 位，有人取消时按顺序递补。')).toBeTruthy();
  });
});

describe('H5 check-in: offline queue', () => {
  it('stores a check-in made without a connection and sends it later with its device time', async () => {
    let online = false;
    const running = { ...ACTIVITY, status: 'in_progress', mySignup: signup('confirmed') };
    const posts: MockRequest[] = [];
    mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/activities': () => json(200, { items: [running], nextCursor: null }),
      'POST /api/v1/activities/act-1/check-in': (request) => {
        posts.push(request);
        if (!online) throw new TypeError('Failed to fetch');
        return json(200, { at: (request.body as { at: string }).at });
      },
    });
    renderH5('/check-in?activity=act-1');
    const form = (await screen.findByRole('heading', { name: '输入 6 位数字码' })).closest('section')!;
    await waitFor(() => expect(within(form).getAllByRole('option').length).toBeGreaterThan(1));
    fireEvent.change(within(form).getByLabelText('活动'), { target: { value: 'act-1' } });
    fireEvent.change(within(form).getByLabelText('数字码'), { target: { value: '482913' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交数字码' }));

    expect(await screen.findByText('现在没有网络，已保存在手机上，联网后会自动提交。')).toBeTruthy();
    const stored = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as QueuedCheck[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ activityId: 'act-1', action: 'check-in', code: '482913' });
    expect(Date.parse(stored[0]!.at)).not.toBeNaN();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ code: '482913' });
    expect(screen.getByText('有 1 条签到等待联网后提交。')).toBeTruthy();

    online = true;
    await act(async () => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('已提交并被接受。')).toBeTruthy();
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toEqual({ code: '482913', at: stored[0]!.at });
    expect(JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]')).toEqual([]);
  });

  it('sends a queued scan on the next app start and shows a refusal in words', async () => {
    const queued: QueuedCheck = { id: 'q1', activityId: 'act-1', action: 'check-in', token: 'forged', at: '2026-12-05T10:03:00+08:00' };
    localStorage.setItem(QUEUE_KEY, JSON.stringify([queued]));
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/activities': () => json(200, { items: [], nextCursor: null }),
      'POST /api/v1/activities/act-1/check-in': () =>
        json(
          422,
          { type: 'about:blank', title: 'token_expired', status: 422, detail: '签到码已过期。', code: 'token_expired' },
          'application/problem+json',
        ),
    });
    renderH5('/me/activities');
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ token: 'forged', at: queued.at });
    await waitFor(() => expect(JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]')).toEqual([]));
    expect(await screen.findByText('未被接受：签到码已过期。')).toBeTruthy();
  });
});

describe('H5 check-in by position', () => {
  it('reads the position only at the tap and shows the refusal with its distance', { timeout: 15_000 }, async () => {
    const getCurrentPosition = vi.fn((success: PositionCallback) =>
      success({ coords: { latitude: 29.69, longitude: 91.15, accuracy: 10 }, timestamp: Date.now() } as GeolocationPosition),
    );
    Object.defineProperty(window.navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
    const running = { ...ACTIVITY, status: 'in_progress', mySignup: signup('confirmed') };
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, VOLUNTEER),
      'GET /api/v1/activities': () => json(200, { items: [running], nextCursor: null }),
      'POST /api/v1/activities/act-1/check-in': () =>
        json(
          422,
          {
            type: 'about:blank',
            title: 'outside_geofence',
            status: 422,
            detail: '您距离活动地点约 850 米，超出签到范围 200 米。',
            code: 'outside_geofence',
          },
          'application/problem+json',
        ),
    });
    renderH5('/check-in?activity=act-1');
    const section = (await screen.findByRole('heading', { name: '按位置签到' })).closest('section')!;
    await waitFor(() => expect(within(section).getAllByRole('option').length).toBeGreaterThan(1));
    expect(getCurrentPosition).not.toHaveBeenCalled();
    fireEvent.click(within(section).getByRole('button', { name: '用我现在的位置' }));
    expect(await screen.findByText('您距离活动地点约 850 米，超出签到范围 200 米。')).toBeTruthy();
    expect(getCurrentPosition).toHaveBeenCalledTimes(1);
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ lat: 29.69, lng: 91.15 });
    expect(localStorage.getItem(QUEUE_KEY)).toBeNull();
    Reflect.deleteProperty(window.navigator, 'geolocation');
  });
});

describe('H5 organizer check-in screen', () => {
  it('renders the rotating QR with the 6-digit code, a countdown and the live roster', async () => {
    const roster: Roster = {
      items: [rosterEntry('v-6', '次仁', '2026-12-05T10:02:00+08:00'), rosterEntry('v-7', '卓玛', null)],
      nextCursor: null,
      confirmed: 2,
      waitlisted: 0,
      checkedIn: 1,
      checkedOut: 0,
    };
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, LEADER),
      'GET /api/v1/activities/act-1': () => json(200, { ...ACTIVITY, status: 'in_progress', canManage: true }),
      'GET /api/v1/activities/act-1/check-in-code': () =>
        json(200, {
          token: 'tok-abc-0123456789',
          code: '482913',
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
          refreshAt: new Date(Date.now() + 30_000).toISOString(),
        }),
      'GET /api/v1/activities/act-1/roster': () => json(200, roster),
      'POST /api/v1/activities/act-1/signups/v-7/no-show': () => new Response(null, { status: 204 }),
    });
    renderH5('/activities/act-1/organizer');
    const img = await screen.findByRole('img', { name: '“布谷响铃·独居老人探访”的签到二维码' });
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(decodeURIComponent(img.getAttribute('src')!)).toContain('<path');
    expect(screen.getByText('482913')).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toMatch(/^\d+ 秒后更新$/);
    expect(await screen.findByText('已签到 1 / 2 人')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '把卓玛记为未到' }));
    await waitFor(() => expect(requests.some((r) => r.path === '/api/v1/activities/act-1/signups/v-7/no-show')).toBe(true));
  });

  it('encodes a link that the scan page decodes back to the activity and token', async () => {
    const link = checkInLink('https://duodi.example', 'act-1', 'tok-abc');
    const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
    const scale = 6;
    const margin = 4;
    const side = (qr.modules.size + margin * 2) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let y = 0; y < qr.modules.size; y++) {
      for (let x = 0; x < qr.modules.size; x++) {
        if (!qr.modules.get(y, x)) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const i = (((y + margin) * scale + dy) * side + (x + margin) * scale + dx) * 4;
            pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
          }
        }
      }
    }
    const decode = await loadDecoder();
    const text = decode(pixels, side, side);
    expect(text).toBe(link);
    expect(parseCheckInLink(text!)).toEqual({ activityId: 'act-1', token: 'tok-abc' });
    expect(parseCheckInLink('https://example.com/other?token=x')).toBeNull();
  });
});
