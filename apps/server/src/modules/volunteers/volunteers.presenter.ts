import { ageOn, type Availability, type InsuranceRecord, type VolunteerProfile } from '@duodi/contracts';
import type { insuranceRecords, persons, volunteerGuardians, volunteers } from '../../schema/index.js';
import type { ViewLevel } from './volunteers.policy.js';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Asia/Shanghai (YYYY-MM-DD): ages, insurance validity and volunteer-number years use it. */
export const shanghaiDate = (now: Date): string => new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** Age in whole years on the Asia/Shanghai date of `now`. */
export const ageInShanghai = (birthDate: string, now: Date): number => ageOn(birthDate, new Date(now.getTime() + SHANGHAI_OFFSET_MS));

export const hhmmToMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const minutesToHhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function presentAvailability(rows: { weekday: number; fromMinute: number; toMinute: number }[]): Availability[] {
  return rows.map((r) => ({ weekday: r.weekday, from: minutesToHhmm(r.fromMinute), to: minutesToHhmm(Math.min(r.toMinute, 1439)) }));
}

export function presentInsurance(r: typeof insuranceRecords.$inferSelect, today: string): InsuranceRecord {
  return { id: r.id, insurer: r.insurer, policyNo: r.policyNo, validFrom: r.validFrom, validTo: r.validTo, current: r.validFrom <= today && today <= r.validTo };
}

export interface ProfileParts {
  volunteer: typeof volunteers.$inferSelect;
  person: typeof persons.$inferSelect;
  teams: { id: string; name: string; role: 'leader' | 'deputy' | 'member' }[];
  availability: { weekday: number; fromMinute: number; toMinute: number }[];
  insurance: (typeof insuranceRecords.$inferSelect)[];
  guardian: typeof volunteerGuardians.$inferSelect | undefined;
}

/**
 * A volunteer profile as the caller may see it (see volunteers.policy.ts): the phone is always a
 * mask; the ID mask and the guardian only for the volunteer and staff in scope; a team leader
 * sees no ID at all. The full ID is only ever returned by /id-number.
 */
export function presentProfile(p: ProfileParts, level: ViewLevel, now: Date): VolunteerProfile {
  const { volunteer: v, person } = p;
  const full = level === 'self' || level === 'staff';
  const today = shanghaiDate(now);
  const age = person.birthDate ? ageInShanghai(person.birthDate, now) : person.birthYear ? Number(today.slice(0, 4)) - person.birthYear : null;
  return {
    id: v.id,
    volunteerNo: v.volunteerNo,
    personId: person.id,
    name: person.name,
    nameBo: person.nameBo,
    gender: person.gender,
    age,
    idType: full ? person.idType : null,
    idNumberMasked: full ? person.idNumberMasked : null,
    phoneMasked: person.phoneMasked,
    communityId: person.communityId,
    gridId: person.gridId,
    skills: v.skills as VolunteerProfile['skills'],
    languages: v.languages as VolunteerProfile['languages'],
    availability: presentAvailability(p.availability),
    teams: p.teams,
    partyMember: v.partyMember,
    unitId: v.unitId,
    star: v.star,
    verifiedMinutes: v.verifiedMinutes,
    insurance: p.insurance.map((r) => presentInsurance(r, today)),
    guardian: full && p.guardian ? { name: p.guardian.name, phoneMasked: p.guardian.phoneMasked, consentAt: p.guardian.consentAt.toISOString() } : null,
    registeredAt: v.registeredAt.toISOString(),
    status: v.status,
  };
}
