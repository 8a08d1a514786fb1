import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { genderFromResidentId, residentIdCheckChar, residentIdProblem } from '@duodi/contracts';
import { queryRows } from '../../src/platform/db/client.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { bearer, createTestApp, type TestApp } from '../test-app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const demoVolunteerId: Record<string, string> = {};

/** A valid resident ID outside the demo data's region (540102), so it never collides with a demo person. */
let idSerial = 100;
function residentId(birth: string): string {
  idSerial++;
  const first17 = `540121${birth.replace(/-/g, '')}${String(idSerial).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
/** A birth date that makes someone `years` old today (and 30 days past that birthday). */
function birthDateForAge(years: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(d.getUTCDate() - 30);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}
let phoneSerial = 0;
const newPhone = () => `1370000${String(++phoneSerial).padStart(4, '0')}`;

const FULL_ID = /\b\d{17}[\dX]\b/;
const FULL_PHONE = /\b1[3-9]\d{9}\b/;

function registration(overrides: Record<string, unknown> = {}) {
  return {
    name: '次旦卓嘎',
    nameBo: 'ཚེ་བརྟན་སྒྲོལ་དཀར།',
    idType: 'resident_id',
    idNumber: residentId('1990-03-15'),
    phone: newPhone(),
    gridId: 'grid_sy_02',
    skills: ['companionship', 'translation'],
    languages: ['bo', 'zh'],
    availability: [
      { weekday: 6, from: '09:00', to: '12:00' },
      { weekday: 3, from: '19:00', to: '21:00' },
    ],
    consents: [
      { kind: 'privacy_policy', version: '2024.1' },
      { kind: 'sensitive_data', version: '2024.1' },
    ],
    ...overrides,
  };
}

const count = async (table: string, where = 'true') =>
  (await queryRows<{ n: number }>(t.db, sql.raw(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`)))[0]!.n;
const snapshot = async () => ({
  persons: await count('persons'),
  volunteers: await count('volunteers'),
  consents: await count('consents'),
  guardians: await count('volunteer_guardians'),
  availability: await count('volunteer_availability'),
  accounts: await count('accounts'),
  audit: await count('audit_log'),
});
const accessLogRows = () => queryRows<{ actor_account_id: string; person_id: string; field: string }>(t.db, sql`SELECT actor_account_id, person_id, field FROM access_log ORDER BY id`);

const as = (phone: string) => bearer(tokens[phone]!);
const post = (url: string, phone: string | null, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...(phone ? as(phone) : {}), ...headers } });
const get = (url: string, phone: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { ...as(phone), ...headers } });
const patch = (url: string, phone: string, payload: unknown) => t.app.inject({ method: 'PATCH', url, payload: payload as object, headers: as(phone) });

beforeAll(async () => {
  t = await createTestApp();
  for (const n of ['01', '02', '03', '04', '05', '06', '07', '08', '09']) tokens[`139000000${n}`] = await t.login(`139000000${n}`);
  for (const phone of ['13900000005', '13900000006', '13900000007', '13900000009']) {
    demoVolunteerId[phone] = ((await get('/api/v1/me', phone)).json() as { volunteerId: string }).volunteerId;
  }
});
afterAll(() => t?.close());

describe('demo data (profiles)', () => {
  it('gives every demo volunteer availability and consents, minors a guardian, and some current and expired insurance', async () => {
    expect(await count('volunteers')).toBe(1345);
    expect(await count('volunteers v', 'NOT EXISTS (SELECT 1 FROM volunteer_availability a WHERE a.volunteer_id = v.id)')).toBe(0);
    expect(await count('volunteers v', "NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = v.person_id AND c.kind = 'privacy_policy')")).toBe(0);
    expect(await count('volunteer_guardians')).toBeGreaterThan(0);
    expect(
      await count(
        'volunteers v JOIN persons p ON p.id = v.person_id',
        "p.birth_date + interval '18 years' > (v.registered_at AT TIME ZONE 'Asia/Shanghai')::date AND NOT EXISTS (SELECT 1 FROM volunteer_guardians g WHERE g.volunteer_id = v.id)",
      ),
    ).toBe(0);
    expect(await count('insurance_records', 'valid_to >= current_date AND valid_from <= current_date')).toBeGreaterThan(20);
    expect(await count('insurance_records', 'valid_to < current_date')).toBeGreaterThan(20);
    expect(await count('persons', 'birth_date IS NULL AND id_number_hash IS NOT NULL')).toBe(0);
  });
});

describe('self-registration: POST /auth/register, then POST /volunteers', () => {
  let token: string;
  let volunteerId: string;
  const phone = newPhone();
  const idNumber = residentId('1990-03-15');

  it('creates an account with no roles, signs it in (token and cookie) and refuses the same phone again (409)', async () => {
    const res = await post('/api/v1/auth/register', null, { phone, password: 'a-long-password', name: '格桑' });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { token: string; user: { id: string; name: string; roles: string[] } };
    expect(body.user).toMatchObject({ name: '格桑', roles: [] });
    expect(String(res.headers['set-cookie'])).toMatch(/sid=/);
    token = body.token;
    const again = await post('/api/v1/auth/register', null, { phone, password: 'another-password', name: '格桑' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
    expect(await count('accounts', `id = '${body.user.id}'`)).toBe(1);
  });

  it('refuses a short password and a malformed phone (400) and creates nothing', async () => {
    const before = await snapshot();
    expect((await post('/api/v1/auth/register', null, { phone: newPhone(), password: 'short', name: 'x' })).statusCode).toBe(400);
    expect((await post('/api/v1/auth/register', null, { phone: '12345', password: 'a-long-password', name: 'x' })).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('registers the caller as a volunteer with the next DD number and grants the volunteer role (audited)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/volunteers', headers: bearer(token), payload: registration({ phone, idNumber }) });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { id: string; volunteerNo: string };
    volunteerId = body.id;
    expect(body.volunteerNo).toMatch(/^DD\d{4}-\d{5}$/);
    expect(Number(body.volunteerNo.slice(-5))).toBeGreaterThan(1345);

    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).json() as { volunteerId: string; roles: string[]; communityId: string };
    expect(me.volunteerId).toBe(volunteerId);
    expect(me.roles).toContain('volunteer');
    expect(me.communityId).toBe('com_sy');
    const grants = await queryRows<{ action: string; new_value: { role: string } }>(
      t.db,
      sql`SELECT a.action, a.new_value FROM audit_log a JOIN accounts ac ON ac.id = a.entity_id JOIN volunteers v ON v.person_id = ac.person_id WHERE v.id = ${volunteerId}`,
    );
    expect(grants).toContainEqual({ action: 'role.grant', new_value: expect.objectContaining({ role: 'volunteer' }) });
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();
  });

  it('stores the ID and phone only encrypted, with blind indexes, masks, birth date and gender from the ID', async () => {
    const [p] = await queryRows<Record<string, string | null>>(
      t.db,
      sql`SELECT p.* FROM persons p JOIN volunteers v ON v.person_id = p.id WHERE v.id = ${volunteerId}`,
    );
    expect(JSON.stringify(p)).not.toMatch(FULL_ID);
    expect(JSON.stringify(p)).not.toContain(phone);
    expect(p).toMatchObject({ birth_date: '1990-03-15', gender: genderFromResidentId(idNumber), phone_masked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    expect(p!.id_number_masked).toMatch(/^5401\*{10}\d{3}[\dX]$/);
    expect(p!.id_number_hash).toBeTruthy();
    expect(await count('volunteer_availability', `volunteer_id = '${volunteerId}'`)).toBe(2);
    expect(await count('consents', `person_id = '${p!.id}'`)).toBe(2);
  });

  it('refuses a second registration of the same caller (409)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/volunteers', headers: bearer(token), payload: registration({ phone }) });
    expect(res.statusCode).toBe(409);
  });
});

describe('DR-01: one volunteer per ID number', () => {
  it('refuses a second registration with the same ID (409 duplicate_id_number offering account recovery) and creates nothing', async () => {
    const idNumber = residentId('1985-07-01');
    expect((await post('/api/v1/volunteers', '13900000001', registration({ idNumber }))).statusCode).toBe(201);
    const before = await snapshot();
    for (const [lang, words] of [
      ['zh-CN', '找回账号'],
      ['en', 'account recovery'],
      ['bo', 'རྩིས་ཁྲ'],
    ] as const) {
      const res = await post('/api/v1/volunteers', '13900000002', registration({ idNumber: idNumber.toLowerCase() }), { 'accept-language': lang });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'duplicate_id_number', status: 409 });
      expect((res.json() as { detail: string }).detail).toContain(words);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets exactly one of two simultaneous registrations with the same ID succeed', async () => {
    const idNumber = residentId('1979-11-20');
    const results = await Promise.allSettled(
      ['13900000001', '13900000002'].map((phone) => post('/api/v1/volunteers', phone, registration({ idNumber, phone: newPhone() }))),
    );
    const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.statusCode : 0)).sort();
    expect(statuses).toEqual([201, 409]);
    const loser = results.map((r) => (r.status === 'fulfilled' ? r.value : undefined)).find((r) => r?.statusCode === 409)!;
    expect(loser.json()).toMatchObject({ code: 'duplicate_id_number' });
    expect(await count('persons', `id_number_masked = '${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}' AND birth_date = '1979-11-20'`)).toBe(1);
  });

  it('gives concurrent registrations of different people distinct, consecutive numbers', async () => {
    const results = await Promise.all(
      ['13900000001', '13900000002', '13900000001'].map((phone) => post('/api/v1/volunteers', phone, registration({ phone: newPhone() }))),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const serials = results.map((r) => Number((r.json() as { volunteerNo: string }).volunteerNo.slice(-5))).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(3);
    expect(serials[2]! - serials[0]!).toBe(2);
  });
});

describe('ID number validation', () => {
  it('refuses a bad checksum with a localized message naming idNumber (400) and creates nothing', async () => {
    const valid = residentId('1992-02-02');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(residentIdProblem(wrong)).toBe('checksum');
    const before = await snapshot();
    for (const [lang, text] of [
      ['zh-CN', '校验位'],
      ['en', 'check digit'],
      ['bo', 'ཞིབ་བཤེར་ཨང'],
    ] as const) {
      const res = await post('/api/v1/volunteers', '13900000001', registration({ idNumber: wrong }), { 'accept-language': lang });
      expect(res.statusCode).toBe(400);
      const body = res.json() as { code: string; errors: { field: string; code: string; message: string }[] };
      expect(body.code).toBe('validation_failed');
      expect(body.errors).toEqual([{ field: 'idNumber', code: 'id_checksum', message: expect.stringContaining(text) }]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('requires a birth date for other ID types, and takes it from there', async () => {
    const noBirth = await post('/api/v1/volunteers', '13900000001', registration({ idType: 'passport', idNumber: 'E12345678' }));
    expect(noBirth.statusCode).toBe(400);
    expect((noBirth.json() as { errors: { field: string }[] }).errors).toEqual([expect.objectContaining({ field: 'birthDate', code: 'birth_date_required' })]);
    const ok = await post('/api/v1/volunteers', '13900000001', registration({ idType: 'passport', idNumber: 'E12345678', birthDate: '1988-08-08', gender: 'male' }));
    expect(ok.statusCode).toBe(201);
    const profile = (await get(`/api/v1/volunteers/${(ok.json() as { id: string }).id}`, '13900000001')).json() as { age: number; gender: string; idType: string };
    expect(profile).toMatchObject({ gender: 'male', idType: 'passport' });
    expect(profile.age).toBeGreaterThanOrEqual(37);
  });

  it('refuses missing, malformed, oversized and wrongly typed input (400) and creates nothing', async () => {
    const before = await snapshot();
    const bodies = [
      registration({ consents: [] }),
      registration({ name: 'x'.repeat(51) }),
      registration({ skills: 'repair' }),
      registration({ languages: ['klingon'] }),
      registration({ availability: [{ weekday: 8, from: '09:00', to: '10:00' }] }),
      registration({ availability: [{ weekday: 1, from: '12:00', to: '09:00' }] }),
      registration({ gridId: '../../etc' }),
      registration({ phone: '1390000000<script>' }),
      { ...registration(), idNumber: undefined },
    ];
    for (const body of bodies) {
      const res = await post('/api/v1/volunteers', '13900000001', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    const unknownGrid = await post('/api/v1/volunteers', '13900000001', registration({ gridId: 'grid_nowhere' }));
    expect(unknownGrid.statusCode).toBe(400);
    expect((unknownGrid.json() as { errors: { field: string }[] }).errors[0]!.field).toBe('gridId');
    expect(await snapshot()).toEqual(before);
  });
});

describe('DR-02: minors need guardian consent', () => {
  const guardian = () => ({ name: '达瓦', phone: newPhone(), consentAt: new Date().toISOString() });

  it('refuses a 14-year-old without guardian consent (422) and stores nothing', async () => {
    const before = await snapshot();
    const idNumber = residentId(birthDateForAge(14));
    const noGuardian = await post('/api/v1/volunteers', '13900000001', registration({ idNumber }));
    expect(noGuardian.statusCode).toBe(422);
    expect(noGuardian.json()).toMatchObject({ code: 'guardian_consent_required' });
    const guardianWithoutConsent = await post('/api/v1/volunteers', '13900000001', registration({ idNumber, guardian: guardian() }));
    expect(guardianWithoutConsent.statusCode).toBe(422);
    const consentWithoutGuardian = await post(
      '/api/v1/volunteers',
      '13900000001',
      registration({ idNumber, consents: [{ kind: 'privacy_policy', version: '2024.1' }, { kind: 'guardian', version: '2024.1' }] }),
    );
    expect(consentWithoutGuardian.statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it('registers the 14-year-old with a guardian and a guardian consent; the guardian phone is stored encrypted', async () => {
    const g = guardian();
    const res = await post(
      '/api/v1/volunteers',
      '13900000001',
      registration({
        idNumber: residentId(birthDateForAge(14)),
        guardian: g,
        consents: [
          { kind: 'privacy_policy', version: '2024.1' },
          { kind: 'guardian', version: '2024.1' },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { id: string }).id;
    const [row] = await queryRows<Record<string, string>>(t.db, sql`SELECT * FROM volunteer_guardians WHERE volunteer_id = ${id}`);
    expect(JSON.stringify(row)).not.toContain(g.phone);
    expect(row!.phone_masked).toBe(`${g.phone.slice(0, 3)}****${g.phone.slice(-4)}`);
    const profile = (await get(`/api/v1/volunteers/${id}`, '13900000001')).json() as { age: number; guardian: { phoneMasked: string } };
    expect(profile.age).toBe(14);
    expect(profile.guardian.phoneMasked).toBe(row!.phone_masked);
    expect(await count('consents', `kind = 'guardian' AND person_id = (SELECT person_id FROM volunteers WHERE id = '${id}')`)).toBe(1);
  });

  it('also holds a 17-year-old to it, and not an 18-year-old', async () => {
    expect((await post('/api/v1/volunteers', '13900000001', registration({ idNumber: residentId(birthDateForAge(17)) }))).statusCode).toBe(422);
    expect((await post('/api/v1/volunteers', '13900000001', registration({ idNumber: residentId(birthDateForAge(18)) }))).statusCode).toBe(201);
  });
});

describe('who registers whom', () => {
  it('lets a grid worker register in their grid only (403 elsewhere, nothing created)', async () => {
    const before = await snapshot();
    const elsewhere = await post('/api/v1/volunteers', '13900000004', registration({ gridId: 'grid_sy_01' }));
    expect(elsewhere.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await post('/api/v1/volunteers', '13900000004', registration({ gridId: 'grid_sy_02' }))).statusCode).toBe(201);
  });

  it('lets a community admin register only in grids of their community', async () => {
    const before = await snapshot();
    expect((await post('/api/v1/volunteers', '13900000003', registration({ gridId: 'grid_sy_02' }))).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a volunteer registering someone else (403) and an anonymous caller (401)', async () => {
    expect((await post('/api/v1/volunteers', '13900000006', registration({ forSelf: false }))).statusCode).toBe(403);
    expect((await post('/api/v1/volunteers', null, registration())).statusCode).toBe(401);
  });
});

describe('masking in lists and profiles', () => {
  it('shows 139****0006-style phone masks to staff in scope and never a full ID or phone', async () => {
    const res = await get('/api/v1/volunteers?communityId=com_sy&limit=200', '13900000002');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(FULL_ID);
    expect(res.body).not.toMatch(FULL_PHONE);
    const items = (res.json() as { items: { id: string; phoneMasked: string | null; idNumberMasked: string | null }[] }).items;
    expect(items.length).toBeGreaterThan(20);
    expect(items.every((i) => /^1\d{2}\*{4}\d{4}$/.test(i.phoneMasked ?? ''))).toBe(true);
    expect(items.every((i) => /^5401\*{10}\d{3}[\dX]$/.test(i.idNumberMasked ?? ''))).toBe(true);
    const demo06 = await get(`/api/v1/volunteers?q=${encodeURIComponent('扎西平措')}`, '13900000002');
    expect((demo06.json() as { items: { phoneMasked: string }[] }).items.map((i) => i.phoneMasked)).toContain('139****0006');
  });

  it('gives no phone or ID masks to a plain volunteer', async () => {
    const res = await get('/api/v1/volunteers?communityId=com_sy&limit=50', '13900000007');
    const items = (res.json() as { items: { phoneMasked: string | null; idNumberMasked: string | null }[] }).items;
    expect(items.every((i) => i.phoneMasked === null && i.idNumberMasked === null)).toBe(true);
    expect(res.body).not.toMatch(FULL_ID);
  });

  it('shows the volunteer their own profile with masks, never the full ID', async () => {
    const res = await get(`/api/v1/volunteers/${demoVolunteerId['13900000006']}`, '13900000006');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(FULL_ID);
    expect(res.body).not.toMatch(FULL_PHONE);
    const p = res.json() as { phoneMasked: string; idNumberMasked: string; teams: { name: string }[]; availability: unknown[]; insurance: { current: boolean }[] };
    expect(p.phoneMasked).toBe('139****0006');
    expect(p.idNumberMasked).toMatch(/^5401\*{10}/);
    expect(p.teams.some((team) => team.name.includes('布谷响铃'))).toBe(true);
    expect(p.availability.length).toBeGreaterThan(0);
    expect(p.insurance.some((i) => i.current)).toBe(true);
  });

  it('shows a team leader no ID at all, and hides the profile from others (404)', async () => {
    const leader = (await get(`/api/v1/volunteers/${demoVolunteerId['13900000006']}`, '13900000005')).json() as { idNumberMasked: string | null; idType: string | null; phoneMasked: string };
    expect(leader).toMatchObject({ idNumberMasked: null, idType: null, phoneMasked: '139****0006' });
    for (const phone of ['13900000003', '13900000008', '13900000009']) {
      const res = await get(`/api/v1/volunteers/${demoVolunteerId['13900000006']}`, phone);
      expect(res.statusCode, phone).toBe(404);
    }
  });
});

describe('GET /volunteers/{id}/id-number (need-to-know, logged)', () => {
  it('gives a community admin in scope the full ID and writes access_log', async () => {
    const before = await accessLogRows();
    const res = await get(`/api/v1/volunteers/${demoVolunteerId['13900000006']}/id-number`, '13900000002');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json() as { idType: string; idNumber: string };
    expect(body.idType).toBe('resident_id');
    expect(residentIdProblem(body.idNumber)).toBeNull();
    const after = await accessLogRows();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ actor_account_id: 'acc_demo_02', field: 'id_number' });
  });

  it('refuses other roles (403) and a community admin of another community (404), logging nothing', async () => {
    const before = (await accessLogRows()).length;
    for (const [phone, status] of [
      ['13900000006', 403],
      ['13900000007', 403],
      ['13900000004', 403],
      ['13900000005', 403],
      ['13900000003', 404],
    ] as const) {
      const res = await get(`/api/v1/volunteers/${demoVolunteerId['13900000006']}/id-number`, phone);
      expect(res.statusCode, phone).toBe(status);
      expect(res.body).not.toMatch(FULL_ID);
    }
    expect((await accessLogRows()).length).toBe(before);
  });
});

describe('PATCH /volunteers/{id}', () => {
  it('lets the volunteer edit their own skills, languages, phone and availability (audited without the phone)', async () => {
    const id = demoVolunteerId['13900000007']!;
    const res = await patch(`/api/v1/volunteers/${id}`, '13900000007', {
      skills: ['repair', 'electrician'],
      languages: ['zh', 'bo'],
      phone: '13712345678',
      availability: [{ weekday: 7, from: '14:00', to: '17:30' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ skills: ['repair', 'electrician'], phoneMasked: '137****5678', availability: [{ weekday: 7, from: '14:00', to: '17:30' }] });
    const [audit] = await queryRows<{ old_value: unknown; new_value: unknown }>(t.db, sql`SELECT old_value, new_value FROM audit_log WHERE action = 'volunteer.update' AND entity_id = ${id} ORDER BY id DESC LIMIT 1`);
    expect(JSON.stringify(audit)).not.toContain('13712345678');
    expect(audit!.new_value).toMatchObject({ skills: ['repair', 'electrician'], phone: 'changed' });
  });

  it('refuses a team leader (403) and another community admin (404), and changes nothing', async () => {
    const id = demoVolunteerId['13900000006']!;
    const before = (await get(`/api/v1/volunteers/${id}`, '13900000006')).body;
    expect((await patch(`/api/v1/volunteers/${id}`, '13900000005', { skills: ['cooking'] })).statusCode).toBe(403);
    expect((await patch(`/api/v1/volunteers/${id}`, '13900000003', { skills: ['cooking'] })).statusCode).toBe(404);
    expect((await patch(`/api/v1/volunteers/${id}`, '13900000002', { gridId: 'grid_jx_01' })).statusCode).toBe(403);
    expect((await patch(`/api/v1/volunteers/${id}`, '13900000006', {})).statusCode).toBe(400);
    expect((await get(`/api/v1/volunteers/${id}`, '13900000006')).body).toBe(before);
  });

  it('lets staff in scope move a volunteer to another grid of their community', async () => {
    const id = demoVolunteerId['13900000006']!;
    const res = await patch(`/api/v1/volunteers/${id}`, '13900000002', { gridId: 'grid_sy_01' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ gridId: 'grid_sy_01', communityId: 'com_sy' });
  });
});

describe('insurance records', () => {
  it('lists current and expired cover, and lets staff in scope add a policy (audited)', async () => {
    const id = demoVolunteerId['13900000007']!;
    const list = (await get(`/api/v1/volunteers/${id}/insurance`, '13900000007')).json() as { items: { current: boolean }[]; nextCursor: null };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => !i.current)).toBe(true);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    const res = await post(`/api/v1/volunteers/${id}/insurance`, '13900000002', { insurer: '中国人民财产保险股份有限公司拉萨市分公司', policyNo: 'PEAC20265401000001', validFrom: today, validTo: nextYear });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ current: true, validFrom: today });
    expect(await count('audit_log', `action = 'insurance.add' AND entity_id = '${id}'`)).toBe(1);
    const after = (await get(`/api/v1/volunteers/${id}/insurance?limit=1`, '13900000005')).json() as { items: { current: boolean }[]; nextCursor: string | null };
    expect(after.items).toEqual([expect.objectContaining({ current: true })]);
    expect(after.nextCursor).not.toBeNull();
  });

  it('refuses callers out of scope (404) and bad periods (400), adding nothing', async () => {
    const id = demoVolunteerId['13900000007']!;
    const before = await count('insurance_records');
    expect((await post(`/api/v1/volunteers/${id}/insurance`, '13900000003', { insurer: 'x', policyNo: 'y', validFrom: '2026-01-01', validTo: '2026-12-31' })).statusCode).toBe(404);
    expect((await post(`/api/v1/volunteers/${id}/insurance`, '13900000002', { insurer: 'x', policyNo: 'y', validFrom: '2026-12-31', validTo: '2026-01-01' })).statusCode).toBe(400);
    expect((await get(`/api/v1/volunteers/${id}/insurance`, '13900000009')).statusCode).toBe(404);
    expect(await count('insurance_records')).toBe(before);
  });
});

describe('GET /me/export (PIPL)', () => {
  it('returns all of the caller’s own data in full, and nobody else’s', async () => {
    const res = await get('/api/v1/me/export', '13900000006');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json() as {
      person: { id: string; phone: string; idNumber: string; name: string };
      volunteer: { id: string; volunteerNo: string; availability: unknown[] };
      teams: { name: string }[];
      consents: { kind: string }[];
      insurance: unknown[];
      roles: { role: string }[];
      sessions: { total: number; active: number };
      accessLog: { field: string; byAccountId: string }[];
    };
    expect(data.person).toMatchObject({ phone: '13900000006', name: '扎西平措' });
    expect(residentIdProblem(data.person.idNumber)).toBeNull();
    expect(data.volunteer.id).toBe(demoVolunteerId['13900000006']);
    expect(data.teams.some((team) => team.name.includes('布谷响铃'))).toBe(true);
    expect(data.consents.map((c) => c.kind)).toEqual(expect.arrayContaining(['privacy_policy', 'sensitive_data']));
    expect(data.insurance.length).toBeGreaterThan(0);
    expect(data.roles.map((r) => r.role)).toContain('volunteer');
    expect(data.sessions.active).toBeGreaterThanOrEqual(1);
    expect(data.accessLog).toContainEqual(expect.objectContaining({ field: 'id_number', byAccountId: 'acc_demo_02' }));
    const otherPhones = res.body.match(/\b1[3-9]\d{9}\b/g) ?? [];
    expect(new Set(otherPhones)).toEqual(new Set(['13900000006']));
    expect((res.body.match(/\b\d{17}[\dX]\b/g) ?? []).every((id) => id === data.person.idNumber)).toBe(true);
  });

  it('returns a workbook with one sheet per section for ?format=xlsx', async () => {
    const res = await get('/api/v1/me/export?format=xlsx', '13900000006');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['person', 'account', 'roles', 'volunteer', 'availability', 'teams', 'consents', 'insurance', 'sessions', 'access_log']),
    );
    const person = wb.getWorksheet('person')!;
    const values = person.getSheetValues().flat().map(String);
    expect(values).toContain('13900000006');
  });

  it('needs a signed-in caller and a known format', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/export' })).statusCode).toBe(401);
    expect((await get('/api/v1/me/export?format=pdf', '13900000006')).statusCode).toBe(400);
  });
});

describe('PIPL deletion', () => {
  let requestId: string;
  const id07 = () => demoVolunteerId['13900000007']!;

  it('records a pending request (202), idempotently', async () => {
    const res = await post('/api/v1/me/deletion-request', '13900000007', undefined);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'pending', volunteerId: id07(), name: '刘建国' });
    requestId = (res.json() as { id: string }).id;
    const again = await post('/api/v1/me/deletion-request', '13900000007', undefined);
    expect((again.json() as { id: string }).id).toBe(requestId);
    expect(await count('deletion_requests')).toBe(1);
  });

  it('lists requests for admins in scope only', async () => {
    const sy = (await get('/api/v1/deletion-requests', '13900000002')).json() as { items: { id: string }[] };
    expect(sy.items.map((i) => i.id)).toContain(requestId);
    const jx = (await get('/api/v1/deletion-requests', '13900000003')).json() as { items: unknown[] };
    expect(jx.items).toEqual([]);
    expect((await get('/api/v1/deletion-requests', '13900000006')).statusCode).toBe(403);
  });

  it('refuses completion by a volunteer (403) or another community admin (404), changing nothing', async () => {
    const before = await snapshot();
    expect((await post(`/api/v1/deletion-requests/${requestId}/complete`, '13900000006', undefined)).statusCode).toBe(403);
    expect((await post(`/api/v1/deletion-requests/${requestId}/complete`, '13900000003', undefined)).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect(await count('deletion_requests', `status = 'pending'`)).toBe(1);
  });

  it('pseudonymises the person, keeps ids and totals, ends access; a second completion is 409', async () => {
    const [before] = await queryRows<{ verified_minutes: number; star: number; volunteer_no: string; teams: number }>(
      t.db,
      sql`SELECT verified_minutes, star, volunteer_no, (SELECT count(*)::int FROM team_members WHERE volunteer_id = ${id07()}) AS teams FROM volunteers WHERE id = ${id07()}`,
    );
    const res = await post(`/api/v1/deletion-requests/${requestId}/complete`, '13900000002', undefined);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', name: `已注销志愿者 #${before!.volunteer_no}` });

    const [p] = await queryRows<Record<string, unknown>>(t.db, sql`SELECT p.* FROM persons p JOIN volunteers v ON v.person_id = p.id WHERE v.id = ${id07()}`);
    expect(p).toMatchObject({ name: `已注销志愿者 #${before!.volunteer_no}`, phone_enc: null, phone_hash: null, id_number_enc: null, id_number_hash: null, id_number_masked: null, birth_date: null });
    const [after] = await queryRows<{ verified_minutes: number; star: number; status: string; teams: number }>(
      t.db,
      sql`SELECT verified_minutes, star, status, (SELECT count(*)::int FROM team_members WHERE volunteer_id = ${id07()}) AS teams FROM volunteers WHERE id = ${id07()}`,
    );
    expect(after).toEqual({ verified_minutes: before!.verified_minutes, star: before!.star, status: 'deleted', teams: before!.teams });
    expect(await count('volunteer_guardians', `volunteer_id = '${id07()}' AND phone_enc IS NOT NULL`)).toBe(0);

    expect((await get('/api/v1/me', '13900000007')).statusCode).toBe(401);
    const login = await post('/api/v1/auth/login', null, { phone: '13900000007', password: 'demo1345' });
    expect(login.statusCode).toBe(401);
    expect(await count('audit_log', `action = 'person.pseudonymise'`)).toBe(1);
    expect(await count('audit_log', `action = 'role.revoke' AND entity_id = 'acc_demo_07'`)).toBe(1);
    expect(await verifyAuditChain(t.db, 'duodi')).toBeNull();

    const second = await post(`/api/v1/deletion-requests/${requestId}/complete`, '13900000002', undefined);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'conflict' });
  });

  it('drops the deleted volunteer from the list and frees the phone for a new account', async () => {
    const list = (await get(`/api/v1/volunteers?q=${encodeURIComponent('刘建国')}`, '13900000002')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(id07());
    const res = await post('/api/v1/auth/register', null, { phone: '13900000007', password: 'a-long-password', name: '新用户' });
    expect(res.statusCode).toBe(201);
  });
});

describe('OpenAPI', () => {
  it('documents the new endpoints', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ['/api/v1/auth/register', 'post'],
      ['/api/v1/volunteers', 'post'],
      ['/api/v1/volunteers/{id}', 'get'],
      ['/api/v1/volunteers/{id}', 'patch'],
      ['/api/v1/volunteers/{id}/id-number', 'get'],
      ['/api/v1/volunteers/{id}/insurance', 'post'],
      ['/api/v1/me/export', 'get'],
      ['/api/v1/me/deletion-request', 'post'],
      ['/api/v1/deletion-requests', 'get'],
      ['/api/v1/deletion-requests/{id}/complete', 'post'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    }
  });
});
