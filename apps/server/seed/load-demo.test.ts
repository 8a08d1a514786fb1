import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { FOCUS_TAGS, LANGUAGES, SKILLS } from '@duodi/contracts';
import { openDatabase, queryRows, type Database } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createFieldCrypto } from '../src/platform/crypto/field-crypto.js';
import { verifyPassword } from '../src/platform/auth/password.js';
import { COMMUNITIES, NAMED_TEAM_NAMES, TEAMS } from './duodi.js';
import { initialsOf } from './names.js';
import { createIdMaker, createRng } from './random.js';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  REFERENCE_DATE,
  buildDemoData,
  isValidIdNumber,
  loadDemoData,
  readDemoMeta,
  starForMinutes,
  type DemoData,
  type DemoSummary,
} from './load-demo.js';

const ID_RE = /^[A-Za-z0-9_-]+$/;
const crypto = createFieldCrypto('test-secret-for-the-demo-loader');

describe('random', () => {
  it('is deterministic per seed and per fork label', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
    expect(createRng(8).next()).not.toBe(xs[0]);
    expect(createRng(7).fork('x').next()).toBe(createRng(7).fork('x').next());
    expect(createRng(7).fork('x').next()).not.toBe(createRng(7).fork('y').next());
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('makes ids with per-prefix counters', () => {
    const id = createIdMaker();
    expect(id('per')).toBe('per_000001');
    expect(id('per')).toBe('per_000002');
    expect(id('vol')).toBe('vol_000001');
  });
});

describe('buildDemoData (pure)', () => {
  const data: DemoData = buildDemoData();

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    const again = buildDemoData();
    expect(again.persons.slice(0, 100).map((p) => [p.id, p.name, p.idNumber, p.phone])).toEqual(
      data.persons.slice(0, 100).map((p) => [p.id, p.name, p.idNumber, p.phone]),
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = buildDemoData(99);
    expect(other.persons.slice(6, 100).map((p) => p.name)).not.toEqual(data.persons.slice(6, 100).map((p) => p.name));
  });

  it('has the street, 6 communities, 17 teams and exactly 1,345 volunteers', () => {
    expect(data.street.name).toBe('夺底街道');
    expect(data.communities).toHaveLength(6);
    const names = data.communities.map((c) => c.name);
    for (const n of ['吉祥社区', '桑伊社区', '洛欧村']) expect(names).toContain(n);
    for (const c of COMMUNITIES) {
      const gs = data.grids.filter((g) => g.communityId === c.id);
      expect(gs.length).toBeGreaterThanOrEqual(4);
      expect(gs.length).toBeLessThanOrEqual(7);
    }
    const sangyi = data.communities.find((c) => c.name === '桑伊社区');
    expect(sangyi?.serviceCenterRooms).toEqual([
      '综合大厅',
      '矛调中心',
      '心理咨询室',
      '社区食堂',
      '托幼中心',
      '艺术共享空间',
      '社区直播室',
    ]);
    expect(data.teams).toHaveLength(17);
    for (const n of NAMED_TEAM_NAMES) expect(data.teams.map((t) => t.name)).toContain(n);
    expect(data.volunteers).toHaveLength(1345);
    expect(new Set(data.volunteers.map((v) => v.personId)).size).toBe(1345);
    expect(data.units.length).toBeGreaterThanOrEqual(5);
    expect(data.units.length).toBeLessThanOrEqual(8);
  });

  it('has about 4,000 residents in about 1,500 households over all grids', () => {
    const residents = data.persons.filter((p) => p.isResident);
    expect(residents).toHaveLength(4000);
    expect(data.households.length).toBeGreaterThan(1300);
    expect(data.households.length).toBeLessThan(1700);
    const gridsWithHouseholds = new Set(data.households.map((h) => h.gridId));
    expect(gridsWithHouseholds.size).toBe(data.grids.length);
    for (const p of residents) expect(p.householdId && p.gridId && p.communityId).toBeTruthy();
    const tibetan = data.persons.filter((p) => p.nameBo !== null).length / data.persons.length;
    expect(tibetan).toBeGreaterThan(0.6);
    expect(tibetan).toBeLessThan(0.8);
  });

  it('gives every person a valid, unique ID number and a unique phone outside the demo block', () => {
    const demoPhones = new Set(DEMO_ACCOUNTS.map((a) => a.phone));
    expect(new Set(data.persons.map((p) => p.idNumber)).size).toBe(data.persons.length);
    expect(new Set(data.persons.map((p) => p.phone)).size).toBe(data.persons.length);
    for (const p of data.persons) {
      expect(ID_RE.test(p.id)).toBe(true);
      expect(isValidIdNumber(p.idNumber)).toBe(true);
      expect(p.idNumber.slice(0, 6)).toBe('540102');
      expect(p.idNumber.slice(6, 10)).toBe(String(p.birthYear));
      expect(p.birthDate.replace(/-/g, '')).toBe(p.idNumber.slice(6, 14));
      expect(Number(p.idNumber[16]) % 2).toBe(p.gender === 'male' ? 1 : 0);
      expect(p.phone).toMatch(/^1[358]\d{9}$/);
      if (!demoPhones.has(p.phone)) expect(p.phone.startsWith('1390000')).toBe(false);
      expect(p.nameInitials).toBe(initialsOf(p.name));
      expect(p.nameInitials).toMatch(/^[a-z]+$/);
    }
  });

  it('tags focus groups consistently with age', () => {
    for (const p of data.persons) {
      const age = 2026 - p.birthYear;
      for (const t of p.focusTags) expect(FOCUS_TAGS).toContain(t);
      if (!p.isResident) expect(p.focusTags).toEqual([]);
      if (p.focusTags.includes('elderly')) expect(age).toBeGreaterThanOrEqual(60);
      if (p.focusTags.includes('child')) expect(age).toBeLessThan(14);
      if (p.focusTags.includes('living_alone')) expect(age).toBeGreaterThanOrEqual(60);
    }
    const tagged = (t: string) => data.persons.filter((p) => p.focusTags.includes(t as never)).length;
    for (const t of FOCUS_TAGS) expect(tagged(t)).toBeGreaterThan(0);
    const old = data.persons.filter((p) => p.isResident && 2026 - p.birthYear >= 75);
    expect(old.filter((p) => p.proxyNeeded).length / old.length).toBeGreaterThan(0.6);
  });

  it('has consistent volunteers: stars match minutes, dates before the reference date', () => {
    const ref = REFERENCE_DATE.getTime();
    const nos = new Set<string>();
    let recent = 0;
    for (const v of data.volunteers) {
      expect(ID_RE.test(v.id)).toBe(true);
      expect(v.volunteerNo).toMatch(/^DD20\d\d-\d{5}$/);
      nos.add(v.volunteerNo);
      expect(starForMinutes(v.verifiedMinutes)).toBe(v.star);
      expect(v.skills.length).toBeGreaterThanOrEqual(1);
      expect(v.skills.length).toBeLessThanOrEqual(3);
      for (const s of v.skills) expect(SKILLS).toContain(s);
      for (const l of v.languages) expect(LANGUAGES).toContain(l);
      expect(v.registeredAt.getTime()).toBeLessThan(ref);
      if (v.lastServiceAt) {
        expect(v.lastServiceAt.getTime()).toBeLessThan(ref);
        expect(v.lastServiceAt.getTime()).toBeGreaterThanOrEqual(v.registeredAt.getTime());
        if (v.lastServiceAt.getTime() >= ref - 90 * 86_400_000) recent++;
      }
      if (v.unitId) expect(v.partyMember).toBe(true);
    }
    expect(nos.size).toBe(data.volunteers.length);
    expect(recent / data.volunteers.length).toBeGreaterThan(0.5);
    expect(recent / data.volunteers.length).toBeLessThan(0.7);
    const lowStars = data.volunteers.filter((v) => v.star <= 1).length / data.volunteers.length;
    expect(lowStars).toBeGreaterThan(0.7);
    const party = data.volunteers.filter((v) => v.partyMember && v.unitId).length / data.volunteers.length;
    expect(party).toBeGreaterThan(0.05);
    expect(party).toBeLessThan(0.12);
  });

  it('puts every volunteer in a team; sizes 30–150; one leader and 1–2 deputies per team', () => {
    const perVolunteer = new Map<string, number>();
    for (const m of data.teamMembers) perVolunteer.set(m.volunteerId, (perVolunteer.get(m.volunteerId) ?? 0) + 1);
    expect(perVolunteer.size).toBe(1345);
    for (const n of perVolunteer.values()) expect(n === 1 || n === 2).toBe(true);
    const volById = new Map(data.volunteers.map((v) => [v.id, v]));
    for (const t of data.teams) {
      const ms = data.teamMembers.filter((m) => m.teamId === t.id);
      expect(ms.length).toBeGreaterThanOrEqual(30);
      expect(ms.length).toBeLessThanOrEqual(150);
      const leaders = ms.filter((m) => m.role === 'leader');
      expect(leaders).toHaveLength(1);
      expect(volById.get(leaders[0]!.volunteerId)?.personId).toBe(t.leaderPersonId);
      const deputies = ms.filter((m) => m.role === 'deputy').length;
      expect(deputies).toBeGreaterThanOrEqual(1);
      expect(deputies).toBeLessThanOrEqual(2);
    }
    expect(data.teams.filter((t) => t.communityId === null).length).toBeLessThanOrEqual(2);
    expect(TEAMS.map((t) => t.id)).toEqual(data.teams.map((t) => t.id));
  });
});

describe('loadDemoData (PGlite)', () => {
  let database: Database;
  let summary: DemoSummary;
  const data = buildDemoData();

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite-memory' });
    await migrate(database);
    summary = await loadDemoData(database, crypto);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  }, 120_000);

  const q = <T>(text: string): Promise<T[]> => queryRows<T>(database.db, sql.raw(text));

  it('reports and stores the counts', { timeout: 120_000 }, async () => {
    expect(summary.volunteers).toBe(1345);
    expect(summary.communities).toBe(6);
    expect(summary.teams).toBe(17);
    const [c] = await q<{ v: number; c: number; t: number; r: number }>(
      `SELECT (SELECT count(*) FROM volunteers)::int AS v, (SELECT count(*) FROM communities)::int AS c,
              (SELECT count(*) FROM teams)::int AS t, (SELECT count(*) FROM persons WHERE is_resident)::int AS r`,
    );
    expect(c).toEqual({ v: 1345, c: 6, t: 17, r: 4000 });
    const names = (await q<{ name: string }>('SELECT name FROM communities')).map((r) => r.name);
    for (const n of ['吉祥社区', '桑伊社区', '洛欧村']) expect(names).toContain(n);
    const teamNames = (await q<{ name: string }>('SELECT name FROM teams')).map((r) => r.name);
    for (const n of NAMED_TEAM_NAMES) expect(teamNames).toContain(n);
    const meta = await readDemoMeta(database.db);
    expect(meta).toEqual({ version: 2, seed: 1345, generatedAt: '2026-11-01T00:00:00+08:00' });
    const [g] = await q<{ n: number }>('SELECT count(*)::int AS n FROM grids WHERE grid_worker_person_id IS NULL');
    expect(g?.n).toBe(0);
  });

  it('has an account with the listed role for every demo phone, and the demo password works', { timeout: 120_000 }, async () => {
    const rows = await q<{
      phone_hash: string;
      password_hash: string;
      person_id: string;
      role: string;
      scope_type: string;
      scope_id: string;
    }>(
      `SELECT a.phone_hash, a.password_hash, a.person_id, r.role, r.scope_type, r.scope_id
         FROM accounts a JOIN role_assignments r ON r.account_id = a.id`,
    );
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(DEMO_ACCOUNTS.length);
    const byPhone = (phone: string) => rows.filter((r) => r.phone_hash === crypto.blindIndex('phone', phone));
    for (const a of DEMO_ACCOUNTS) {
      const mine = byPhone(a.phone);
      expect(
        mine.map((r) => r.role),
        a.phone,
      ).toContain(a.role);
      const [person] = await q<{ phone_hash: string }>(`SELECT phone_hash FROM persons WHERE id = '${mine[0]!.person_id}'`);
      expect(person?.phone_hash).toBe(crypto.blindIndex('phone', a.phone));
    }
    expect(await verifyPassword(DEMO_PASSWORD, byPhone('13900000001')[0]!.password_hash)).toBe(true);

    const one = (phone: string, role: string) => byPhone(phone).find((r) => r.role === role)!;
    // 04 is the grid worker of its grid; 08 lives in that same grid of 桑伊社区.
    const grid04 = one('13900000004', 'grid_worker');
    const [grid] = await q<{ community_id: string; grid_worker_person_id: string }>(
      `SELECT community_id, grid_worker_person_id FROM grids WHERE id = '${grid04.scope_id}'`,
    );
    expect(grid).toEqual({ community_id: 'com_sy', grid_worker_person_id: grid04.person_id });
    const res08 = one('13900000008', 'resident');
    expect(res08.scope_id).toBe(grid04.scope_id);
    const [p08] = await q<{ grid_id: string; household_id: string | null; is_resident: boolean }>(
      `SELECT grid_id, household_id, is_resident FROM persons WHERE id = '${res08.person_id}'`,
    );
    expect(p08?.grid_id).toBe(grid04.scope_id);
    expect(p08?.household_id).toBeTruthy();
    expect(p08?.is_resident).toBe(true);
    // 05 leads "布谷响铃"; 05, 06, 07 are its members.
    const lead05 = one('13900000005', 'team_leader');
    const [team] = await q<{ name: string; leader_person_id: string; community_id: string }>(
      `SELECT name, leader_person_id, community_id FROM teams WHERE id = '${lead05.scope_id}'`,
    );
    expect(team).toEqual({ name: '"布谷响铃"志愿服务队', leader_person_id: lead05.person_id, community_id: 'com_sy' });
    expect(byPhone('13900000005').map((r) => r.role)).toContain('volunteer');
    for (const [phone, role] of [
      ['13900000005', 'leader'],
      ['13900000006', 'member'],
      ['13900000007', 'member'],
    ] as const) {
      const pid = byPhone(phone)[0]!.person_id;
      const [m] = await q<{ role: string }>(
        `SELECT tm.role FROM team_members tm JOIN volunteers v ON v.id = tm.volunteer_id WHERE v.person_id = '${pid}' AND tm.team_id = '${lead05.scope_id}'`,
      );
      expect(m?.role, phone).toBe(role);
    }
    // 09: party-member volunteer of 吉祥社区 working for the unit that 10 administers.
    const pm09 = one('13900000009', 'party_member');
    expect(pm09.scope_id).toBe('com_jx');
    expect(byPhone('13900000009').map((r) => r.role)).toContain('volunteer');
    const [v09] = await q<{ party_member: boolean; unit_id: string; community_id: string }>(
      `SELECT v.party_member, v.unit_id, p.community_id FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE v.person_id = '${pm09.person_id}'`,
    );
    expect(v09).toEqual({ party_member: true, unit_id: one('13900000010', 'unit_admin').scope_id, community_id: 'com_jx' });
    // Every volunteer demo account is a volunteer.
    for (const phone of ['13900000005', '13900000006', '13900000007', '13900000009']) {
      const [n] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM volunteers WHERE person_id = '${byPhone(phone)[0]!.person_id}'`);
      expect(n?.n, phone).toBe(1);
    }
  });

  it('stores ID numbers encrypted, and they decrypt to valid ones', { timeout: 120_000 }, async () => {
    const rows = await q<{ id_number_enc: string; id_number_hash: string; id_number_masked: string; birth_year: number; gender: string }>(
      'SELECT id_number_enc, id_number_hash, id_number_masked, birth_year, gender FROM persons',
    );
    expect(rows).toHaveLength(data.persons.length);
    for (const r of rows) {
      const id = crypto.decrypt(r.id_number_enc);
      expect(isValidIdNumber(id)).toBe(true);
      expect(Number(id.slice(6, 10))).toBe(r.birth_year);
      expect(Number(id[16]) % 2).toBe(r.gender === 'male' ? 1 : 0);
      expect(r.id_number_hash).toBe(crypto.blindIndex('id', id));
      expect(r.id_number_masked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
    }
  });

  it('never stores a phone or an ID number in clear, and focus tags only encrypted', { timeout: 120_000 }, async () => {
    const clear = new Set([...data.persons.map((p) => p.phone), ...data.persons.map((p) => p.idNumber)]);
    for (const table of [
      'persons',
      'accounts',
      'volunteers',
      'households',
      'grids',
      'teams',
      'units',
      'role_assignments',
      'app_meta',
      'communities',
    ]) {
      const rows = await q<Record<string, unknown>>(`SELECT * FROM ${table}`);
      for (const row of rows) {
        const text = JSON.stringify(row);
        for (const m of text.match(/\d{11,18}X?/g) ?? []) expect(clear.has(m), `${table}: ${m}`).toBe(false);
        expect(/(^|[^0-9A-Za-z_-])1[3-9]\d{9}([^0-9A-Za-z_-]|$)/.test(text), table).toBe(false);
      }
    }
    const withTags = await q<{ focus_tags_enc: string; focus_tag_index: string[] }>(
      'SELECT focus_tags_enc, focus_tag_index FROM persons WHERE focus_tags_enc IS NOT NULL LIMIT 200',
    );
    expect(withTags.length).toBeGreaterThan(0);
    for (const r of withTags) {
      const tags = JSON.parse(crypto.decrypt(r.focus_tags_enc)) as string[];
      expect(r.focus_tag_index).toEqual(tags.map((t) => crypto.blindIndex('focus', t)));
    }
    const [elderly] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM persons WHERE focus_tag_index @> ARRAY['${crypto.blindIndex('focus', 'elderly')}']`,
    );
    expect(elderly?.n).toBe(data.persons.filter((p) => p.focusTags.includes('elderly')).length);
  });

  it('refuses to load twice', { timeout: 120_000 }, async () => {
    await expect(loadDemoData(database, crypto)).rejects.toThrow(/already loaded/);
    const [n] = await q<{ n: number }>('SELECT count(*)::int AS n FROM volunteers');
    expect(n?.n).toBe(1345);
  });
});

describe('shiftDates', () => {
  it('moves every date of the generated data by the same amount and nothing else', async () => {
    const { shiftDates } = await import('./load-demo.js');
    const a = buildDemoData(1345, { volunteers: 200, residents: 100 });
    const b = buildDemoData(1345, { volunteers: 200, residents: 100 });
    const delta = 28 * 86_400_000;
    shiftDates(b, delta);
    expect(b.volunteers[0]!.registeredAt.getTime() - a.volunteers[0]!.registeredAt.getTime()).toBe(delta);
    expect(b.persons[0]!.name).toBe(a.persons[0]!.name);
    expect(b.persons.length).toBe(a.persons.length);
  });
});
