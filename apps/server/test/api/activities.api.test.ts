// Activities: lifecycle with role and scope refusals, sign-ups (quota, waitlist, overlap,
// eligibility), the insurance gate (DR-15) and check-in/out (DR-03, DR-05) with a controlled clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { endOverdueActivities, sendActivityReminders } from '../../src/modules/activities/index.js';
import { REFERENCE_DATE } from '../../seed/load-demo.js';
import { DEMO_ACTIVITY_IDS } from '../../seed/activities.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const PHONES = {
  street: '13900000001',
  sy: '13900000002',
  jx: '13900000003',
  leader: '13900000005',
  v6: '13900000006',
  v7: '13900000007',
  resident: '13900000008',
} as const;
type Who = keyof typeof PHONES;
const tok = {} as Record<Who, string>;
const me = {} as Record<Who, { personId: string; volunteerId: string | null }>;

/** The test clock (deps.now): every request sees this moment. */
let clock = new Date('2026-12-10T00:00:00Z');
const setClock = (d: Date | string) => {
  clock = new Date(d);
};
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

beforeAll(async () => {
  t = await createTestApp();
  t.deps.now = () => clock;
  for (const [w, phone] of Object.entries(PHONES) as [Who, string][]) {
    tok[w] = await t.login(phone);
    me[w] = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tok[w]) })).json();
  }
});
afterAll(() => t?.close());

const PLACE = { name: '桑伊社区活动室', lat: 29.6869, lng: 91.1443, radiusM: 200 };

function body(startsAt: Date, minutes: number, extra: Record<string, unknown> = {}) {
  return {
    title: '布谷响铃 · 邻里义剪',
    titleBo: 'བུ་གུ་ཁྲོལ་ཁྲོལ། ཁྱིམ་མཚེས་ལ་སྐྲ་བྲེག',
    category: 'neighbourhood',
    teamId: 'team_bugu',
    riskNotice: '注意剪刀安全，老人行动不便时请搀扶。',
    place: PLACE,
    startsAt: startsAt.toISOString(),
    endsAt: at(startsAt, minutes).toISOString(),
    headcount: 2,
    ...extra,
  };
}

const api = (who: Who | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, lang = 'zh-CN') =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(who ? bearer(tok[who]) : {}), 'accept-language': lang },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

/** A recruiting activity of 布谷响铃 starting at `startsAt`. */
async function recruiting(startsAt: Date, minutes = 120, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api('leader', 'POST', '/activities', body(startsAt, minutes, extra));
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await api('leader', 'POST', `/activities/${id}/submit`)).statusCode).toBe(200);
  expect((await api('sy', 'POST', `/activities/${id}/approve`)).statusCode).toBe(200);
  return id;
}

const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.db, q))[0]!.n);

describe('lifecycle', () => {
  it('creates a draft, submits, and only a reviewer of its community approves', async () => {
    const start = new Date('2026-12-12T02:00:00Z');
    const created = await api('leader', 'POST', '/activities', body(start, 90));
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      status: 'draft',
      teamId: 'team_bugu',
      communityId: 'com_sy',
      headcount: 2,
      signedUp: 0,
      waitlisted: 0,
      signInMethods: ['qr', 'code'],
      maxCreditableMinutes: 90,
    });
    expect(a.place).toEqual(PLACE);
    // A draft does not exist for others.
    expect((await api('v6', 'GET', `/activities/${a.id}`)).statusCode).toBe(404);
    expect((await api(null, 'GET', `/activities/${a.id}`)).statusCode).toBe(404);
    expect((await api('sy', 'POST', `/activities/${a.id}/approve`)).json().code).toBe('invalid_transition');
    expect((await api('leader', 'POST', `/activities/${a.id}/submit`)).json().status).toBe('pending_review');
    // The team leader may not approve (403), 吉祥社区's admin does not see it (404): nothing changes.
    expect((await api('leader', 'POST', `/activities/${a.id}/approve`)).statusCode).toBe(403);
    expect((await api('jx', 'POST', `/activities/${a.id}/approve`)).statusCode).toBe(404);
    expect((await api('v6', 'POST', `/activities/${a.id}/approve`)).statusCode).toBe(404);
    expect((await api('sy', 'GET', `/activities/${a.id}`)).json()).toMatchObject({ status: 'pending_review', version: 2 });
    const approved = await api('sy', 'POST', `/activities/${a.id}/approve`, { note: '同意' });
    expect(approved.json()).toMatchObject({ status: 'recruiting', canReview: true });
    expect(approved.json().history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'approve']);
    // Now public, also signed out; a volunteer may not cancel it (403).
    expect((await api(null, 'GET', `/activities/${a.id}`)).json().status).toBe('recruiting');
    const list = await api(null, 'GET', '/activities?status=recruiting&limit=200');
    expect(list.json().items.some((i: { id: string }) => i.id === a.id)).toBe(true);
    expect((await api('v6', 'POST', `/activities/${a.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    const cancelled = await api('leader', 'POST', `/activities/${a.id}/cancel`, { reason: '天气原因' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '天气原因' });
  });

  it('refuses a volunteer, a resident and a foreign team with nothing created', async () => {
    const before = await count(sql`select count(*)::int as n from activities`);
    expect((await api('v6', 'POST', '/activities', body(new Date('2026-12-20T02:00:00Z'), 60))).statusCode).toBe(403);
    expect((await api('resident', 'POST', '/activities', body(new Date('2026-12-20T02:00:00Z'), 60))).statusCode).toBe(403);
    // 吉祥社区's admin organizing for 布谷响铃 (桑伊) is not allowed.
    expect((await api('jx', 'POST', '/activities', body(new Date('2026-12-20T02:00:00Z'), 60))).statusCode).toBe(403);
    expect(await count(sql`select count(*)::int as n from activities`)).toBe(before);
  });

  it('answers 400 with field errors for bad input, creating nothing', async () => {
    const before = await count(sql`select count(*)::int as n from activities`);
    const start = new Date('2026-12-20T02:00:00Z');
    const { riskNotice: _omit, ...noRisk } = body(start, 60);
    const r1 = await api('leader', 'POST', '/activities', noRisk);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().errors.map((e: { field: string }) => e.field)).toContain('riskNotice');
    const r2 = await api('leader', 'POST', '/activities', { ...body(start, 60), endsAt: at(start, -10).toISOString(), headcount: 0 });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['headcount']));
    const r3 = await api('leader', 'POST', '/activities', { ...body(start, 60), place: { ...PLACE, lat: 200 } });
    expect(r3.statusCode).toBe(400);
    expect(await count(sql`select count(*)::int as n from activities`)).toBe(before);
  });

  it('creates a weekly series, submitted and approved as a whole', async () => {
    const start = new Date('2027-01-05T02:00:00Z');
    const res = await api('sy', 'POST', '/activities', { ...body(start, 60), recurrence: { freq: 'weekly', count: 4 } });
    expect(res.statusCode).toBe(201);
    const first = res.json();
    expect(first.seriesIndex).toBe(0);
    await api('sy', 'POST', `/activities/${first.id}/submit`);
    await api('sy', 'POST', `/activities/${first.id}/approve`);
    const rows = await queryRows<{ starts_at: Date; status: string }>(
      t.db,
      sql`select starts_at, status from activities where series_id = ${first.seriesId} order by series_index`,
    );
    expect(rows.map((r) => r.status)).toEqual(['recruiting', 'recruiting', 'recruiting', 'recruiting']);
    expect(rows.map((r) => new Date(r.starts_at).toISOString())).toEqual(
      [0, 7, 14, 21].map((d) => new Date(start.getTime() + d * 86_400_000).toISOString()),
    );
  });
});

describe('sign-ups', () => {
  it('confirms up to the headcount, waitlists in order, and promotes when a place frees', async () => {
    const id = await recruiting(new Date('2026-12-14T02:00:00Z'), 120, { headcount: 1 });
    expect((await api('v6', 'POST', `/activities/${id}/signups`)).json()).toEqual({ status: 'confirmed' });
    const w = await api('v7', 'POST', `/activities/${id}/signups`);
    expect(w.statusCode).toBe(201);
    expect(w.json()).toEqual({ status: 'waitlisted', position: 1 });
    expect((await api('v7', 'POST', `/activities/${id}/signups`)).statusCode).toBe(409);
    expect((await api('v7', 'GET', `/activities/${id}`)).json().mySignup).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await api('v6', 'DELETE', `/activities/${id}/signups/me`)).statusCode).toBe(204);
    expect((await api('v7', 'GET', `/activities/${id}`)).json().mySignup).toMatchObject({ status: 'confirmed', position: null });
    const roster = (await api('leader', 'GET', `/activities/${id}/roster`)).json();
    expect(roster).toMatchObject({ confirmed: 1, waitlisted: 0 });
    expect(roster.items[0].volunteerId).toBe(me.v7.volunteerId);
    // The promoted volunteer is told.
    expect(await count(sql`select count(*)::int as n from notifications where kind = 'activity.promoted' and ref_id = ${id}`)).toBe(1);
    expect((await api('v6', 'DELETE', `/activities/${id}/signups/me`)).statusCode).toBe(422);
    // Only the organizer sees the roster.
    expect((await api('v6', 'GET', `/activities/${id}/roster`)).statusCode).toBe(403);
  });

  it('refuses an overlapping sign-up with 409 overlapping_signup', async () => {
    const a = await recruiting(new Date('2026-12-15T02:00:00Z'), 120);
    const b = await recruiting(new Date('2026-12-15T03:00:00Z'), 120);
    expect((await api('v6', 'POST', `/activities/${a}/signups`)).statusCode).toBe(201);
    const res = await api('v6', 'POST', `/activities/${b}/signups`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('overlapping_signup');
    expect(await count(sql`select count(*)::int as n from activity_signups where activity_id = ${b}`)).toBe(0);
  });

  it('refuses a minor where minors are not allowed, and admits them where they are', async () => {
    const no = await recruiting(new Date('2026-12-16T02:00:00Z'), 60);
    const yes = await recruiting(new Date('2026-12-17T02:00:00Z'), 60, { minorsAllowed: true, minAge: 14 });
    const [orig] = await queryRows<{ birth_date: string | null; birth_year: number | null }>(
      t.db,
      sql`select birth_date::text, birth_year from persons where id = ${me.v7.personId}`,
    );
    await queryRows(t.db, sql`update persons set birth_date = '2011-03-01', birth_year = 2011 where id = ${me.v7.personId}`);
    try {
      const res = await api('v7', 'POST', `/activities/${no}/signups`);
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('not_eligible');
      expect(await count(sql`select count(*)::int as n from activity_signups where activity_id = ${no}`)).toBe(0);
      expect((await api('v7', 'POST', `/activities/${yes}/signups`)).statusCode).toBe(201);
      await queryRows(t.db, sql`update persons set birth_date = '2014-03-01', birth_year = 2014 where id = ${me.v7.personId}`);
      expect((await api('v7', 'DELETE', `/activities/${yes}/signups/me`)).statusCode).toBe(204);
      expect((await api('v7', 'POST', `/activities/${yes}/signups`)).json().code).toBe('not_eligible');
    } finally {
      await queryRows(
        t.db,
        sql`update persons set birth_date = ${orig!.birth_date}, birth_year = ${orig!.birth_year} where id = ${me.v7.personId}`,
      );
    }
  });

  it('refuses a missing skill and a non-volunteer', async () => {
    const id = await recruiting(new Date('2026-12-18T02:00:00Z'), 60, { skills: ['electrician', 'medical', 'legal'] });
    expect((await api('v6', 'POST', `/activities/${id}/signups`)).json().code).toBe('not_eligible');
    expect((await api('resident', 'POST', `/activities/${id}/signups`)).statusCode).toBe(403);
  });
});

describe('insurance gate (DR-15)', () => {
  it('refuses to start while a confirmed volunteer is uninsured, and starts once covered', async () => {
    const start = new Date('2026-12-19T02:00:00Z');
    const id = await recruiting(start, 120, { needsInsurance: true });
    await api('v6', 'POST', `/activities/${id}/signups`);
    await queryRows(t.db, sql`delete from insurance_records where volunteer_id = ${me.v6.volunteerId}`);
    const res = await api('leader', 'POST', `/activities/${id}/start`, undefined, 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('insurance_missing');
    expect(res.json().detail).toContain('扎西平措');
    expect((await api('leader', 'GET', `/activities/${id}`)).json().status).toBe('recruiting');
    expect((await api('leader', 'GET', `/activities/${id}/roster`)).json().items[0].insured).toBe(false);
    await queryRows(
      t.db,
      sql`insert into insurance_records (id, street_id, volunteer_id, insurer, policy_no, valid_from, valid_to) values ('ins_t1', 'duodi', ${me.v6.volunteerId}, '中国人寿', 'P-1', '2026-12-01', '2027-11-30')`,
    );
    expect((await api('leader', 'POST', `/activities/${id}/start`)).json().status).toBe('in_progress');
  });
});

describe('check-in and check-out (DR-03, DR-05)', () => {
  const start = new Date('2026-12-22T02:00:00Z');
  let id: string;
  beforeAll(async () => {
    setClock(at(start, -120));
    id = await recruiting(start, 120, { headcount: 3, signInMethods: ['qr', 'code', 'gps'], maxCreditableMinutes: 100 });
    await api('v6', 'POST', `/activities/${id}/signups`);
    await api('v7', 'POST', `/activities/${id}/signups`);
  });

  const code = async () =>
    (await api('leader', 'GET', `/activities/${id}/check-in-code`)).json() as { token: string; code: string; expiresAt: string };

  it('shows the code to the organizer only', async () => {
    expect((await api('v6', 'GET', `/activities/${id}/check-in-code`)).statusCode).toBe(403);
    const c = await code();
    expect(c.code).toMatch(/^\d{6}$/);
    expect(new Date(c.expiresAt).getTime() - clock.getTime()).toBeLessThanOrEqual(60_000);
  });

  it('refuses an expired token (a photo a minute later) and a forged one', async () => {
    setClock(at(start, -30));
    const c = await code();
    setClock(at(start, -28.9));
    const late = await api('v6', 'POST', `/activities/${id}/check-in`, { token: c.token });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('token_expired');
    const parts = c.token.split('.');
    const forged = [...parts.slice(0, 2), String(Number(parts[2]) + 2), ...parts.slice(3)].join('.');
    const f = await api('v6', 'POST', `/activities/${id}/check-in`, { token: forged });
    expect(f.json().code).toBe('token_invalid');
    expect((await api('v6', 'POST', `/activities/${id}/check-in`, { code: '000000' === c.code ? '000001' : '000000' })).json().code).toBe(
      'token_expired',
    );
    expect(await count(sql`select count(*)::int as n from activity_signups where activity_id = ${id} and checkin_at is not null`)).toBe(0);
  });

  it('refuses a GPS check-in outside the geofence with the distance', async () => {
    const res = await api('v6', 'POST', `/activities/${id}/check-in`, { lat: PLACE.lat + 0.01, lng: PLACE.lng }, 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('outside_geofence');
    expect(res.json().detail).toContain('1112');
  });

  it('checks in once, refuses the replay, and credits minutes clipped to the window and the maximum', async () => {
    setClock(at(start, -20));
    const c = await code();
    const ok = await api('v6', 'POST', `/activities/${id}/check-in`, { token: c.token, lat: PLACE.lat, lng: PLACE.lng });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await api('v6', 'POST', `/activities/${id}/check-in`, { token: c.token });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_checked_in');
    expect((await api('resident', 'POST', `/activities/${id}/check-in`, { token: c.token })).statusCode).toBe(403);
    expect((await api('v7', 'POST', `/activities/${id}/check-out`, { token: c.token })).json().code).toBe('not_checked_in');
    // Check-out 10 min after the end: the window is 120 min, the maximum 100.
    setClock(at(start, 130));
    const out = await api('v6', 'POST', `/activities/${id}/check-out`, { lat: PLACE.lat, lng: PLACE.lng });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().creditedMinutes).toBe(100);
    const [rec] = await queryRows<Record<string, unknown>>(
      t.db,
      sql`select * from service_records where id = ${out.json().serviceRecordId}`,
    );
    expect(rec).toMatchObject({
      status: 'pending',
      source: 'auto',
      activity_id: id,
      team_id: 'team_bugu',
      community_id: 'com_sy',
      credited_minutes: 100,
      volunteer_id: me.v6.volunteerId,
    });
    expect(rec!.signin_geo).toBe(`${PLACE.lat.toFixed(6)},${PLACE.lng.toFixed(6)}`);
    expect((await api('v6', 'POST', `/activities/${id}/check-out`, { lat: PLACE.lat, lng: PLACE.lng })).json().code).toBe('not_checked_in');
  });

  it('accepts an offline-queued scan made while the token was valid, and refuses a forged or then-expired one', async () => {
    setClock(at(start, 10));
    const c = await code();
    // Back online 40 minutes later.
    setClock(at(start, 50));
    const forged = c.token.slice(0, -3) + (c.token.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await api('v7', 'POST', `/activities/${id}/check-in`, { token: forged, at: at(start, 10.2).toISOString() })).json().code).toBe(
      'token_invalid',
    );
    expect((await api('v7', 'POST', `/activities/${id}/check-in`, { token: c.token, at: at(start, 12).toISOString() })).json().code).toBe(
      'token_expired',
    );
    expect((await api('v7', 'POST', `/activities/${id}/check-in`, { token: c.token, at: at(start, 60).toISOString() })).statusCode).toBe(
      400,
    );
    const ok = await api('v7', 'POST', `/activities/${id}/check-in`, { token: c.token, at: at(start, 10.2).toISOString() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(new Date(ok.json().at).getTime()).toBe(at(start, 10.2).getTime());
  });

  it('closes sessions without check-out at the end, flagged, with a pending record', async () => {
    setClock(at(start, 150));
    expect((await api('leader', 'POST', `/activities/${id}/start`)).statusCode).toBe(200);
    expect((await api('leader', 'POST', `/activities/${id}/end`)).statusCode).toBe(200);
    const roster = (await api('leader', 'GET', `/activities/${id}/roster`)).json();
    const v7 = roster.items.find((i: { volunteerId: string }) => i.volunteerId === me.v7.volunteerId);
    expect(v7).toMatchObject({ autoClosed: true, flagged: true, creditedMinutes: 100 });
    const [rec] = await queryRows<{ credited_minutes: number; reason: string }>(
      t.db,
      sql`select credited_minutes, reason from service_records where id = ${v7.serviceRecordId}`,
    );
    expect(rec).toEqual({ credited_minutes: 100, reason: 'auto_closed_no_checkout' });
  });

  it('refuses check-in by a volunteer who did not sign up', async () => {
    const other = await recruiting(new Date('2026-12-23T02:00:00Z'), 60);
    setClock(new Date('2026-12-23T01:50:00Z'));
    const codeRes = await api('leader', 'GET', `/activities/${other}/check-in-code`);
    expect(codeRes.statusCode, codeRes.body).toBe(200);
    const res = await api('v6', 'POST', `/activities/${other}/check-in`, { code: codeRes.json().code });
    expect(res.json().code).toBe('not_signed_up');
  });
});

describe('demo data and jobs', () => {
  it('lets the organizer open check-in on the live demo activity and …06 check in and out (the e2e path)', async () => {
    setClock(REFERENCE_DATE);
    const detail = (await api('v6', 'GET', `/activities/${DEMO_ACTIVITY_IDS.live}`)).json();
    expect(detail).toMatchObject({ status: 'in_progress', teamId: 'team_bugu', mySignup: { status: 'confirmed', checkedInAt: null } });
    expect(detail.titleBo).not.toMatch(/[\u4e00-\u9fff]/);
    const c = await api('leader', 'GET', `/activities/${DEMO_ACTIVITY_IDS.live}/check-in-code`);
    expect(c.statusCode, c.body).toBe(200);
    expect((await api('v6', 'POST', `/activities/${DEMO_ACTIVITY_IDS.live}/check-in`, { token: c.json().token })).statusCode).toBe(200);
    setClock(at(REFERENCE_DATE, 90));
    const c2 = (await api('leader', 'GET', `/activities/${DEMO_ACTIVITY_IDS.live}/check-in-code`)).json();
    const out = await api('v6', 'POST', `/activities/${DEMO_ACTIVITY_IDS.live}/check-out`, { code: c2.code });
    expect(out.json()).toMatchObject({ creditedMinutes: 90, serviceRecordId: expect.stringMatching(/^sr_/) });
    const records = (await api('v6', 'GET', `/volunteers/${me.v6.volunteerId}/service-records?limit=200`)).json();
    if (Array.isArray(records.items)) expect(records.items.map((r: { id: string }) => r.id)).toContain(out.json().serviceRecordId);
    const full = (await api('v7', 'GET', `/activities/${DEMO_ACTIVITY_IDS.upcomingFull}`)).json();
    expect(full).toMatchObject({ status: 'recruiting', headcount: 2, signedUp: 2, waitlisted: 2 });
    const pending = await api('sy', 'GET', '/activities?status=pending_review&limit=200');
    expect(pending.json().items.map((i: { id: string }) => i.id)).toContain(DEMO_ACTIVITY_IDS.pending);
    const mine = (await api('v7', 'GET', '/activities?mine=true&limit=200')).json().items.map((i: { id: string }) => i.id);
    expect(mine).toEqual(expect.arrayContaining([DEMO_ACTIVITY_IDS.live, DEMO_ACTIVITY_IDS.upcomingFull, DEMO_ACTIVITY_IDS.past]));
  });

  it('reminds confirmed volunteers once within 24 h of the start', async () => {
    const start = new Date('2026-12-23T08:00:00Z');
    setClock(at(start, -48 * 60));
    const id = await recruiting(start, 60);
    await api('v6', 'POST', `/activities/${id}/signups`);
    expect(await sendActivityReminders(t.deps, at(start, -30 * 60))).toBeGreaterThanOrEqual(0);
    expect(await count(sql`select count(*)::int as n from notifications where kind = 'activity.reminder' and ref_id = ${id}`)).toBe(0);
    await sendActivityReminders(t.deps, at(start, -20 * 60));
    await sendActivityReminders(t.deps, at(start, -10 * 60));
    expect(await count(sql`select count(*)::int as n from notifications where kind = 'activity.reminder' and ref_id = ${id}`)).toBe(1);
  });

  it('ends activities left in progress and closes their open sessions', async () => {
    const start = new Date('2026-12-21T02:00:00Z');
    setClock(at(start, -30));
    const id = await recruiting(start, 60, { headcount: 3 });
    await api('v7', 'POST', `/activities/${id}/signups`);
    const c = (await api('leader', 'GET', `/activities/${id}/check-in-code`)).json();
    expect((await api('v7', 'POST', `/activities/${id}/check-in`, { code: c.code })).statusCode).toBe(200);
    expect((await api('leader', 'POST', `/activities/${id}/start`)).statusCode).toBe(200);
    await endOverdueActivities(t.deps, at(start, 90));
    expect((await api('leader', 'GET', `/activities/${id}`)).json().status).toBe('in_progress');
    expect(await endOverdueActivities(t.deps, at(start, 121))).toBeGreaterThanOrEqual(1);
    const a = (await api('leader', 'GET', `/activities/${id}`)).json();
    expect(a.status).toBe('ended');
    expect(a.history.at(-1)).toMatchObject({ action: 'end', note: 'auto' });
    const roster = (await api('leader', 'GET', `/activities/${id}/roster`)).json();
    expect(roster.items[0]).toMatchObject({ autoClosed: true, flagged: true, creditedMinutes: 60 });
  });

  it('gives the last place to exactly one of two volunteers signing up at once', async () => {
    setClock(new Date('2026-12-20T00:00:00Z'));
    const id = await recruiting(new Date('2026-12-20T06:00:00Z'), 60, { headcount: 1 });
    const [a, b] = await Promise.all([api('v6', 'POST', `/activities/${id}/signups`), api('v7', 'POST', `/activities/${id}/signups`)]);
    expect([a.json().status, b.json().status].sort()).toEqual(['confirmed', 'waitlisted']);
    expect(await count(sql`select count(*)::int as n from activity_signups where activity_id = ${id} and status = 'confirmed'`)).toBe(1);
  });
});

describe('review, no-show and archive', () => {
  it('sends back with a reason, marks a no-show (organizer only), and archives after the end', async () => {
    const start = new Date('2026-12-22T09:00:00Z');
    setClock(at(start, -24 * 60));
    const created = (await api('leader', 'POST', '/activities', body(start, 60))).json();
    await api('leader', 'POST', `/activities/${created.id}/submit`);
    expect((await api('sy', 'POST', `/activities/${created.id}/reject`, {})).statusCode).toBe(400);
    const rejected = (await api('sy', 'POST', `/activities/${created.id}/reject`, { reason: '地点需更换' })).json();
    expect(rejected).toMatchObject({ status: 'draft', rejectReason: '地点需更换' });
    await api('leader', 'POST', `/activities/${created.id}/submit`);
    expect((await api('street', 'POST', `/activities/${created.id}/approve`)).json()).toMatchObject({
      status: 'recruiting',
      rejectReason: null,
    });
    await api('v6', 'POST', `/activities/${created.id}/signups`);
    await api('v7', 'POST', `/activities/${created.id}/signups`);
    setClock(at(start, 5));
    await api('leader', 'POST', `/activities/${created.id}/start`);
    const c = (await api('leader', 'GET', `/activities/${created.id}/check-in-code`)).json();
    await api('v7', 'POST', `/activities/${created.id}/check-in`, { code: c.code });
    expect((await api('v7', 'DELETE', `/activities/${created.id}/signups/me`)).json().code).toBe('already_checked_in');
    expect((await api('v7', 'POST', `/activities/${created.id}/signups/${me.v6.volunteerId}/no-show`)).statusCode).toBe(403);
    expect((await api('jx', 'POST', `/activities/${created.id}/signups/${me.v6.volunteerId}/no-show`)).statusCode).toBe(403);
    expect((await api('v7', 'GET', `/activities/${created.id}`)).json().status).toBe('in_progress');
    expect((await api('leader', 'POST', `/activities/${created.id}/signups/${me.v7.volunteerId}/no-show`)).json().code).toBe(
      'already_checked_in',
    );
    expect((await api('leader', 'POST', `/activities/${created.id}/signups/${me.v6.volunteerId}/no-show`)).statusCode).toBe(204);
    expect((await api('v6', 'GET', `/activities/${created.id}`)).json().mySignup.status).toBe('no_show');
    expect((await api('leader', 'POST', `/activities/${created.id}/archive`)).json().code).toBe('invalid_transition');
    await api('leader', 'POST', `/activities/${created.id}/end`);
    expect((await api('sy', 'POST', `/activities/${created.id}/archive`)).json().status).toBe('archived');
  });
});
