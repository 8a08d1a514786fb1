/**
 * Pure, deterministic generation of the demo data set (no database, no crypto): the same seed and
 * options give the same rows, byte for byte. Clear phones and ID numbers are in the output; the
 * loader encrypts them. Dates are relative to the fixed REFERENCE_DATE, never to the clock.
 */
import {
  SKILLS,
  type FocusTag,
  type Role,
  type ScopeType,
  type Skill,
  type SpokenLanguage,
  type TeamDomain,
  type UnitKind,
} from '@duodi/contracts';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import {
  BUGU_TEAM_ID,
  COMMUNITIES,
  DEMO_UNIT_ID,
  JIXIANG_ID,
  SANGYI_ID,
  STREET,
  TEAMS,
  UNITS,
  gridsOf,
  type CommunityFact,
  type GridFact,
  type TeamFact,
} from './duodi.js';
import {
  hanName,
  hanNameOf,
  hanSurname,
  personName,
  pickEthnicity,
  tibetanNameOf,
  type Ethnicity,
  type Gender,
  type GeneratedName,
} from './names.js';
import { createIdMaker, createRng, type Rng } from './random.js';
import { buildTeamsParty, type DemoTeamsParty } from './teams-party.js';
import { buildDemands, type DemoDemands } from './demands.js';
import { buildVolunteerProfiles, type DemoProfiles } from './profiles.js';

/**
 * 1: people, organisation, teams, party, recovery (issues 2–3). 2: adds the service menu and a year of demands with
 * offers, service records with ledger postings, rewards, stars, certificates, activities and visits (issues 4–6).
 */
export const DEMO_DATA_VERSION = 2;
export const DEFAULT_SEED = 1345;
export const DEFAULT_VOLUNTEERS = 1345;
export const DEFAULT_RESIDENTS = 4000;
/** "Now" of the demo data: all dates are before it; "active in the last 90 days" counts back from it. */
export const REFERENCE_DATE = new Date('2026-11-01T00:00:00+08:00');
/** Written into app_meta.demo_data.generatedAt (fixed, so two loads are identical). */
export const DEMO_GENERATED_AT = '2026-11-01T00:00:00+08:00';
const REF_YEAR = 2026;
const DAY = 86_400_000;

/** Verified-hour thresholds of the star levels (1★ 100 h … 5★ 1500 h), in minutes. */
export const STAR_MINUTES = [0, 6_000, 18_000, 36_000, 60_000, 90_000] as const;

export function starForMinutes(minutes: number): number {
  let star = 0;
  for (let s = 1; s < STAR_MINUTES.length; s++) if (minutes >= (STAR_MINUTES[s] as number)) star = s;
  return star;
}

// ---------------------------------------------------------------------------------------------
// Output types

export interface DemoStreet {
  id: string;
  code: string;
  name: string;
  nameBo: string;
  nameEn: string;
  district: string;
}

export interface DemoCommunity {
  id: string;
  code: string;
  name: string;
  nameBo: string;
  nameEn: string;
  kind: 'community' | 'village';
  stationName: string;
  stationAddress: string;
  serviceCenterName: string;
  serviceCenterRooms: string[];
  sortOrder: number;
}

export interface DemoGrid {
  id: string;
  communityId: string;
  code: string;
  name: string;
  nameBo: string;
  gridWorkerPersonId: string;
  partyBranch: string;
  partyContactName: string;
}

export interface DemoUnit {
  id: string;
  name: string;
  nameBo: string;
  kind: UnitKind;
  partyOrg: string;
  creditCode: string;
}

export interface DemoHousehold {
  id: string;
  communityId: string;
  gridId: string;
  address: string;
  createdAt: Date;
}

export interface DemoPerson {
  id: string;
  name: string;
  nameBo: string | null;
  nameInitials: string;
  ethnicity: Ethnicity;
  gender: Gender;
  birthYear: number;
  /** YYYY-MM-DD, consistent with the ID number. */
  birthDate: string;
  /** Clear values: the loader stores them only encrypted / hashed / masked. */
  phone: string;
  idNumber: string;
  communityId: string | null;
  gridId: string | null;
  householdId: string | null;
  isResident: boolean;
  focusTags: FocusTag[];
  proxyNeeded: boolean;
  createdAt: Date;
}

export interface DemoTeam {
  id: string;
  communityId: string | null;
  name: string;
  nameBo: string;
  nameEn: string;
  domains: TeamDomain[];
  leaderPersonId: string;
  slogan: string;
  sloganBo: string;
  story: string;
  storyBo: string;
  foundedOn: string;
}

export interface DemoVolunteer {
  id: string;
  personId: string;
  volunteerNo: string;
  skills: Skill[];
  languages: SpokenLanguage[];
  partyMember: boolean;
  unitId: string | null;
  star: number;
  verifiedMinutes: number;
  lastServiceAt: Date | null;
  status: 'active';
  registeredAt: Date;
}

export interface DemoTeamMember {
  teamId: string;
  volunteerId: string;
  role: 'leader' | 'deputy' | 'member';
  joinedAt: Date;
}

export interface DemoRoleAssignment {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

export interface DemoAccountRow {
  id: string;
  personId: string;
  phone: string;
  roles: DemoRoleAssignment[];
}

export interface DemoData extends DemoProfiles, DemoTeamsParty, DemoDemands {
  seed: number;
  street: DemoStreet;
  communities: DemoCommunity[];
  grids: DemoGrid[];
  units: DemoUnit[];
  households: DemoHousehold[];
  persons: DemoPerson[];
  teams: DemoTeam[];
  volunteers: DemoVolunteer[];
  teamMembers: DemoTeamMember[];
  accounts: DemoAccountRow[];
}

export interface BuildOptions {
  /** Exact number of volunteers (default 1,345). */
  volunteers?: number;
  /** Exact number of residents (is_resident) (default 4,000, in about 1,500 households). */
  residents?: number;
}

// ---------------------------------------------------------------------------------------------
// Small pure helpers

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const minuteFloor = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

function dateBetween(rng: Rng, from: Date | number, to: Date | number): Date {
  const a = typeof from === 'number' ? from : from.getTime();
  const b = typeof to === 'number' ? to : to.getTime();
  if (b <= a) return minuteFloor(a);
  return minuteFloor(a + Math.floor(rng.next() * (b - a)));
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** GB 11643 check character of the first 17 digits of a resident ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] as string;
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckChar(id.slice(0, 17)) === id[17];
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** A 统一社会信用代码 with valid GB 11714 (organization code) and GB 32100 check characters. */
function creditCode(rng: Rng, prefix: string): string {
  const body = Array.from({ length: 8 }, () => rng.int(0, 9));
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const orgSum = body.reduce((s, d, i) => s + d * (orgWeights[i] as number), 0);
  const c9 = 11 - (orgSum % 11);
  const orgCheck = c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const first17 = `${prefix}540102${body.join('')}${orgCheck}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i] as string) * (CREDIT_WEIGHTS[i] as number);
  const c = (31 - (sum % 31)) % 31;
  return first17 + CREDIT_CHARS[c];
}

/** Largest-remainder scaling of the team sizes to a total. */
function scaleSizes(sizes: readonly number[], total: number): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  const raw = sizes.map((s) => (s * total) / sum);
  const out = raw.map((r) => Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

const DOMAIN_SKILLS: Record<TeamDomain, readonly Skill[]> = {
  mediation: ['mediation', 'legal', 'psychological'],
  elderly_care: ['companionship', 'housework', 'cooking', 'haircut', 'medical'],
  child_care: ['tutoring', 'companionship', 'cooking'],
  patrol: ['patrol', 'driving', 'repair'],
  environment: ['cleaning', 'photography'],
  culture: ['performance', 'photography'],
  health: ['medical', 'psychological'],
  legal: ['legal', 'mediation'],
  emergency: ['driving', 'electrician', 'repair', 'medical'],
  neighbourhood: ['repair', 'companionship', 'housework', 'translation'],
  education: ['tutoring', 'computer', 'translation'],
  policy_outreach: ['translation', 'photography', 'computer'],
};

// ---------------------------------------------------------------------------------------------
// The builder

type HouseholdKind =
  | 'single_young'
  | 'couple'
  | 'couple_kids'
  | 'three_gen'
  | 'skip_gen'
  | 'single_parent'
  | 'elderly_couple'
  | 'elderly_alone'
  | 'adult_with_parent';

const HOUSEHOLD_KINDS: readonly (readonly [HouseholdKind, number])[] = [
  ['single_young', 17],
  ['couple', 13],
  ['couple_kids', 36],
  ['three_gen', 13],
  ['skip_gen', 3],
  ['single_parent', 5],
  ['elderly_couple', 6],
  ['elderly_alone', 7],
  ['adult_with_parent', 5],
];

/** One member of a household before naming: relation decides the shared Han surname. */
interface MemberSpec {
  gender: Gender;
  age: number;
  /** 'line' members carry the household's line surname (Han); 'in' members married in. */
  line: boolean;
  leftBehind?: boolean;
  livingAlone?: boolean;
}

export function buildDemoData(seed: number = DEFAULT_SEED, opts: BuildOptions = {}): DemoData {
  const volunteerTotal = opts.volunteers ?? DEFAULT_VOLUNTEERS;
  const residentTarget = opts.residents ?? DEFAULT_RESIDENTS;
  if (!Number.isInteger(volunteerTotal) || volunteerTotal < 200) throw new Error('volunteers must be an integer ≥ 200');
  if (!Number.isInteger(residentTarget) || residentTarget < 100) throw new Error('residents must be an integer ≥ 100');

  const root = createRng(seed);
  const rOrg = root.fork('org');
  const rPeople = root.fork('people');
  const rIds = root.fork('identity');
  const rVol = root.fork('volunteers');
  const rTeams = root.fork('teams');
  const newId = createIdMaker();

  // --- identity: phones and ID numbers, unique, the demo block 1390000xxxx reserved -------------
  const usedPhones = new Set<string>(DEMO_ACCOUNTS.map((a) => a.phone));
  const PHONE_PREFIXES = [
    '130',
    '131',
    '132',
    '133',
    '134',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '155',
    '157',
    '158',
    '159',
    '180',
    '182',
    '183',
    '186',
    '187',
    '188',
    '189',
  ];
  const newPhone = (): string => {
    for (;;) {
      const p = `${rIds.pick(PHONE_PREFIXES)}${pad(rIds.int(0, 99_999_999), 8)}`;
      if (p.startsWith('1390000') || usedPhones.has(p)) continue;
      usedPhones.add(p);
      return p;
    }
  };
  const usedIds = new Set<string>();
  const newIdNumber = (birthYear: number, gender: Gender): { idNumber: string; birthDate: string } => {
    for (;;) {
      const month = rIds.int(1, 12);
      const day = rIds.int(1, daysIn(birthYear, month));
      const seq = rIds.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `540102${birthYear}${pad(month, 2)}${pad(day, 2)}${pad(seq, 3)}`;
      const id = first17 + idCheckChar(first17);
      if (usedIds.has(id)) continue;
      usedIds.add(id);
      return { idNumber: id, birthDate: `${birthYear}-${pad(month, 2)}-${pad(day, 2)}` };
    }
  };

  // --- organization --------------------------------------------------------------------------
  const street: DemoStreet = { ...STREET };
  const communities: DemoCommunity[] = COMMUNITIES.map((c, i) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    nameBo: c.nameBo,
    nameEn: c.nameEn,
    kind: c.kind,
    stationName: c.stationName,
    stationAddress: c.stationAddress,
    serviceCenterName: c.serviceCenterName,
    serviceCenterRooms: [...c.serviceCenterRooms],
    sortOrder: i + 1,
  }));
  const communityById = new Map<string, CommunityFact>(COMMUNITIES.map((c) => [c.id, c]));
  const gridFacts: GridFact[] = COMMUNITIES.flatMap((c) => gridsOf(c));
  const gridIndex = new Map<string, number>();
  for (const c of COMMUNITIES) gridsOf(c).forEach((g, i) => gridIndex.set(g.id, i));
  const units: DemoUnit[] = UNITS.map((u) => ({
    id: u.id,
    name: u.name,
    nameBo: u.nameBo,
    kind: u.kind,
    partyOrg: u.partyOrg,
    creditCode: creditCode(rOrg, u.creditPrefix),
  }));

  const persons: DemoPerson[] = [];
  const personById = new Map<string, DemoPerson>();
  const createdBetween = (rng: Rng) => dateBetween(rng, Date.parse('2024-03-05T09:00:00+08:00'), REFERENCE_DATE.getTime() - 14 * DAY);

  const addPerson = (
    rng: Rng,
    nm: GeneratedName,
    gender: Gender,
    age: number,
    where: { communityId: string | null; gridId: string | null; householdId: string | null; isResident: boolean },
    phone?: string,
  ): DemoPerson => {
    const birthYear = REF_YEAR - age;
    const { idNumber, birthDate } = newIdNumber(birthYear, gender);
    const p: DemoPerson = {
      id: newId('per'),
      name: nm.name,
      nameBo: nm.nameBo,
      nameInitials: nm.nameInitials,
      ethnicity: nm.ethnicity,
      gender,
      birthYear,
      birthDate,
      phone: phone ?? newPhone(),
      idNumber,
      communityId: where.communityId,
      gridId: where.gridId,
      householdId: where.householdId,
      isResident: where.isResident,
      focusTags: [],
      proxyNeeded: false,
      createdAt: createdBetween(rng),
    };
    persons.push(p);
    personById.set(p.id, p);
    return p;
  };

  const demoPhone = (n: number) => (DEMO_ACCOUNTS[n - 1] as (typeof DEMO_ACCOUNTS)[number]).phone;

  // --- staff: demo staff and one grid worker per grid -----------------------------------------
  const staff = (n: number, nm: GeneratedName, gender: Gender, age: number, communityId: string | null, gridId: string | null) =>
    addPerson(rPeople, nm, gender, age, { communityId, gridId, householdId: null, isResident: false }, demoPhone(n));
  const demo01 = staff(1, tibetanNameOf('旦增', '朗杰'), 'male', 46, null, null);
  const demo02 = staff(2, tibetanNameOf('央金', '卓玛'), 'female', 38, SANGYI_ID, null);
  const demo03 = staff(3, hanNameOf('王丽华'), 'female', 43, JIXIANG_ID, null);
  const demoGridId = 'grid_sy_02';
  const demo04 = staff(4, tibetanNameOf('次仁', '多吉'), 'male', 34, SANGYI_ID, demoGridId);
  const demo10 = staff(10, hanNameOf('陈志强'), 'male', 45, null, null);
  const demo11 = staff(11, tibetanNameOf('普布', '顿珠'), 'male', 39, null, null);

  const grids: DemoGrid[] = gridFacts.map((g) => {
    let workerId: string;
    if (g.id === demoGridId) workerId = demo04.id;
    else {
      const gender: Gender = rPeople.chance(0.55) ? 'female' : 'male';
      const nm = personName(rPeople, gender, pickEthnicity(rPeople));
      workerId = addPerson(rPeople, nm, gender, rPeople.int(24, 52), {
        communityId: g.communityId,
        gridId: g.id,
        householdId: null,
        isResident: false,
      }).id;
    }
    const contactGender: Gender = rOrg.chance(0.5) ? 'female' : 'male';
    return {
      id: g.id,
      communityId: g.communityId,
      code: g.code,
      name: g.name,
      nameBo: g.nameBo,
      gridWorkerPersonId: workerId,
      partyBranch: g.partyBranch,
      partyContactName: personName(rOrg, contactGender, pickEthnicity(rOrg)).name,
    };
  });

  // --- households and residents ----------------------------------------------------------------
  const households: DemoHousehold[] = [];
  const gridCounters = new Map<string, number>();
  const newHousehold = (gridId: string): DemoHousehold => {
    const g = gridFacts.find((x) => x.id === gridId) as GridFact;
    const c = communityById.get(g.communityId) as CommunityFact;
    const k = gridCounters.get(gridId) ?? 0;
    gridCounters.set(gridId, k + 1);
    const gi = gridIndex.get(gridId) ?? 0;
    let address: string;
    if (c.kind === 'village' || c.estates.length === 0) {
      address = `${c.name}${gi + 1}组${k + 1}号`;
    } else {
      const estate = c.estates[gi % c.estates.length] as string;
      const building = 1 + Math.floor(k / 24) + (gi >= c.estates.length ? 10 : 0);
      const unit = 1 + Math.floor((k % 24) / 8);
      const floor = 1 + Math.floor((k % 8) / 2);
      address = `${c.name}${estate}${building}栋${unit}单元${floor}0${1 + (k % 2)}室`;
    }
    const h: DemoHousehold = { id: newId('hh'), communityId: c.id, gridId, address, createdAt: createdBetween(rPeople) };
    households.push(h);
    return h;
  };

  const kidsCount = (rng: Rng, eth: Ethnicity) =>
    eth === 'tibetan'
      ? rng.weighted([
          [1, 45],
          [2, 40],
          [3, 15],
        ] as const)
      : rng.weighted([
          [1, 60],
          [2, 40],
        ] as const);
  const kidAges = (rng: Rng, motherAge: number, n: number, maxAge = 24): number[] => {
    const lo = Math.max(0, motherAge - 40);
    const hi = Math.min(maxAge, motherAge - 20);
    if (hi < lo) return [];
    return Array.from({ length: n }, () => rng.int(lo, hi)).sort((a, b) => b - a);
  };
  const randGender = (rng: Rng): Gender => (rng.chance(0.5) ? 'male' : 'female');

  const compose = (rng: Rng, kind: HouseholdKind, eth: Ethnicity): MemberSpec[] => {
    const m: MemberSpec[] = [];
    switch (kind) {
      case 'single_young':
        m.push({ gender: randGender(rng), age: rng.int(19, 42), line: true });
        break;
      case 'couple': {
        const h = rng.int(24, 58);
        m.push({ gender: 'male', age: h, line: true }, { gender: 'female', age: Math.max(22, h - rng.int(-2, 5)), line: false });
        break;
      }
      case 'couple_kids': {
        const h = rng.int(27, 52);
        const w = Math.max(22, h - rng.int(-2, 5));
        m.push({ gender: 'male', age: h, line: true }, { gender: 'female', age: w, line: false });
        for (const a of kidAges(rng, w, kidsCount(rng, eth))) m.push({ gender: randGender(rng), age: a, line: true });
        break;
      }
      case 'three_gen': {
        const gp = rng.int(60, 88);
        const grandma = rng.chance(0.85);
        const grandpa = !grandma || rng.chance(0.55);
        if (grandpa) m.push({ gender: 'male', age: gp, line: true });
        if (grandma) m.push({ gender: 'female', age: Math.max(58, gp - rng.int(-1, 5)), line: !grandpa });
        const h = Math.max(24, gp - rng.int(22, 34));
        const w = Math.max(22, h - rng.int(-2, 5));
        m.push({ gender: 'male', age: h, line: true }, { gender: 'female', age: w, line: false });
        for (const a of kidAges(
          rng,
          w,
          rng.weighted([
            [1, 55],
            [2, 45],
          ] as const),
          18,
        ))
          m.push({ gender: randGender(rng), age: a, line: true });
        break;
      }
      case 'skip_gen': {
        const gp = rng.int(56, 78);
        if (rng.chance(0.7)) m.push({ gender: 'male', age: gp, line: true });
        m.push({ gender: 'female', age: Math.max(54, gp - rng.int(0, 4)), line: m.length === 0 });
        const n = rng.int(1, 2);
        for (let i = 0; i < n; i++) m.push({ gender: randGender(rng), age: rng.int(3, 15), line: true, leftBehind: true });
        break;
      }
      case 'single_parent': {
        const female = rng.chance(0.7);
        const a = rng.int(26, 50);
        m.push({ gender: female ? 'female' : 'male', age: a, line: true });
        for (const k of kidAges(rng, a, rng.int(1, 2), 20)) m.push({ gender: randGender(rng), age: k, line: !female });
        break;
      }
      case 'elderly_couple': {
        const h = rng.int(62, 88);
        m.push({ gender: 'male', age: h, line: true }, { gender: 'female', age: Math.max(60, h - rng.int(-1, 6)), line: false });
        break;
      }
      case 'elderly_alone':
        m.push({ gender: rng.chance(0.65) ? 'female' : 'male', age: rng.int(65, 92), line: true, livingAlone: true });
        break;
      case 'adult_with_parent': {
        const parent = rng.int(68, 92);
        const a = Math.max(35, parent - rng.int(22, 34));
        m.push({ gender: rng.chance(0.75) ? 'female' : 'male', age: parent, line: true });
        m.push({ gender: randGender(rng), age: a, line: true });
        if (rng.chance(0.5))
          m.push({ gender: m[1]?.gender === 'male' ? 'female' : 'male', age: Math.max(30, a - rng.int(-3, 4)), line: false });
        break;
      }
    }
    return m;
  };

  const tagResident = (rng: Rng, p: DemoPerson, spec: MemberSpec, fixedTags?: FocusTag[]) => {
    const age = REF_YEAR - p.birthYear;
    if (fixedTags) {
      p.focusTags = fixedTags;
      return;
    }
    const tags: FocusTag[] = [];
    if (age >= 60) tags.push('elderly');
    if (age < 14) tags.push('child');
    if (age >= 18 && age <= 45 && rng.chance(p.gender === 'male' ? 0.09 : 0.04)) tags.push('new_employment');
    if (rng.chance(age >= 60 ? 0.065 : 0.022)) tags.push('disabled');
    if (spec.leftBehind && age < 16) tags.push('left_behind_child');
    else if (age < 14 && rng.chance(0.02)) tags.push('left_behind_child');
    if (spec.livingAlone && age >= 60) tags.push('living_alone');
    p.focusTags = tags;
    p.proxyNeeded = (age >= 75 && rng.chance(0.8)) || (tags.includes('disabled') && age >= 60 && rng.chance(0.3));
  };

  let residentCount = 0;
  const fillHousehold = (
    rng: Rng,
    h: DemoHousehold,
    specs: MemberSpec[],
    eth: Ethnicity,
    forced?: Map<number, { nm: GeneratedName; phone: string; tags?: FocusTag[] }>,
  ): DemoPerson[] => {
    const lineSurname = hanSurname(rng);
    const out: DemoPerson[] = [];
    specs.forEach((spec, i) => {
      const f = forced?.get(i);
      // A few Han–Tibetan marriages: the married-in spouse of the other nationality.
      const memberEth: Ethnicity = !spec.line && rng.chance(0.06) ? (eth === 'han' ? 'tibetan' : 'han') : eth;
      const nm =
        f?.nm ??
        (memberEth === 'han' ? hanName(rng, spec.gender, spec.line ? lineSurname : undefined) : personName(rng, spec.gender, 'tibetan'));
      const p = addPerson(
        rng,
        nm,
        spec.gender,
        spec.age,
        { communityId: h.communityId, gridId: h.gridId, householdId: h.id, isResident: true },
        f?.phone,
      );
      tagResident(rng, p, spec, f?.tags);
      out.push(p);
      residentCount++;
    });
    return out;
  };

  // Demo residents first, in fixed households.
  const rDemo = root.fork('demo-households');
  const demoHousehold = (
    gridId: string,
    specs: MemberSpec[],
    eth: Ethnicity,
    forced: Map<number, { nm: GeneratedName; phone: string; tags?: FocusTag[] }>,
  ) => fillHousehold(rDemo, newHousehold(gridId), specs, eth, forced);
  const [demo05] = demoHousehold(
    'grid_sy_01',
    [
      { gender: 'female', age: 41, line: false },
      { gender: 'male', age: 44, line: true },
      { gender: 'female', age: 15, line: true },
      { gender: 'male', age: 10, line: true },
    ],
    'tibetan',
    new Map([[0, { nm: tibetanNameOf('白玛', '拉姆'), phone: demoPhone(5), tags: [] }]]),
  ) as [DemoPerson];
  const [demo06] = demoHousehold(
    'grid_sy_03',
    [
      { gender: 'male', age: 29, line: true },
      { gender: 'female', age: 27, line: false },
      { gender: 'female', age: 3, line: true },
    ],
    'tibetan',
    new Map([[0, { nm: tibetanNameOf('扎西', '平措'), phone: demoPhone(6), tags: [] }]]),
  ) as [DemoPerson];
  const [demo07] = demoHousehold(
    'grid_sy_04',
    [
      { gender: 'male', age: 52, line: true },
      { gender: 'female', age: 50, line: false },
      { gender: 'male', age: 24, line: true },
    ],
    'han',
    new Map([[0, { nm: hanNameOf('刘建国'), phone: demoPhone(7), tags: [] }]]),
  ) as [DemoPerson];
  const [demo08] = demoHousehold(
    demoGridId,
    [{ gender: 'female', age: 74, line: true, livingAlone: true }],
    'tibetan',
    new Map([[0, { nm: tibetanNameOf('索朗', '卓玛'), phone: demoPhone(8), tags: ['elderly', 'living_alone'] as FocusTag[] }]]),
  ) as [DemoPerson];
  const [demo09] = demoHousehold(
    'grid_jx_02',
    [
      { gender: 'male', age: 38, line: true },
      { gender: 'female', age: 36, line: false },
      { gender: 'male', age: 8, line: true },
    ],
    'tibetan',
    new Map([[0, { nm: tibetanNameOf('尼玛', '次仁'), phone: demoPhone(9), tags: [] }]]),
  ) as [DemoPerson];
  const demoPersonIds = new Set([demo01, demo02, demo03, demo04, demo05, demo06, demo07, demo08, demo09, demo10, demo11].map((p) => p.id));

  // Then the street's other households until the resident target is reached.
  const gridWeights = gridFacts.map((g) => {
    const c = communityById.get(g.communityId) as CommunityFact;
    return [g.id, (c.householdWeight / c.gridCount) * (0.75 + rOrg.next() * 0.5)] as const;
  });
  while (residentCount < residentTarget) {
    const gridId = rPeople.weighted(gridWeights);
    const eth = pickEthnicity(rPeople);
    let specs = compose(rPeople, rPeople.weighted(HOUSEHOLD_KINDS), eth);
    if (specs.length === 0) continue;
    const room = residentTarget - residentCount;
    if (specs.length > room) specs = specs.slice(0, room);
    fillHousehold(rPeople, newHousehold(gridId), specs, eth);
  }

  // --- volunteers ------------------------------------------------------------------------------
  const teamSizes = scaleSizes(
    TEAMS.map((t) => t.size),
    volunteerTotal,
  );
  const teamById = new Map<string, TeamFact>(TEAMS.map((t) => [t.id, t]));
  const communityWeights = COMMUNITIES.map((c) => [c.id, c.householdWeight] as const);

  // Pools of residents who may volunteer, per community, in a seeded order.
  const pools = new Map<string, DemoPerson[]>();
  for (const c of COMMUNITIES) {
    const eligible = persons.filter((p) => {
      const age = REF_YEAR - p.birthYear;
      return p.isResident && p.communityId === c.id && age >= 16 && age <= 78 && !p.proxyNeeded && !demoPersonIds.has(p.id);
    });
    pools.set(c.id, rVol.shuffle(eligible));
  }
  const takeResident = (communityId: string, ages: readonly [number, number]): DemoPerson | undefined => {
    const pool = pools.get(communityId) ?? [];
    const preferred = rVol.chance(0.85);
    let idx = -1;
    if (preferred) idx = pool.findIndex((p) => REF_YEAR - p.birthYear >= ages[0] && REF_YEAR - p.birthYear <= ages[1]);
    if (idx < 0)
      idx = pool.findIndex((p) => REF_YEAR - p.birthYear >= Math.max(16, ages[0] - 15) && REF_YEAR - p.birthYear <= ages[1] + 10);
    if (idx < 0) return undefined;
    return pool.splice(idx, 1)[0];
  };

  interface VolDraft {
    person: DemoPerson;
    teamId: string;
    homeCommunityId: string;
    partyMember: boolean;
    unitId: string | null;
    star?: number;
    minutes?: number;
    demo?: number;
  }
  const drafts: VolDraft[] = [];
  const slots: string[] = [];
  TEAMS.forEach((t, i) => {
    for (let k = 0; k < (teamSizes[i] as number); k++) slots.push(t.id);
  });
  // Demo volunteers take four of the slots of their teams.
  const takeSlot = (teamId: string) => {
    const i = slots.indexOf(teamId);
    if (i < 0) throw new Error(`no slot left in ${teamId}`);
    slots.splice(i, 1);
  };
  for (const [p, teamId, n] of [
    [demo05, BUGU_TEAM_ID, 5],
    [demo06, BUGU_TEAM_ID, 6],
    [demo07, BUGU_TEAM_ID, 7],
    [demo09, 'team_hongshiliu', 9],
  ] as const) {
    takeSlot(teamId);
    drafts.push({
      person: p,
      teamId,
      homeCommunityId: p.communityId as string,
      partyMember: n === 9,
      unitId: n === 9 ? DEMO_UNIT_ID : null,
      star: n === 5 ? 3 : n === 6 ? 1 : n === 9 ? 2 : 0,
      minutes: n === 5 ? 41_250 : n === 6 ? 7_920 : n === 9 ? 21_480 : 840,
      demo: n,
    });
  }
  const unitForTeam = new Map(UNITS.map((u) => [u.teamId, u.id] as const));
  for (const teamId of rVol.shuffle(slots)) {
    const team = teamById.get(teamId) as TeamFact;
    const home = team.communityId ?? rVol.weighted(communityWeights);
    let person = rVol.chance(0.82) ? takeResident(home, team.ages) : undefined;
    const resident = person !== undefined;
    if (!person) {
      const gender = randGender(rVol);
      const age = rVol.int(Math.max(18, team.ages[0]), Math.min(65, team.ages[1]));
      person = addPerson(rVol, personName(rVol, gender, pickEthnicity(rVol)), gender, age, {
        communityId: home,
        gridId: null,
        householdId: null,
        isResident: false,
      });
    }
    const age = REF_YEAR - person.birthYear;
    const teamUnit = unitForTeam.get(teamId);
    // 在职党员 (in-service party members of co-building units), more often among non-residents
    // and in the team their unit pairs with; retired party members mostly in "银发".
    let partyMember = false;
    let unitId: string | null = null;
    if (age >= 23 && age <= 58) {
      const p = (teamUnit ? 0.16 : 0.035) + (resident ? 0 : 0.06);
      if (rVol.chance(p)) {
        partyMember = true;
        unitId = teamUnit && rVol.chance(0.8) ? teamUnit : rVol.pick(UNITS).id;
      }
    } else if (age >= 60 && rVol.chance(teamId === 'team_yinfa' ? 0.2 : 0.01)) {
      partyMember = true;
    }
    drafts.push({ person, teamId, homeCommunityId: home, partyMember, unitId });
  }

  // Stars, minutes, dates.
  const STAR_WEIGHTS = [
    [0, 56],
    [1, 25],
    [2, 10.5],
    [3, 5],
    [4, 2.2],
    [5, 1.3],
  ] as const;
  const REGISTER_RANGES: Record<number, readonly [string, string]> = {
    0: ['2021-01-01', '2026-10-25'],
    1: ['2020-06-01', '2025-06-30'],
    2: ['2019-06-01', '2024-06-30'],
    3: ['2019-03-05', '2023-06-30'],
    4: ['2019-03-05', '2022-12-31'],
    5: ['2019-03-05', '2021-12-31'],
  };
  const refMs = REFERENCE_DATE.getTime();
  interface VolFull extends VolDraft {
    star: number;
    minutes: number;
    registeredAt: Date;
    lastServiceAt: Date | null;
  }
  const full: VolFull[] = drafts.map((d) => {
    const star = d.star ?? rVol.weighted(STAR_WEIGHTS);
    let minutes: number;
    if (d.minutes !== undefined) minutes = d.minutes;
    else if (star === 0) minutes = rVol.chance(0.2) ? 0 : rVol.int(1, 199) * 30;
    else {
      const lo = STAR_MINUTES[star] as number;
      const hi = star < 5 ? (STAR_MINUTES[star + 1] as number) - 30 : 130_000;
      minutes = lo + rVol.int(0, Math.floor((hi - lo) / 30)) * 30;
    }
    const [from, to] = REGISTER_RANGES[star] as readonly [string, string];
    const registeredAt = dateBetween(rVol, Date.parse(`${from}T09:00:00+08:00`), Date.parse(`${to}T18:00:00+08:00`));
    let lastServiceAt: Date | null = null;
    if (minutes > 0) {
      const recentFrom = Math.max(registeredAt.getTime(), refMs - 90 * DAY);
      const activeP = star >= 2 ? 0.85 : 0.66;
      if (d.demo !== undefined || registeredAt.getTime() >= refMs - 90 * DAY || rVol.chance(activeP)) {
        lastServiceAt = dateBetween(rVol, recentFrom, refMs - 3_600_000);
      } else {
        lastServiceAt = dateBetween(rVol, Math.max(registeredAt.getTime(), refMs - 720 * DAY), refMs - 91 * DAY);
      }
    }
    return { ...d, star, minutes, registeredAt, lastServiceAt };
  });
  // Ids and numbers in registration order: DD<year>-<serial>.
  full.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || (a.person.id < b.person.id ? -1 : 1));
  const volunteers: DemoVolunteer[] = [];
  const volByPerson = new Map<string, DemoVolunteer>();
  const homeOfVol = new Map<string, string>();
  const primaryTeamOf = new Map<string, string>();
  full.forEach((f, i) => {
    const age = REF_YEAR - f.person.birthYear;
    const team = teamById.get(f.teamId) as TeamFact;
    const skills = new Set<Skill>([rVol.pick(DOMAIN_SKILLS[rVol.pick(team.domains)])]);
    const extra = rVol.weighted([
      [0, 40],
      [1, 40],
      [2, 20],
    ] as const);
    for (let k = 0; k < extra; k++) skills.add(rVol.chance(0.6) ? rVol.pick(DOMAIN_SKILLS[rVol.pick(team.domains)]) : rVol.pick(SKILLS));
    const languages: SpokenLanguage[] = f.person.ethnicity === 'tibetan' ? ['bo', 'zh'] : rVol.chance(0.12) ? ['zh', 'bo'] : ['zh'];
    if (rVol.chance(age < 35 ? 0.15 : 0.03)) languages.push('en');
    if (f.person.ethnicity === 'tibetan' && !skills.has('translation') && skills.size < 3 && rVol.chance(0.08)) skills.add('translation');
    const v: DemoVolunteer = {
      id: newId('vol'),
      personId: f.person.id,
      volunteerNo: `DD${new Date(f.registeredAt.getTime() + 8 * 3_600_000).getUTCFullYear()}-${pad(i + 1, 5)}`,
      skills: [...skills],
      languages,
      partyMember: f.partyMember,
      unitId: f.unitId,
      star: f.star,
      verifiedMinutes: f.minutes,
      lastServiceAt: f.lastServiceAt,
      status: 'active',
      registeredAt: f.registeredAt,
    };
    volunteers.push(v);
    volByPerson.set(f.person.id, v);
    homeOfVol.set(v.id, f.homeCommunityId);
    primaryTeamOf.set(v.id, f.teamId);
    // A volunteer's person record exists at latest when they registered.
    if (f.person.createdAt.getTime() > f.registeredAt.getTime()) f.person.createdAt = f.registeredAt;
  });

  // --- team membership, leaders, deputies --------------------------------------------------------
  const members = new Map<string, { v: DemoVolunteer; primary: boolean }[]>(TEAMS.map((t) => [t.id, []]));
  for (const v of volunteers)
    (members.get(primaryTeamOf.get(v.id) as string) as { v: DemoVolunteer; primary: boolean }[]).push({ v, primary: true });
  const demoVolIds = new Set([demo05, demo06, demo07, demo09].map((p) => (volByPerson.get(p.id) as DemoVolunteer).id));
  for (const v of volunteers) {
    if (demoVolIds.has(v.id) || !rTeams.chance(0.11)) continue;
    const home = homeOfVol.get(v.id);
    const options = TEAMS.filter(
      (t) =>
        t.id !== primaryTeamOf.get(v.id) && (t.communityId === null || t.communityId === home) && (members.get(t.id)?.length ?? 0) < 150,
    );
    if (options.length === 0) continue;
    const t = rTeams.pick(options);
    (members.get(t.id) as { v: DemoVolunteer; primary: boolean }[]).push({ v, primary: false });
  }

  const teamMembers: DemoTeamMember[] = [];
  const teams: DemoTeam[] = TEAMS.map((t) => {
    const list = members.get(t.id) as { v: DemoVolunteer; primary: boolean }[];
    const ranked = list
      .filter((m) => m.primary && !demoVolIds.has(m.v.id))
      .sort((a, b) => b.v.star - a.v.star || b.v.verifiedMinutes - a.v.verifiedMinutes || (a.v.id < b.v.id ? -1 : 1));
    let leader: DemoVolunteer;
    if (t.id === BUGU_TEAM_ID) leader = volByPerson.get(demo05.id) as DemoVolunteer;
    else if (ranked.length > 0) leader = rTeams.pick(ranked.slice(0, 5)).v;
    else if (list[0]) leader = list[0].v;
    else throw new Error(`team ${t.id} has no members`);
    const deputyPool = ranked.filter((m) => m.v.id !== leader.id).slice(0, 10);
    const deputies = new Set(rTeams.sample(deputyPool, rTeams.int(1, 2)).map((m) => m.v.id));
    const founded = Date.parse(`${t.foundedOn}T10:00:00+08:00`);
    for (const m of list) {
      const role = m.v.id === leader.id ? 'leader' : deputies.has(m.v.id) ? 'deputy' : 'member';
      const from = Math.max(m.v.registeredAt.getTime(), founded);
      const to = Math.min(from + (m.primary ? 45 : 400) * DAY, refMs - DAY);
      teamMembers.push({ teamId: t.id, volunteerId: m.v.id, role, joinedAt: dateBetween(rTeams, from, Math.max(from, to)) });
    }
    return {
      id: t.id,
      communityId: t.communityId,
      name: t.name,
      nameBo: t.nameBo,
      nameEn: t.nameEn,
      domains: [...t.domains],
      leaderPersonId: leader.personId,
      slogan: t.slogan,
      sloganBo: t.sloganBo,
      story: t.story,
      storyBo: t.storyBo,
      foundedOn: t.foundedOn,
    };
  });

  // --- demo accounts -----------------------------------------------------------------------------
  const demoPersons = [demo01, demo02, demo03, demo04, demo05, demo06, demo07, demo08, demo09, demo10, demo11];
  const scopes: [Role, ScopeType, string][][] = [
    [['street_admin', 'street', street.id]],
    [['community_admin', 'community', SANGYI_ID]],
    [['community_admin', 'community', JIXIANG_ID]],
    [['grid_worker', 'grid', demoGridId]],
    [
      ['team_leader', 'team', BUGU_TEAM_ID],
      ['volunteer', 'street', street.id],
    ],
    [['volunteer', 'street', street.id]],
    [['volunteer', 'street', street.id]],
    [['resident', 'grid', demoGridId]],
    [
      ['volunteer', 'street', street.id],
      ['party_member', 'community', JIXIANG_ID],
    ],
    [['unit_admin', 'unit', DEMO_UNIT_ID]],
    [['merchant', 'street', street.id]],
  ];
  const accounts: DemoAccountRow[] = DEMO_ACCOUNTS.map((a, i) => {
    const n = pad(i + 1, 2);
    return {
      id: `acc_demo_${n}`,
      personId: (demoPersons[i] as DemoPerson).id,
      phone: a.phone,
      roles: (scopes[i] as [Role, ScopeType, string][]).map(([role, scopeType, scopeId], k) => ({
        id: `ra_demo_${n}_${k + 1}`,
        role,
        scopeType,
        scopeId,
      })),
    };
  });

  // --- profile extras (0002): availability, consents, guardians, insurance --------------------------
  const profiles = buildVolunteerProfiles(root.fork('profiles'), {
    refYear: REF_YEAR,
    referenceDate: REFERENCE_DATE,
    volunteers,
    persons,
    teamMembers,
    teams,
    demoVolunteerIds: new Map(([[5, demo05], [6, demo06], [7, demo07], [9, demo09]] as const).map(([n, p]) => [n, (volByPerson.get(p.id) as DemoVolunteer).id])),
  });

  // --- teams and party members (0003): applications, invitations, party reports ------------------
  const teamsParty = buildTeamsParty(root.fork('teams-party'), {
    referenceDate: REFERENCE_DATE,
    buguTeamId: BUGU_TEAM_ID,
    volunteers,
    persons,
    grids,
    teamMembers,
    demoVolunteerIds: new Map(([[5, demo05], [6, demo06], [7, demo07], [9, demo09]] as const).map(([n, p]) => [n, (volByPerson.get(p.id) as DemoVolunteer).id])),
    accounts: {
      buguLeader: 'acc_demo_05',
      streetAdmin: 'acc_demo_01',
      communityAdmins: new Map([
        [SANGYI_ID, 'acc_demo_02'],
        [JIXIANG_ID, 'acc_demo_03'],
      ]),
    },
    demoPartyMember: { communityId: JIXIANG_ID, gridId: 'grid_jx_02', unitId: DEMO_UNIT_ID },
  });

  // --- demands (0005): a year of orders in every status -------------------------------------------
  const volOf = (p: { id: string }) => (volByPerson.get(p.id) as DemoVolunteer).id;
  const demandsData = buildDemands(root.fork('demands'), {
    referenceDate: REFERENCE_DATE,
    count: 360,
    residents: persons.filter((p) => p.isResident),
    teams,
    teamMembers,
    buguTeamId: BUGU_TEAM_ID,
    demoResidentPersonId: demo08.id,
    demoVolunteers: new Map([
      ['acc_demo_06', volOf(demo06)],
      ['acc_demo_07', volOf(demo07)],
    ]),
    accounts: {
      streetAdmin: 'acc_demo_01',
      communityAdmins: new Map([
        [SANGYI_ID, 'acc_demo_02'],
        [JIXIANG_ID, 'acc_demo_03'],
      ]),
      gridWorkers: new Map([['grid_sy_02', 'acc_demo_04']]),
      teamLeaders: new Map([[BUGU_TEAM_ID, 'acc_demo_05']]),
      demoResident: 'acc_demo_08',
    },
  });

  return { seed, street, communities, grids, units, households, persons, teams, volunteers, teamMembers, accounts, ...profiles, ...teamsParty, ...demandsData };
}
