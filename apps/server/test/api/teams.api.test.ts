import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const volunteerIdOf: Record<string, string> = {};
const BUGU = 'team_bugu';
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG_HEADER = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

beforeAll(async () => {
  t = await createTestApp();
  for (const phone of ['13900000001', '13900000002', '13900000003', '13900000005', '13900000006', '13900000007', '13900000008', '13900000009']) {
    tokens[phone] = await t.login(phone);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(tokens[phone]!) })).json() as { volunteerId: string | null };
    if (me.volunteerId) volunteerIdOf[phone] = me.volunteerId;
  }
});
afterAll(() => t?.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, phone?: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url,
    headers: { ...(phone ? bearer(tokens[phone]!) : {}), ...headers },
    ...(payload !== undefined ? { payload: payload as string } : {}),
  });
const count = async (query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(t.db, query))[0]!.n;
const teamRow = async (id: string) =>
  (await queryRows<{ name: string; slogan: string | null; community_id: string | null; leader_person_id: string | null; logo_path: string | null }>(
    t.db,
    sql`SELECT name, slogan, community_id, leader_person_id, logo_path FROM teams WHERE id = ${id}`,
  ))[0];
const memberRole = async (teamId: string, volunteerId: string) =>
  (await queryRows<{ role: string }>(t.db, sql`SELECT role FROM team_members WHERE team_id = ${teamId} AND volunteer_id = ${volunteerId}`))[0]?.role;
const teamIdsOf = async (phone: string) => ((await call('GET', '/api/v1/me', phone)).json() as { teamIds: string[] }).teamIds;

function multipart(bytes: Buffer, type: string, filename = 'logo.png') {
  const boundary = `----duodi${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('POST /api/v1/teams', () => {
  const body = (name: string, communityId: string | null) => ({ name, communityId, domains: ['elderly_care', 'neighbourhood'], slogan: '邻里守望' });

  it('lets a street admin create a street-level team and a community admin one in their community', async () => {
    const street = await call('POST', '/api/v1/teams', '13900000001', { ...body('夺底青年志愿服务队', null), nameBo: 'རྡོ་སྟོད་གཞོན་ནུའི་དང་བླངས་རུ་ཁག' });
    expect(street.statusCode).toBe(201);
    expect(street.json()).toMatchObject({ name: '夺底青年志愿服务队', communityId: null, domains: ['elderly_care', 'neighbourhood'], memberCount: 0, logoUrl: null });
    const sangyi = await call('POST', '/api/v1/teams', '13900000002', body('桑伊邻里互助队', 'com_sy'));
    expect(sangyi.statusCode).toBe(201);
    expect(sangyi.json()).toMatchObject({ communityId: 'com_sy', communityName: '桑伊社区' });
    expect((await call('GET', `/api/v1/teams/${(sangyi.json() as { id: string }).id}`)).statusCode).toBe(200);
  });

  it('refuses a 吉祥社区 admin a team in 桑伊社区, a volunteer any team, and an anonymous caller; nothing is created', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM teams`);
    const other = await call('POST', '/api/v1/teams', '13900000003', body('越界的队伍', 'com_sy'));
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'forbidden' });
    expect((await call('POST', '/api/v1/teams', '13900000003', body('街道级队伍', null))).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/teams', '13900000006', body('志愿者自建队', 'com_sy'))).statusCode).toBe(403);
    expect((await call('POST', '/api/v1/teams', undefined, body('匿名队', 'com_sy'))).statusCode).toBe(401);
    expect(await count(sql`SELECT count(*)::int AS n FROM teams`)).toBe(before);
  });

  it('answers bad input with 400 and a taken name with 409, creating nothing', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM teams`);
    for (const bad of [
      { ...body('带\u0007控制符', null) },
      { ...body('空领域', null), domains: [] },
      { ...body('重复领域', null), domains: ['patrol', 'patrol'] },
      { ...body('未知字段', null), leaderId: 'x' },
      { ...body('x'.repeat(61), null) },
      { ...body('坏社区', 'com_sy; DROP TABLE teams') },
    ]) {
      const res = await call('POST', '/api/v1/teams', '13900000001', bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    const unknown = await call('POST', '/api/v1/teams', '13900000001', body('不存在的社区', 'com_nowhere'));
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as { errors: { field: string }[] }).errors[0]!.field).toBe('communityId');
    const taken = await call('POST', '/api/v1/teams', '13900000001', body('"布谷响铃"志愿服务队', 'com_sy'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'duplicate_team_name' });
    expect(await count(sql`SELECT count(*)::int AS n FROM teams`)).toBe(before);
  });
});

describe('PATCH /api/v1/teams/{id}', () => {
  it('lets the leader edit the brand page', async () => {
    const res = await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000005', { slogan: '布谷鸟叫，我们就到', storyBo: 'རུ་ཁག་གི་ལོ་རྒྱུས།\nགསར་པ།' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slogan: '布谷鸟叫，我们就到', storyBo: 'རུ་ཁག་གི་ལོ་རྒྱུས།\nགསར་པ།' });
    expect((await teamRow(BUGU))!.slogan).toBe('布谷鸟叫，我们就到');
  });

  it('refuses a 吉祥社区 admin and a plain member, and keeps the team as it was', async () => {
    const before = await teamRow(BUGU);
    const other = await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000003', { slogan: '被改了' });
    expect(other.statusCode).toBe(403);
    const member = await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000006', { slogan: '被改了' });
    expect(member.statusCode).toBe(403);
    expect(await teamRow(BUGU)).toEqual(before);
    expect((await call('PATCH', '/api/v1/teams/team_nowhere', '13900000001', { slogan: 'x' })).statusCode).toBe(404);
  });

  it('keeps moving a team between communities for street admins', async () => {
    const before = await teamRow(BUGU);
    expect((await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000005', { communityId: 'com_jx' })).statusCode).toBe(403);
    expect((await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000002', { communityId: null })).statusCode).toBe(403);
    expect(await teamRow(BUGU)).toEqual(before);
    const moved = await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000001', { communityId: 'com_jx' });
    expect(moved.json()).toMatchObject({ communityId: 'com_jx' });
    expect((await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000001', { communityId: 'com_sy' })).json()).toMatchObject({ communityId: 'com_sy' });
  });

  it('refuses an empty or unknown patch with 400', async () => {
    expect((await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000001', {})).statusCode).toBe(400);
    expect((await call('PATCH', `/api/v1/teams/${BUGU}`, '13900000001', { leaderPersonId: 'per_1' })).statusCode).toBe(400);
  });
});

describe('applications', () => {
  let applicationId: string;

  it('lets a volunteer apply (201) once; a second application is 409 and a resident who is no volunteer is 403', async () => {
    const res = await call('POST', `/api/v1/teams/${BUGU}/applications`, '13900000009', { message: '我在吉祥社区，也想参加入户走访。' });
    expect(res.statusCode).toBe(201);
    const app = res.json() as { id: string; status: string; volunteerId: string; teamName: string };
    expect(app).toMatchObject({ status: 'pending', volunteerId: volunteerIdOf['13900000009'] });
    applicationId = app.id;
    const again = await call('POST', `/api/v1/teams/${BUGU}/applications`, '13900000009', {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'team_request_pending' });
    expect((await call('POST', `/api/v1/teams/${BUGU}/applications`, '13900000008')).statusCode).toBe(403);
    const member = await call('POST', `/api/v1/teams/${BUGU}/applications`, '13900000006');
    expect(member.statusCode).toBe(409);
    expect(member.json()).toMatchObject({ code: 'already_team_member' });
    const mine = (await call('GET', '/api/v1/me/team-applications', '13900000009')).json() as { items: { id: string }[] };
    expect(mine.items.map((a) => a.id)).toContain(applicationId);
  });

  it('shows the leader the pending applications (the demo ones and the new one); a plain member gets 403', async () => {
    const res = await call('GET', `/api/v1/teams/${BUGU}/applications?status=pending`, '13900000005');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { id: string; status: string }[] }).items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.every((a) => a.status === 'pending')).toBe(true);
    expect(items.map((a) => a.id)).toContain(applicationId);
    expect((await call('GET', `/api/v1/teams/${BUGU}/applications`, '13900000006')).statusCode).toBe(403);
    const page = (await call('GET', `/api/v1/teams/${BUGU}/applications?limit=2`, '13900000005')).json() as { items: unknown[]; nextCursor: string };
    expect(page.items).toHaveLength(2);
    const next = (await call('GET', `/api/v1/teams/${BUGU}/applications?limit=2&cursor=${page.nextCursor}`, '13900000005')).json() as { items: { id: string }[] };
    expect(next.items).toHaveLength(2);
  });

  it('refuses a 吉祥社区 admin (404: not in scope) and a plain member, and leaves the application pending', async () => {
    expect((await call('POST', `/api/v1/team-applications/${applicationId}/approve`, '13900000003', {})).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/team-applications/${applicationId}/approve`, '13900000006', {})).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/team-applications/${applicationId}/approve`, '13900000009', {})).statusCode).toBe(403);
    const status = await queryRows<{ status: string }>(t.db, sql`SELECT status FROM team_applications WHERE id = ${applicationId}`);
    expect(status[0]!.status).toBe('pending');
    expect(await memberRole(BUGU, volunteerIdOf['13900000009']!)).toBeUndefined();
  });

  it('approves: the volunteer becomes a member and sees the team in /me; approving again is 409', async () => {
    const res = await call('POST', `/api/v1/team-applications/${applicationId}/approve`, '13900000005', {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved' });
    expect(await memberRole(BUGU, volunteerIdOf['13900000009']!)).toBe('member');
    expect(await teamIdsOf('13900000009')).toContain(BUGU);
    const again = await call('POST', `/api/v1/team-applications/${applicationId}/approve`, '13900000005', {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });
    expect((await call('POST', `/api/v1/team-applications/${applicationId}/reject`, '13900000005', { reason: '晚了' })).statusCode).toBe(409);
  });

  it('lets exactly one of two simultaneous approvals win; the other gets 409', async () => {
    const pending = (await call('GET', `/api/v1/teams/${BUGU}/applications?status=pending`, '13900000005')).json() as { items: { id: string; volunteerId: string }[] };
    const target = pending.items.at(-1)!;
    const results = await Promise.all([
      call('POST', `/api/v1/team-applications/${target.id}/approve`, '13900000005'),
      call('POST', `/api/v1/team-applications/${target.id}/approve`, '13900000002'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await memberRole(BUGU, target.volunteerId)).toBe('member');
  });

  it('needs a reason to reject', async () => {
    const pending = (await call('GET', `/api/v1/teams/${BUGU}/applications?status=pending`, '13900000005')).json() as { items: { id: string }[] };
    const id = pending.items[0]!.id;
    expect((await call('POST', `/api/v1/team-applications/${id}/reject`, '13900000005', {})).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/team-applications/${id}/reject`, '13900000005', { reason: '   ' })).statusCode).toBe(400);
    expect((await queryRows<{ status: string }>(t.db, sql`SELECT status FROM team_applications WHERE id = ${id}`))[0]!.status).toBe('pending');
    const res = await call('POST', `/api/v1/team-applications/${id}/reject`, '13900000002', { reason: '本期名额已满' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', reason: '本期名额已满' });
  });
});

describe('members, leaving and invitations', () => {
  it('masks the names of members outside the caller’s community; the leader and staff in scope see them all', async () => {
    const asJixiang = (await call('GET', `/api/v1/teams/${BUGU}/members?limit=200`, '13900000009')).json() as {
      items: { volunteerId: string; name: string; communityId: string; role: string }[];
    };
    expect(asJixiang.items[0]!.role).toBe('leader');
    const sangyiMember = asJixiang.items.find((m) => m.communityId === 'com_sy')!;
    expect(sangyiMember.name).toMatch(/\*/);
    expect(asJixiang.items.find((m) => m.volunteerId === volunteerIdOf['13900000009'])!.name).not.toMatch(/\*/);
    for (const phone of ['13900000005', '13900000002', '13900000001']) {
      const items = ((await call('GET', `/api/v1/teams/${BUGU}/members?limit=200`, phone)).json() as { items: { name: string }[] }).items;
      expect(items.some((m) => m.name.includes('*')), phone).toBe(false);
    }
    expect((await call('GET', `/api/v1/teams/${BUGU}/members`)).statusCode).toBe(401);
    const first = (await call('GET', `/api/v1/teams/${BUGU}/members?limit=3`, '13900000006')).json() as { items: { volunteerId: string }[]; nextCursor: string };
    const second = (await call('GET', `/api/v1/teams/${BUGU}/members?limit=3&cursor=${first.nextCursor}`, '13900000006')).json() as { items: { volunteerId: string }[] };
    expect(second.items.map((m) => m.volunteerId)).not.toContain(first.items[0]!.volunteerId);
  });

  it('does not let the leader leave before handing over (409), and lets a member leave', async () => {
    const leader = await call('DELETE', `/api/v1/teams/${BUGU}/members/me`, '13900000005');
    expect(leader.statusCode).toBe(409);
    expect(leader.json()).toMatchObject({ code: 'leader_must_hand_over' });
    const inTibetan = await call('DELETE', `/api/v1/teams/${BUGU}/members/me`, '13900000005', undefined, { 'accept-language': 'bo' });
    expect((inTibetan.json() as { title: string }).title).toMatch(/[\u0F00-\u0FFF]/);
    expect(await memberRole(BUGU, volunteerIdOf['13900000005']!)).toBe('leader');
    expect((await call('DELETE', `/api/v1/teams/${BUGU}/members/me`, '13900000009')).statusCode).toBe(204);
    expect(await memberRole(BUGU, volunteerIdOf['13900000009']!)).toBeUndefined();
    expect((await call('DELETE', `/api/v1/teams/${BUGU}/members/me`, '13900000009')).statusCode).toBe(404);
  });

  it('invites a volunteer, who accepts once; nobody else can answer the invitation', async () => {
    const res = await call('POST', `/api/v1/teams/${BUGU}/invitations`, '13900000005', { volunteerId: volunteerIdOf['13900000009'], message: '欢迎回来' });
    expect(res.statusCode).toBe(201);
    const id = (res.json() as { id: string }).id;
    expect((await call('POST', `/api/v1/teams/${BUGU}/invitations`, '13900000005', { volunteerId: volunteerIdOf['13900000009'] })).statusCode).toBe(409);
    expect((await call('POST', `/api/v1/teams/${BUGU}/invitations`, '13900000005', { volunteerId: volunteerIdOf['13900000006'] })).json()).toMatchObject({ code: 'already_team_member' });
    expect((await call('POST', `/api/v1/teams/${BUGU}/invitations`, '13900000006', { volunteerId: volunteerIdOf['13900000009'] })).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/teams/${BUGU}/invitations`, '13900000005', { volunteerId: 'vol_nobody' })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/team-invitations/${id}/accept`, '13900000007', {})).statusCode).toBe(404);
    expect((await call('POST', `/api/v1/team-invitations/${id}/accept`, '13900000005', {})).statusCode).toBe(403);
    const mine = (await call('GET', '/api/v1/me/team-invitations?status=pending', '13900000009')).json() as { items: { id: string }[] };
    expect(mine.items.map((i) => i.id)).toEqual([id]);
    const accepted = await call('POST', `/api/v1/team-invitations/${id}/accept`, '13900000009', {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect(await memberRole(BUGU, volunteerIdOf['13900000009']!)).toBe('member');
    expect((await call('POST', `/api/v1/team-invitations/${id}/decline`, '13900000009', {})).statusCode).toBe(409);
  });
});

describe('leader and deputies (audited)', () => {
  let teamId: string;

  it('creates a team with its first leader, granting team_leader (audited)', async () => {
    const res = await call('POST', '/api/v1/teams', '13900000002', {
      name: '桑伊夜间巡逻队',
      communityId: 'com_sy',
      domains: ['patrol'],
      leaderVolunteerId: volunteerIdOf['13900000007'],
    });
    expect(res.statusCode).toBe(201);
    teamId = (res.json() as { id: string }).id;
    expect(res.json()).toMatchObject({ leaderId: volunteerIdOf['13900000007'], memberCount: 1 });
    const me = (await call('GET', '/api/v1/me', '13900000007')).json() as { roles: string[]; teamIds: string[] };
    expect(me.roles).toContain('team_leader');
    expect(me.teamIds).toContain(teamId);
    const grants = await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'role.grant' AND entity_id = 'acc_demo_07' AND new_value->>'scopeId' = ${teamId}`);
    expect(grants).toBe(1);
  });

  it('refuses a non-member as leader (422) and a plain member as appointer (403), changing nothing', async () => {
    const before = await teamRow(teamId);
    const res = await call('PUT', `/api/v1/teams/${teamId}/leader`, '13900000002', { volunteerId: volunteerIdOf['13900000006'] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'not_team_member' });
    expect((await call('PUT', `/api/v1/teams/${teamId}/leader`, '13900000003', { volunteerId: volunteerIdOf['13900000007'] })).statusCode).toBe(403);
    expect(await teamRow(teamId)).toEqual(before);
  });

  it('hands the team over: roles move, the old leader becomes a member, and both changes are audited', async () => {
    const invite = (await call('POST', `/api/v1/teams/${teamId}/invitations`, '13900000007', { volunteerId: volunteerIdOf['13900000006'] })).json() as { id: string };
    expect((await call('POST', `/api/v1/team-invitations/${invite.id}/accept`, '13900000006', {})).statusCode).toBe(200);
    const deputy = await call('POST', `/api/v1/teams/${teamId}/deputies`, '13900000007', { volunteerId: volunteerIdOf['13900000006'] });
    expect(deputy.statusCode).toBe(200);
    expect(deputy.json()).toMatchObject({ role: 'deputy' });
    const handOver = await call('PUT', `/api/v1/teams/${teamId}/leader`, '13900000007', { volunteerId: volunteerIdOf['13900000006'] });
    expect(handOver.statusCode).toBe(200);
    expect(handOver.json()).toMatchObject({ leaderId: volunteerIdOf['13900000006'] });
    expect(await memberRole(teamId, volunteerIdOf['13900000006']!)).toBe('leader');
    expect(await memberRole(teamId, volunteerIdOf['13900000007']!)).toBe('member');
    expect(((await call('GET', '/api/v1/me', '13900000006')).json() as { roles: string[] }).roles).toContain('team_leader');
    const actions = await queryRows<{ action: string; entity_id: string }>(
      t.db,
      sql`SELECT action, entity_id FROM audit_log WHERE entity_id IN (${teamId}, 'acc_demo_06', 'acc_demo_07') ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['team.deputy.add', 'role.revoke', 'role.grant', 'team.leader.change']));
    expect(actions.find((a) => a.action === 'role.revoke')!.entity_id).toBe('acc_demo_07');
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
    expect((await call('DELETE', `/api/v1/teams/${teamId}/members/me`, '13900000006')).statusCode).toBe(409);
  });

  it('ends a deputy appointment (audited) and answers 404 for someone who is not a deputy', async () => {
    expect((await call('POST', `/api/v1/teams/${teamId}/deputies`, '13900000006', { volunteerId: volunteerIdOf['13900000007'] })).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/teams/${teamId}/deputies/${volunteerIdOf['13900000007']}`, '13900000007')).statusCode).toBe(403);
    expect((await call('DELETE', `/api/v1/teams/${teamId}/deputies/${volunteerIdOf['13900000007']}`, '13900000006')).statusCode).toBe(204);
    expect(await memberRole(teamId, volunteerIdOf['13900000007']!)).toBe('member');
    expect((await call('DELETE', `/api/v1/teams/${teamId}/deputies/${volunteerIdOf['13900000007']}`, '13900000006')).statusCode).toBe(404);
  });
});

describe('logo', () => {
  it('stores a good PNG and serves it back, public and cacheable', async () => {
    const upload = multipart(PNG_1X1, 'image/png');
    const res = await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000005', upload.payload, upload.headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ logoUrl: `/api/v1/teams/${BUGU}/logo`, contentType: 'image/png', byteSize: PNG_1X1.length });
    const served = await call('GET', `/api/v1/teams/${BUGU}/logo`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toContain('public');
    expect(served.rawPayload.equals(PNG_1X1)).toBe(true);
    const etag = served.headers.etag as string;
    expect((await call('GET', `/api/v1/teams/${BUGU}/logo`, undefined, undefined, { 'if-none-match': etag })).statusCode).toBe(304);
    expect(((await call('GET', `/api/v1/teams/${BUGU}`)).json() as { logoUrl: string }).logoUrl).toBe(`/api/v1/teams/${BUGU}/logo`);
  });

  it('refuses a file over 512 KB with 413 and keeps the old logo', async () => {
    const before = await teamRow(BUGU);
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(600 * 1024)]);
    const upload = multipart(big, 'image/png');
    const res = await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000005', upload.payload, upload.headers);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
    const raw = await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000005', big, { 'content-type': 'image/png' });
    expect(raw.statusCode).toBe(413);
    expect(await teamRow(BUGU)).toEqual(before);
    expect((await call('GET', `/api/v1/teams/${BUGU}/logo`)).rawPayload.equals(PNG_1X1)).toBe(true);
  });

  it('refuses content whose magic bytes are not PNG, JPEG or WebP (415), whatever its content type says', async () => {
    const before = await teamRow(BUGU);
    const html = multipart(Buffer.from('<html><script>alert(1)</script></html>'), 'image/png', 'logo.png');
    const res = await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000005', html.payload, html.headers);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_image_type' });
    expect((await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000005', PNG_1X1, { 'content-type': 'image/jpeg' })).statusCode).toBe(415);
    expect((await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000005', { image: 'x' })).statusCode).toBe(415);
    expect((await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000005', 'GIF89a', { 'content-type': 'image/gif' })).statusCode).toBe(415);
    expect(await teamRow(BUGU)).toEqual(before);
  });

  it('takes a raw JPEG body, and refuses uploads by a plain member (403)', async () => {
    const res = await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000002', JPEG_HEADER, { 'content-type': 'image/jpeg' });
    expect(res.statusCode).toBe(200);
    expect((await call('GET', `/api/v1/teams/${BUGU}/logo`)).headers['content-type']).toBe('image/jpeg');
    const before = await teamRow(BUGU);
    const upload = multipart(PNG_1X1, 'image/png');
    expect((await call('PUT', `/api/v1/teams/${BUGU}/logo`, '13900000006', upload.payload, upload.headers)).statusCode).toBe(403);
    expect(await teamRow(BUGU)).toEqual(before);
    expect((await call('GET', '/api/v1/teams/team_yinfa/logo')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/teams/{id}/roster', () => {
  it('exports CSV with localized headers and masked phones only', async () => {
    const res = await call('GET', `/api/v1/teams/${BUGU}/roster?format=csv`, '13900000005', undefined, { 'accept-language': 'zh-CN' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = res.body.replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('志愿者编号');
    expect(lines.length).toBeGreaterThan(10);
    expect(text).toMatch(/1\d\d\*\*\*\*\d{4}/);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).toContain('队长');
  });

  it('exports an xlsx workbook, and refuses a plain member (403)', async () => {
    const res = await call('GET', `/api/v1/teams/${BUGU}/roster?format=xlsx`, '13900000001', undefined, { 'accept-language': 'bo' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await call('GET', `/api/v1/teams/${BUGU}/roster`, '13900000006')).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/teams/${BUGU}/roster?format=pdf`, '13900000005')).statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the team routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const path of ['/api/v1/teams/{id}/logo', '/api/v1/team-applications/{id}/approve', '/api/v1/teams/{id}/members/me', '/api/v1/me/team-invitations']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
