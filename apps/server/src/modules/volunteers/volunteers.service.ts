import crypto from 'node:crypto';
import {
  birthDateFromResidentId,
  genderFromResidentId,
  maskIdNumber,
  maskName,
  maskPhone,
  type DeletionRequest,
  type IdType,
  type InsuranceCreate,
  type InsuranceRecord,
  type MyDataExport,
  type Skill,
  type VolunteerListItem,
  type VolunteerProfile,
  type VolunteerRegistration,
  type VolunteerUpdate,
} from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { communitiesInView, requireActor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { accountDataOf, grantRole, revokeAccountAccess } from '../accounts/index.js';
import { buildExportWorkbook } from './export-workbook.js';
import {
  assertCanEdit,
  assertCanManageInsurance,
  assertCanView,
  assertGridForStaff,
  assertIdNumberRole,
  assertIdNumberScope,
  deletionScopeOf,
  isRegistrar,
  isStaffInScope,
  type VolunteerPlace,
} from './volunteers.policy.js';
import { ageInShanghai, hhmmToMinutes, presentAvailability, presentInsurance, presentProfile, shanghaiDate } from './volunteers.presenter.js';
import * as repo from './volunteers.repository.js';
import { nameInitialsOf } from '../../platform/text/name-initials.js';

/**
 * The volunteer registry, filtered and paginated; names are masked for callers outside the
 * volunteer's community (street admins see all); phone and ID masks only for staff in scope.
 * @throws unauthenticated | validation_failed (bad cursor)
 */
export async function listVolunteers(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { communityId?: string; teamId?: string; skill?: Skill; q?: string; limit: number; cursor?: string },
): Promise<{ items: VolunteerListItem[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const afterNo = decodeCursor(input.cursor, 1)?.[0] as string | undefined;
  const rows = await repo.listVolunteers(deps.db, {
    streetId: actor.streetId,
    limit: input.limit,
    ...(input.communityId ? { communityId: input.communityId } : {}),
    ...(input.teamId ? { teamId: input.teamId } : {}),
    ...(input.skill ? { skill: input.skill } : {}),
    ...(input.q ? { q: input.q } : {}),
    ...(afterNo ? { afterNo } : {}),
  });
  const page = pageFrom(rows, input.limit, (r) => [r.volunteerNo]);
  const inView = communitiesInView(actor);
  const visible = (communityId: string | null) => inView === 'all' || (communityId !== null && inView.has(communityId));
  return {
    items: page.items.map((r) => {
      const staff = isStaffInScope(actor, { personId: '', communityId: r.communityId, gridId: r.gridId, teamIds: r.teamIds });
      return {
        id: r.id,
        volunteerNo: r.volunteerNo,
        name: visible(r.communityId) ? r.name : maskName(r.name),
        nameBo: r.nameBo === null ? null : visible(r.communityId) ? r.nameBo : maskName(r.nameBo),
        communityId: r.communityId,
        teamIds: r.teamIds,
        skills: r.skills as VolunteerListItem['skills'],
        languages: r.languages as VolunteerListItem['languages'],
        star: r.star,
        verifiedMinutes: r.verifiedMinutes,
        phoneMasked: staff ? r.phoneMasked : null,
        idNumberMasked: staff ? r.idNumberMasked : null,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

// ---------------------------------------------------------------------------------------------
// Registration

/** DD<year>-<serial>: the demo data's pattern, the serial counting on over all years. */
export const formatVolunteerNo = (year: string, serial: number) => `DD${year}-${String(serial).padStart(5, '0')}`;

const fieldError = (field: string, key: string) => new AppError('validation_failed', {}, { fields: [{ field, key }] });

async function gridOf(tx: Tx, actor: Actor, gridId: string) {
  const grid = await repo.findGrid(tx, gridId);
  if (!grid || grid.streetId !== actor.streetId) throw fieldError('gridId', 'invalid_value');
  return grid;
}

/** Availability windows as stored: minutes of the day, duplicates dropped. */
const windowsOf = (availability: { weekday: number; from: string; to: string }[]) =>
  [...new Map(availability.map((w) => [`${w.weekday}-${w.from}`, { weekday: w.weekday, fromMinute: hhmmToMinutes(w.from), toMinute: hhmmToMinutes(w.to) }])).values()];

function sensitive(deps: Deps, kind: 'phone' | 'id', value: string) {
  return {
    enc: deps.crypto.encrypt(value),
    hash: deps.crypto.blindIndex(kind, value),
    masked: kind === 'phone' ? maskPhone(value) : maskIdNumber(value),
  };
}

/**
 * `POST /volunteers`: registers the caller (their person becomes a volunteer and their account
 * gets the `volunteer` role, audited) or, for a registrar (street admin; community admin for the
 * grids of their community; grid worker for their grid), someone else as a new person.
 * DR-01: one volunteer per (ID type, ID number), found by blind index. DR-02: under 18 needs a
 * guardian with consentAt and a consent of kind `guardian`. DR-21: ID, phone and guardian phone
 * are stored as ciphertext + blind index + mask only.
 * @throws unauthenticated | forbidden | validation_failed | duplicate_id_number | conflict | guardian_consent_required
 */
export async function registerVolunteer(deps: Deps, actorOrNone: Actor | undefined, input: VolunteerRegistration): Promise<{ id: string; volunteerNo: string }> {
  const actor = requireActor(actorOrNone);
  const registrar = isRegistrar(actor);
  const self = input.forSelf ?? !registrar;
  if (!self && !registrar) throw new AppError('forbidden');

  const now = deps.now();
  const idType: IdType = input.idType;
  const idNumber = input.idNumber.trim().toUpperCase();
  const birthDate = idType === 'resident_id' ? birthDateFromResidentId(idNumber) : (input.birthDate ?? null);
  if (!birthDate) throw fieldError(idType === 'resident_id' ? 'idNumber' : 'birthDate', idType === 'resident_id' ? 'id_birth_date' : 'birth_date_required');
  const age = ageInShanghai(birthDate, now);
  if (age < 0) throw fieldError(idType === 'resident_id' ? 'idNumber' : 'birthDate', idType === 'resident_id' ? 'id_birth_date' : 'invalid');
  const gender = idType === 'resident_id' ? genderFromResidentId(idNumber) : (input.gender ?? null);

  const attempt = () =>
    withTransaction(deps.db, async (tx) => {
      const grid = await gridOf(tx, actor, input.gridId);
      if (!self) assertGridForStaff(actor, grid);
      // DR-02: a minor (under 14, and 14–17) registers only with a recorded guardian consent.
      if (age < 18 && !(input.guardian && input.consents.some((c) => c.kind === 'guardian'))) {
        throw new AppError('guardian_consent_required', { age });
      }

      const id = sensitive(deps, 'id', idNumber);
      const holder = await repo.findPersonByIdNumber(tx, { streetId: actor.streetId, idType, idNumberHash: id.hash });
      let personId: string;
      if (self) {
        const person = await repo.findPerson(tx, actor.personId);
        if (!person) throw new AppError('unauthenticated');
        if (await repo.findVolunteerOfPerson(tx, person.id)) throw new AppError('conflict', { reason: 'already_volunteer' });
        if (holder && holder.personId !== person.id) throw new AppError('duplicate_id_number');
        if (person.idNumberHash && person.idNumberHash !== id.hash) throw new AppError('conflict', { reason: 'id_on_file_differs' });
        personId = person.id;
      } else {
        if (holder) throw new AppError('duplicate_id_number');
        personId = `per_${crypto.randomUUID()}`;
      }

      const serial = await repo.nextVolunteerSerial(tx, actor.streetId);
      const volunteerNo = formatVolunteerNo(shanghaiDate(now).slice(0, 4), serial);
      const phone = sensitive(deps, 'phone', input.phone);
      const personFields = {
        name: input.name,
        nameInitials: nameInitialsOf(input.name),
        nameBo: input.nameBo ?? null,
        gender,
        birthYear: Number(birthDate.slice(0, 4)),
        birthDate,
        phoneEnc: phone.enc,
        phoneHash: phone.hash,
        phoneMasked: phone.masked,
        idType,
        idNumberEnc: id.enc,
        idNumberHash: id.hash,
        idNumberMasked: id.masked,
        communityId: grid.communityId,
        gridId: grid.id,
        updatedAt: now,
      };
      if (self) await repo.updatePerson(tx, personId, personFields);
      else await repo.insertPerson(tx, { id: personId, streetId: actor.streetId, createdAt: now, ...personFields });

      const volunteerId = `vol_${crypto.randomUUID()}`;
      await repo.insertVolunteer(tx, {
        id: volunteerId,
        streetId: actor.streetId,
        personId,
        volunteerNo,
        skills: [...new Set(input.skills)],
        languages: [...new Set(input.languages)],
        registeredAt: now,
      });
      await repo.replaceAvailability(tx, { volunteerId, streetId: actor.streetId, windows: windowsOf(input.availability) });
      if (input.guardian) {
        const gPhone = sensitive(deps, 'phone', input.guardian.phone);
        await repo.insertGuardian(tx, {
          volunteerId,
          streetId: actor.streetId,
          name: input.guardian.name,
          phoneEnc: gPhone.enc,
          phoneHash: gPhone.hash,
          phoneMasked: gPhone.masked,
          consentAt: new Date(input.guardian.consentAt),
          createdAt: now,
        });
      }
      await repo.insertConsents(
        tx,
        input.consents.map((c) => ({
          streetId: actor.streetId,
          personId,
          kind: c.kind,
          version: c.version,
          givenAt: c.kind === 'guardian' && input.guardian ? new Date(input.guardian.consentAt) : now,
          recordedByAccountId: actor.accountId,
        })),
      );
      if (self) {
        await grantRole(tx, {
          streetId: actor.streetId,
          accountId: actor.accountId,
          role: 'volunteer',
          scopeType: 'street',
          scopeId: actor.streetId,
          byAccountId: actor.accountId,
          reason: 'volunteer self-registration',
        });
      }
      await appendAudit(tx, {
        streetId: actor.streetId,
        actorAccountId: actor.accountId,
        action: 'volunteer.register',
        entityType: 'volunteer',
        entityId: volunteerId,
        newValue: { volunteerNo, personId, gridId: grid.id, self, minor: age < 18 },
      });
      return { id: volunteerId, volunteerNo };
    });

  try {
    return await attempt();
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === undefined) throw err;
    // Lost a race: the same ID number registered at the same moment (PostgreSQL only; PGlite runs
    // transactions one at a time, so the look-up above already saw the first one).
    if (constraint === 'persons_id_number_uq') throw new AppError('duplicate_id_number');
    throw new AppError('conflict', { reason: 'registered_meanwhile' });
  }
}

// ---------------------------------------------------------------------------------------------
// Profiles

async function loadVolunteer(tx: Tx, actor: Actor, id: string) {
  const row = await repo.findVolunteerDetail(tx, { streetId: actor.streetId, id });
  if (!row) throw new AppError('not_found');
  const place: VolunteerPlace = { personId: row.person.id, communityId: row.person.communityId, gridId: row.person.gridId, teamIds: row.teamIds };
  return { ...row, place };
}

async function profileOf(deps: Deps, tx: Tx, row: Awaited<ReturnType<typeof loadVolunteer>>, level: 'self' | 'staff' | 'team'): Promise<VolunteerProfile> {
  const [teams, availability, insurance, guardian] = await Promise.all([
    repo.listTeamsOfVolunteer(tx, row.volunteer.id),
    repo.listAvailability(tx, row.volunteer.id),
    repo.listInsurance(tx, { volunteerId: row.volunteer.id, limit: 50 }),
    repo.findGuardian(tx, row.volunteer.id),
  ]);
  return presentProfile(
    { volunteer: row.volunteer, person: row.person, teams: teams.map((t) => ({ id: t.id, name: t.name, role: t.role })), availability, insurance: insurance.slice(0, 50), guardian },
    level,
    deps.now(),
  );
}

/**
 * `GET /volunteers/{id}`: the profile, masked by the caller's rights (volunteers.policy.ts).
 * @throws unauthenticated | not_found (unknown or outside the caller's scope)
 */
export async function getVolunteerProfile(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<VolunteerProfile> {
  const actor = requireActor(actorOrNone);
  const row = await loadVolunteer(deps.db, actor, id);
  const level = assertCanView(actor, row.place);
  return profileOf(deps, deps.db, row, level);
}

/**
 * `GET /volunteers/{id}/id-number`: the full ID number for need-to-know roles (street admin;
 * community admin of the volunteer's community). Every view writes access_log (DR-21); a refused
 * one writes nothing.
 * @throws unauthenticated | forbidden | not_found
 */
export async function getVolunteerIdNumber(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<{ idType: IdType; idNumber: string }> {
  const actor = requireActor(actorOrNone);
  assertIdNumberRole(actor);
  return withTransaction(deps.db, async (tx) => {
    const row = await loadVolunteer(tx, actor, id);
    assertIdNumberScope(actor, row.place);
    const { idType, idNumberEnc } = row.person;
    if (!idType || !idNumberEnc) throw new AppError('not_found');
    const idNumber = deps.crypto.decrypt(idNumberEnc);
    await repo.insertAccessLog(tx, { streetId: actor.streetId, actorAccountId: actor.accountId, personId: row.person.id, field: 'id_number', purpose: 'volunteer_id_number', at: deps.now() });
    return { idType, idNumber };
  });
}

/**
 * `PATCH /volunteers/{id}`: the volunteer edits their own profile, or staff in scope do; a move to
 * another grid by staff must stay within their scope. Audited without personal values.
 * @throws unauthenticated | forbidden | not_found | validation_failed
 */
export async function updateVolunteerProfile(deps: Deps, actorOrNone: Actor | undefined, id: string, input: VolunteerUpdate): Promise<VolunteerProfile> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  await withTransaction(deps.db, async (tx) => {
    const row = await loadVolunteer(tx, actor, id);
    assertCanEdit(actor, row.place);
    if (row.volunteer.status === 'deleted') throw new AppError('not_found');
    const self = actor.personId === row.person.id;
    const personPatch: Parameters<typeof repo.updatePerson>[2] = { updatedAt: now };
    const oldValue: Record<string, unknown> = {};
    const newValue: Record<string, unknown> = {};
    if (input.gridId !== undefined && input.gridId !== row.person.gridId) {
      const grid = await gridOf(tx, actor, input.gridId);
      if (!self) assertGridForStaff(actor, grid);
      personPatch.gridId = grid.id;
      personPatch.communityId = grid.communityId;
      oldValue.gridId = row.person.gridId;
      newValue.gridId = grid.id;
    }
    if (input.nameBo !== undefined) {
      personPatch.nameBo = input.nameBo;
      newValue.nameBo = 'changed';
    }
    if (input.phone !== undefined) {
      const phone = sensitive(deps, 'phone', input.phone);
      Object.assign(personPatch, { phoneEnc: phone.enc, phoneHash: phone.hash, phoneMasked: phone.masked });
      newValue.phone = 'changed';
    }
    await repo.updatePerson(tx, row.person.id, personPatch);
    const volunteerPatch: Parameters<typeof repo.updateVolunteer>[2] = {};
    if (input.skills !== undefined) {
      volunteerPatch.skills = [...new Set(input.skills)];
      oldValue.skills = row.volunteer.skills;
      newValue.skills = volunteerPatch.skills;
    }
    if (input.languages !== undefined) {
      volunteerPatch.languages = [...new Set(input.languages)];
      oldValue.languages = row.volunteer.languages;
      newValue.languages = volunteerPatch.languages;
    }
    if (Object.keys(volunteerPatch).length) await repo.updateVolunteer(tx, row.volunteer.id, volunteerPatch);
    if (input.availability !== undefined) {
      oldValue.availability = presentAvailability(await repo.listAvailability(tx, row.volunteer.id));
      await repo.replaceAvailability(tx, { volunteerId: row.volunteer.id, streetId: actor.streetId, windows: windowsOf(input.availability) });
      newValue.availability = input.availability;
    }
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'volunteer.update',
      entityType: 'volunteer',
      entityId: row.volunteer.id,
      oldValue,
      newValue,
      reason: self ? 'self' : 'staff',
    });
  });
  return getVolunteerProfile(deps, actor, id);
}

// ---------------------------------------------------------------------------------------------
// Insurance

/**
 * `GET /volunteers/{id}/insurance`: newest cover first.
 * @throws unauthenticated | not_found | validation_failed (bad cursor)
 */
export async function listVolunteerInsurance(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  input: { limit: number; cursor?: string },
): Promise<{ items: InsuranceRecord[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const after = decodeCursor(input.cursor, 2) as [string, string] | undefined;
  const row = await loadVolunteer(deps.db, actor, id);
  assertCanManageInsurance(actor, row.place);
  const rows = await repo.listInsurance(deps.db, { volunteerId: row.volunteer.id, limit: input.limit, ...(after ? { after } : {}) });
  const page = pageFrom(rows, input.limit, (r) => [r.validTo, r.id]);
  const today = shanghaiDate(deps.now());
  return { items: page.items.map((r) => presentInsurance(r, today)), nextCursor: page.nextCursor };
}

/**
 * `POST /volunteers/{id}/insurance`: records a personal accident policy (条例 Art. 17), audited.
 * @throws unauthenticated | not_found
 */
export async function addVolunteerInsurance(deps: Deps, actorOrNone: Actor | undefined, id: string, input: InsuranceCreate): Promise<InsuranceRecord> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  const created = await withTransaction(deps.db, async (tx) => {
    const row = await loadVolunteer(tx, actor, id);
    assertCanManageInsurance(actor, row.place);
    if (row.volunteer.status === 'deleted') throw new AppError('not_found');
    const record = await repo.insertInsurance(tx, {
      id: `ins_${crypto.randomUUID()}`,
      streetId: actor.streetId,
      volunteerId: row.volunteer.id,
      insurer: input.insurer,
      policyNo: input.policyNo,
      validFrom: input.validFrom,
      validTo: input.validTo,
      createdByAccountId: actor.accountId,
      createdAt: now,
    });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'insurance.add',
      entityType: 'volunteer',
      entityId: row.volunteer.id,
      newValue: { insuranceId: record.id, insurer: record.insurer, validFrom: record.validFrom, validTo: record.validTo },
    });
    return record;
  });
  return presentInsurance(created, shanghaiDate(now));
}

// ---------------------------------------------------------------------------------------------
// PIPL: export and deletion

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * `GET /me/export`: everything the platform holds about the caller, unmasked (their own data).
 * The export itself is recorded in access_log (field `all`, purpose `self_export`).
 * @throws unauthenticated
 */
export async function exportMyData(deps: Deps, actorOrNone: Actor | undefined): Promise<MyDataExport> {
  const actor = requireActor(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const person = await repo.findPerson(tx, actor.personId);
    if (!person) throw new AppError('unauthenticated');
    const accountData = await accountDataOf(tx, actor.accountId, now);
    const volunteer = await repo.findVolunteerOfPerson(tx, person.id);
    const [teams, availability, guardian, insurance, consents, accessLog, deletions] = await Promise.all([
      volunteer ? repo.listTeamsOfVolunteer(tx, volunteer.id) : [],
      volunteer ? repo.listAvailability(tx, volunteer.id) : [],
      volunteer ? repo.findGuardian(tx, volunteer.id) : undefined,
      volunteer ? repo.listInsurance(tx, { volunteerId: volunteer.id, limit: 10_000 }) : [],
      repo.listConsents(tx, person.id),
      repo.listAccessLogAbout(tx, person.id),
      repo.listDeletionRequestsOfPerson(tx, person.id),
    ]);
    const decrypt = (v: string | null) => (v ? deps.crypto.decrypt(v) : null);
    const today = shanghaiDate(now);
    await repo.insertAccessLog(tx, { streetId: actor.streetId, actorAccountId: actor.accountId, personId: person.id, field: 'all', purpose: 'self_export', at: now });
    return {
      exportedAt: now.toISOString(),
      person: {
        id: person.id,
        name: person.name,
        nameBo: person.nameBo,
        gender: person.gender,
        birthDate: person.birthDate,
        idType: person.idType,
        idNumber: decrypt(person.idNumberEnc),
        phone: decrypt(person.phoneEnc),
        communityId: person.communityId,
        gridId: person.gridId,
        householdId: person.householdId,
        createdAt: person.createdAt.toISOString(),
      },
      account: accountData.account,
      roles: accountData.roles,
      volunteer: volunteer
        ? {
            id: volunteer.id,
            volunteerNo: volunteer.volunteerNo,
            skills: volunteer.skills,
            languages: volunteer.languages,
            partyMember: volunteer.partyMember,
            unitId: volunteer.unitId,
            star: volunteer.star,
            verifiedMinutes: volunteer.verifiedMinutes,
            status: volunteer.status,
            registeredAt: volunteer.registeredAt.toISOString(),
            availability: presentAvailability(availability),
            guardian: guardian ? { name: guardian.name, phone: decrypt(guardian.phoneEnc), consentAt: guardian.consentAt.toISOString() } : null,
          }
        : null,
      teams: teams.map((t) => ({ id: t.id, name: t.name, role: t.role, joinedAt: t.joinedAt.toISOString() })),
      consents: consents.map((c) => ({ kind: c.kind, version: c.version, givenAt: c.givenAt.toISOString(), withdrawnAt: iso(c.withdrawnAt) })),
      insurance: insurance.map((r) => presentInsurance(r, today)),
      sessions: accountData.sessions,
      accessLog: accessLog.map((a) => ({ at: a.at.toISOString(), field: a.field, purpose: a.purpose, byAccountId: a.actorAccountId })),
      deletionRequests: deletions.map((d) => ({ id: d.id, status: d.status, requestedAt: d.requestedAt.toISOString(), completedAt: iso(d.completedAt) })),
    };
  });
}

/** `GET /me/export?format=xlsx`: the same data as a workbook, one sheet per section. */
export async function exportMyDataWorkbook(deps: Deps, actor: Actor | undefined): Promise<Buffer> {
  return buildExportWorkbook(await exportMyData(deps, actor));
}

type DeletionRow = NonNullable<Awaited<ReturnType<typeof repo.findDeletionRequest>>>;

function presentDeletion(r: DeletionRow): DeletionRequest {
  return {
    id: r.request.id,
    personId: r.request.personId,
    volunteerId: r.volunteerId,
    volunteerNo: r.volunteerNo,
    name: r.name,
    communityId: r.communityId,
    status: r.request.status,
    requestedAt: r.request.requestedAt.toISOString(),
    completedAt: iso(r.request.completedAt),
  };
}

/**
 * `POST /me/deletion-request`: the caller asks for their data to be deleted (PIPL Art. 47); a
 * second request while one is pending returns the pending one.
 * @throws unauthenticated
 */
export async function requestDeletion(deps: Deps, actorOrNone: Actor | undefined): Promise<DeletionRequest> {
  const actor = requireActor(actorOrNone);
  const attempt = () =>
    withTransaction(deps.db, async (tx) => {
      const pending = await repo.findPendingDeletion(tx, actor.personId);
      const id = pending?.id ?? `del_${crypto.randomUUID()}`;
      if (!pending) {
        await repo.insertDeletionRequest(tx, { id, streetId: actor.streetId, personId: actor.personId, accountId: actor.accountId, requestedAt: deps.now() });
      }
      return presentDeletion((await repo.findDeletionRequest(tx, { streetId: actor.streetId, id }))!);
    });
  try {
    return await attempt();
  } catch (err) {
    if (uniqueViolation(err) === 'deletion_requests_pending_uq') return attempt();
    throw err;
  }
}

/**
 * `GET /deletion-requests`: street admins see all, community admins those of their community.
 * @throws unauthenticated | forbidden | validation_failed (bad cursor)
 */
export async function listDeletionRequests(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { status?: 'pending' | 'completed'; limit: number; cursor?: string },
): Promise<{ items: DeletionRequest[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const communityIds = deletionScopeOf(actor);
  const after = decodeCursor(input.cursor, 2) as [string, string] | undefined;
  const rows = await repo.listDeletionRequests(deps.db, {
    streetId: actor.streetId,
    communityIds,
    limit: input.limit,
    ...(input.status ? { status: input.status } : {}),
    ...(after ? { after } : {}),
  });
  const page = pageFrom(rows, input.limit, (r) => [r.request.requestedAt.toISOString(), r.request.id]);
  return { items: page.items.map(presentDeletion), nextCursor: page.nextCursor };
}

/** The pseudonym of a deleted person: the volunteer number keeps ledgers and records readable. */
export const pseudonymOf = (volunteerNo: string | null, personId: string) => (volunteerNo ? `已注销志愿者 #${volunteerNo}` : `已注销用户 #${personId.slice(-6)}`);

/**
 * `POST /deletion-requests/{id}/complete`: pseudonymises the person (name → "已注销志愿者 #<no>";
 * phone, ID, birth date, guardian and focus data cleared with their blind indexes), withdraws
 * consents, revokes sessions and roles and disables the account. Volunteer id, number, verified
 * minutes and star stay, so ledgers and service records remain intact. Audited.
 * @throws unauthenticated | forbidden | not_found | conflict (already completed)
 */
export async function completeDeletion(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<DeletionRequest> {
  const actor = requireActor(actorOrNone);
  const communityIds = deletionScopeOf(actor);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const found = await repo.findDeletionRequest(tx, { streetId: actor.streetId, id });
    if (!found || (communityIds !== 'all' && (!found.communityId || !communityIds.includes(found.communityId)))) throw new AppError('not_found');
    const done = await repo.completeDeletionRequest(tx, { id, byAccountId: actor.accountId, now });
    if (!done) throw new AppError('conflict', { reason: 'already_completed' });

    const personId = found.request.personId;
    const volunteer = await repo.findVolunteerOfPerson(tx, personId);
    const pseudonym = pseudonymOf(volunteer?.volunteerNo ?? null, personId);
    await repo.updatePerson(tx, personId, {
      name: pseudonym,
      nameBo: null,
      nameInitials: '',
      gender: null,
      birthYear: null,
      birthDate: null,
      phoneEnc: null,
      phoneHash: null,
      phoneMasked: null,
      idType: null,
      idNumberEnc: null,
      idNumberHash: null,
      idNumberMasked: null,
      householdId: null,
      focusTagsEnc: null,
      focusTagIndex: [],
      proxyNeeded: false,
      pseudonymisedAt: now,
      updatedAt: now,
    });
    if (volunteer) {
      await repo.updateVolunteer(tx, volunteer.id, { status: 'deleted' });
      await repo.replaceAvailability(tx, { volunteerId: volunteer.id, streetId: actor.streetId, windows: [] });
      await repo.clearGuardian(tx, volunteer.id);
    }
    await repo.withdrawConsents(tx, personId, now);
    await revokeAccountAccess(tx, { personId, byAccountId: actor.accountId, now, reason: `PIPL deletion request ${id}` });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'person.pseudonymise',
      entityType: 'person',
      entityId: personId,
      oldValue: volunteer ? { volunteerId: volunteer.id, volunteerNo: volunteer.volunteerNo, status: volunteer.status, verifiedMinutes: volunteer.verifiedMinutes, star: volunteer.star } : null,
      newValue: { name: pseudonym, volunteerStatus: volunteer ? 'deleted' : null },
      reason: `PIPL deletion request ${id}`,
    });
    return presentDeletion((await repo.findDeletionRequest(tx, { streetId: actor.streetId, id }))!);
  });
}
