/**
 * Volunteer profile extras of the demo data (migration 0002): weekly availability, consents for
 * every volunteer, guardians of the volunteers who are minors, and insurance records (current and
 * expired). Pure and deterministic, drawn from its own fork so the rest of the data is unchanged.
 */
import { ageOn } from '@duodi/contracts';
import { personName, pickEthnicity } from './names.js';
import type { Rng } from './random.js';

export interface DemoAvailability {
  volunteerId: string;
  weekday: number;
  fromMinute: number;
  toMinute: number;
}

export interface DemoConsent {
  personId: string;
  kind: 'privacy_policy' | 'sensitive_data' | 'public_display' | 'guardian';
  version: string;
  givenAt: Date;
}

export interface DemoGuardian {
  volunteerId: string;
  name: string;
  /** Clear value: the loader stores it only encrypted / hashed / masked. */
  phone: string;
  consentAt: Date;
}

export interface DemoInsurance {
  id: string;
  volunteerId: string;
  insurer: string;
  policyNo: string;
  /** Dates (shifted with the rest of the data); the loader stores the Asia/Shanghai calendar date. */
  validFrom: Date;
  validTo: Date;
}

export interface DemoProfiles {
  availability: DemoAvailability[];
  consents: DemoConsent[];
  guardians: DemoGuardian[];
  insurance: DemoInsurance[];
}

export const PRIVACY_POLICY_VERSION = '2024.1';

const INSURERS = [
  '中国人民财产保险股份有限公司拉萨市分公司',
  '中国平安财产保险股份有限公司西藏分公司',
  '中国太平洋财产保险股份有限公司西藏分公司',
] as const;

/** Teams whose work carries risk (patrol, emergency): most of their members are insured. */
const RISKY_DOMAINS = new Set(['patrol', 'emergency']);

const DAY = 86_400_000;
const h = (hours: number, minutes = 0) => hours * 60 + minutes;

interface ProfileInput {
  refYear: number;
  referenceDate: Date;
  volunteers: readonly { id: string; personId: string; registeredAt: Date }[];
  persons: readonly { id: string; name: string; birthYear: number; birthDate: string; phone: string; householdId: string | null }[];
  teamMembers: readonly { teamId: string; volunteerId: string }[];
  teams: readonly { id: string; domains: readonly string[] }[];
  /** Demo volunteers by demo number (5, 6, 7, 9): fixed insurance for the demo journeys. */
  demoVolunteerIds: ReadonlyMap<number, string>;
}

/** Availability windows that fit a volunteer's age: retirees on weekday mornings, workers evenings and weekends. */
function windowsFor(rng: Rng, age: number): { weekday: number; fromMinute: number; toMinute: number }[] {
  const out = new Map<string, { weekday: number; fromMinute: number; toMinute: number }>();
  const add = (weekday: number, fromMinute: number, toMinute: number) => out.set(`${weekday}-${fromMinute}`, { weekday, fromMinute, toMinute });
  if (age >= 60) {
    for (const d of rng.sample([1, 2, 3, 4, 5], rng.int(2, 4))) add(d, h(9), h(rng.pick([11, 12])));
    if (rng.chance(0.4)) add(rng.pick([6, 7]), h(15), h(17, 30));
  } else if (age < 23) {
    const [from, to] = rng.pick([[h(9), h(12)], [h(14), h(18)]] as const);
    add(6, from, to);
    if (rng.chance(0.6)) add(7, h(14), h(17));
  } else {
    if (rng.chance(0.8)) add(rng.pick([6, 7]), h(rng.pick([9, 10])), h(12));
    if (rng.chance(0.5)) add(rng.pick([6, 7]), h(14), h(rng.pick([17, 18])));
    for (const d of rng.sample([1, 2, 3, 4, 5], rng.int(0, 2))) add(d, h(19), h(21));
  }
  if (out.size === 0) add(6, h(9), h(12));
  return [...out.values()].sort((a, b) => a.weekday - b.weekday || a.fromMinute - b.fromMinute);
}

const policyNo = (rng: Rng, year: number) => `PEAC${year}5401${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

export function buildVolunteerProfiles(rng: Rng, input: ProfileInput): DemoProfiles {
  const personById = new Map(input.persons.map((p) => [p.id, p]));
  const householdAdults = new Map<string, { name: string; phone: string; birthYear: number }[]>();
  for (const p of input.persons) {
    if (!p.householdId || input.refYear - p.birthYear < 25) continue;
    const list = householdAdults.get(p.householdId) ?? [];
    list.push(p);
    householdAdults.set(p.householdId, list);
  }
  const teamDomains = new Map(input.teams.map((t) => [t.id, t.domains]));
  const riskyVolunteers = new Set(
    input.teamMembers.filter((m) => (teamDomains.get(m.teamId) ?? []).some((d) => RISKY_DOMAINS.has(d))).map((m) => m.volunteerId),
  );
  const refMs = input.referenceDate.getTime();
  const demoNumberOf = new Map([...input.demoVolunteerIds].map(([n, id]) => [id, n]));

  const availability: DemoAvailability[] = [];
  const consents: DemoConsent[] = [];
  const guardians: DemoGuardian[] = [];
  const insurance: DemoInsurance[] = [];
  let insuranceSerial = 0;
  const addInsurance = (volunteerId: string, validFrom: number, validTo: number) => {
    insuranceSerial++;
    insurance.push({
      id: `ins_${String(insuranceSerial).padStart(6, '0')}`,
      volunteerId,
      insurer: rng.pick(INSURERS),
      policyNo: policyNo(rng, new Date(validFrom).getUTCFullYear()),
      validFrom: new Date(validFrom),
      validTo: new Date(validTo),
    });
  };

  for (const v of input.volunteers) {
    const person = personById.get(v.personId);
    if (!person) throw new Error(`volunteer ${v.id} has no person`);
    const age = input.refYear - person.birthYear;
    for (const w of windowsFor(rng, age)) availability.push({ volunteerId: v.id, ...w });

    const at = v.registeredAt;
    consents.push({ personId: v.personId, kind: 'privacy_policy', version: PRIVACY_POLICY_VERSION, givenAt: at });
    consents.push({ personId: v.personId, kind: 'sensitive_data', version: PRIVACY_POLICY_VERSION, givenAt: at });
    if (rng.chance(0.6)) consents.push({ personId: v.personId, kind: 'public_display', version: PRIVACY_POLICY_VERSION, givenAt: at });

    // DR-02: a volunteer who was under 18 when registering did so with a guardian's consent (an adult of the household).
    if (ageOn(person.birthDate, new Date(at.getTime() + 8 * 3_600_000)) < 18) {
      const adults = person.householdId ? (householdAdults.get(person.householdId) ?? []) : [];
      // Without an adult in the household (or no household), a parent living elsewhere.
      const guardian = adults.find((a) => a.name !== person.name) ?? {
        name: personName(rng, rng.chance(0.5) ? 'female' : 'male', pickEthnicity(rng)).name,
        phone: `1398900${String(guardians.length).padStart(4, '0')}`,
      };
      const consentAt = new Date(at.getTime() - rng.int(1, 7) * DAY);
      guardians.push({ volunteerId: v.id, name: guardian.name, phone: guardian.phone, consentAt });
      consents.push({ personId: v.personId, kind: 'guardian', version: PRIVACY_POLICY_VERSION, givenAt: consentAt });
    }

    // Insurance: the demo volunteers fixed (05, 06, 09 current; 07 expired), others of risky teams mostly.
    const demo = demoNumberOf.get(v.id);
    if (demo !== undefined) {
      if (demo === 7) addInsurance(v.id, refMs - 500 * DAY, refMs - 135 * DAY);
      else addInsurance(v.id, refMs - 120 * DAY, refMs + 245 * DAY);
    } else if (riskyVolunteers.has(v.id) ? rng.chance(0.7) : rng.chance(0.04)) {
      const start = refMs - rng.int(30, 700) * DAY;
      addInsurance(v.id, start, start + 364 * DAY);
    }
  }
  return { availability, consents, guardians, insurance };
}
