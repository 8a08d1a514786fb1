import crypto from 'node:crypto';
import {
  FOCUS_TAGS,
  isSensitiveFocusTag,
  birthDateFromResidentId,
  genderFromResidentId,
  maskIdNumber,
  maskPhone,
  type FocusTag,
  type Household,
  type HouseholdCreate,
  type HouseholdUpdate,
  type ResidentCreate,
  type ResidentListItem,
  type ResidentMove,
  type ResidentUpdate,
} from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { requireActor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './residents.repository.js';
import { assertReasonForSensitiveTags, gridInScope, residentWriteScopeOf, sensitiveTagChanges } from './residents.policy.js';
import { auditResident, auditTags, presentHousehold, presentResidentRow } from './residents.presenter.js';
import { nameInitialsOf } from '../../platform/text/name-initials.js';

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

/** The focus tags of a person, decrypted; unknown values (from a newer version) are dropped. */
export function decodeFocusTags(deps: Deps, enc: string | null): FocusTag[] {
  if (!enc) return [];
  const parsed = JSON.parse(deps.crypto.decrypt(enc)) as unknown;
  return Array.isArray(parsed) ? parsed.filter((t): t is FocusTag => (FOCUS_TAGS as readonly string[]).includes(t as string)) : [];
}

/** Focus tags stored as the seed stores them: one ciphertext of the JSON list plus a blind index per tag. */
export function encodeFocusTags(deps: Deps, tags: readonly FocusTag[]): { focusTagsEnc: string | null; focusTagIndex: string[] } {
  const sorted = FOCUS_TAGS.filter((t) => tags.includes(t));
  return {
    focusTagsEnc: sorted.length > 0 ? deps.crypto.encrypt(JSON.stringify(sorted)) : null,
    focusTagIndex: sorted.map((t) => deps.crypto.blindIndex('focus', t)),
  };
}

/** Phone stored as ciphertext, blind index and mask (DR-21); null clears all three. */
function encodePhone(deps: Deps, phone: string | null) {
  return phone === null
    ? { phoneEnc: null, phoneHash: null, phoneMasked: null }
    : { phoneEnc: deps.crypto.encrypt(phone), phoneHash: deps.crypto.blindIndex('phone', phone), phoneMasked: maskPhone(phone) };
}

/**
 * Answers with the resident as `GET /residents/{id}` shows them; when that shows a sensitive focus
 * tag it is a full view of sensitive data and goes to the access log (DR-21), as in the lists.
 */
async function answer(
  tx: Tx,
  actor: Actor,
  person: repo.PersonRow,
  address: string | null,
  tags: FocusTag[],
  year: number,
  purpose: string,
) {
  if (tags.some(isSensitiveFocusTag)) {
    await repo.insertAccessLog(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      personId: person.id,
      field: 'focus_tags',
      purpose,
    });
  }
  return presentResidentRow(person, address, tags, year);
}

/** The grid of a write: 404 when it is not a grid of the street, 403 when it lies outside the caller's scope. */
async function gridForWrite(tx: Tx, actor: Actor, scope: ReturnType<typeof residentWriteScopeOf>, gridId: string) {
  const grid = await repo.findGrid(tx, actor.streetId, gridId);
  if (!grid) throw new AppError('not_found');
  if (!gridInScope(scope, { gridId: grid.id, communityId: grid.communityId })) throw new AppError('forbidden');
  return grid;
}

/** An existing household to put a resident in: 404 unless in the street and scope; it must lie in `gridId`. */
async function householdForWrite(
  tx: Tx,
  actor: Actor,
  scope: ReturnType<typeof residentWriteScopeOf>,
  householdId: string,
  gridId: string,
) {
  const household = await repo.findHousehold(tx, actor.streetId, householdId);
  if (!household || !gridInScope(scope, household)) throw new AppError('not_found');
  if (household.gridId !== gridId) {
    throw new AppError('validation_failed', {}, { fields: [{ field: 'householdId', key: 'household_not_in_grid' }] });
  }
  return household;
}

/**
 * Adds a resident to a grid, in an existing household or a new one; the ID number must be unique in
 * the street; a sensitive focus tag needs a reason. Audited with masked values.
 * @throws unauthenticated | forbidden | not_found | validation_failed | duplicate_id_number
 */
export async function createResident(deps: Deps, actorOrNone: Actor | undefined, input: ResidentCreate): Promise<ResidentListItem> {
  const actor = requireActor(actorOrNone);
  const scope = residentWriteScopeOf(actor);
  assertReasonForSensitiveTags([], input.focusTags, input.reason);
  const idType = input.idNumber ? (input.idType ?? 'resident_id') : null;
  const idNumber = input.idNumber?.trim().toUpperCase();
  const now = deps.now();
  try {
    return await withTransaction(deps.db, async (tx) => {
      const grid = await gridForWrite(tx, actor, scope, input.gridId);
      let household = input.householdId ? await householdForWrite(tx, actor, scope, input.householdId, grid.id) : undefined;
      let idHash: string | null = null;
      if (idNumber) {
        idHash = deps.crypto.blindIndex('id', idNumber);
        if (await repo.findPersonIdByIdHash(tx, actor.streetId, idHash)) throw new AppError('duplicate_id_number');
      }
      if (!household) {
        household = await repo.insertHousehold(tx, {
          id: newId('hh'),
          streetId: actor.streetId,
          communityId: grid.communityId,
          gridId: grid.id,
          address: input.address!,
          createdAt: now,
        });
        await appendAudit(tx, {
          streetId: actor.streetId,
          actorAccountId: actor.accountId,
          action: 'household.create',
          entityType: 'household',
          entityId: household.id,
          newValue: { gridId: grid.id, communityId: grid.communityId, address: household.address },
        });
      }
      const birthDate = idType === 'resident_id' && idNumber ? birthDateFromResidentId(idNumber) : null;
      const person = await repo.insertPerson(tx, {
        id: newId('per'),
        streetId: actor.streetId,
        name: input.name,
        nameInitials: nameInitialsOf(input.name),
        nameBo: input.nameBo ?? null,
        gender: idType === 'resident_id' && idNumber ? genderFromResidentId(idNumber) : null,
        birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null,
        birthDate,
        ...encodePhone(deps, input.phone ?? null),
        idType,
        idNumberEnc: idNumber ? deps.crypto.encrypt(idNumber) : null,
        idNumberHash: idHash,
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
        communityId: grid.communityId,
        gridId: grid.id,
        householdId: household.id,
        isResident: true,
        ...encodeFocusTags(deps, input.focusTags),
        proxyNeeded: input.proxyNeeded,
        createdAt: now,
        updatedAt: now,
      });
      await appendAudit(tx, {
        streetId: actor.streetId,
        actorAccountId: actor.accountId,
        action: 'resident.create',
        entityType: 'person',
        entityId: person.id,
        newValue: auditResident(person, input.focusTags, deps.crypto.encrypt),
        ...(input.reason ? { reason: input.reason } : {}),
      });
      return answer(tx, actor, person, household.address, input.focusTags, now.getFullYear(), 'resident_create');
    });
  } catch (err) {
    // Two registrations of one ID at the same moment: the unique index decides.
    const constraint = uniqueViolation(err);
    if (constraint !== undefined && (constraint === '' || constraint.startsWith('persons_id_number')))
      throw new AppError('duplicate_id_number');
    throw err;
  }
}

/** The resident as the caller may change them: 404 outside the street, outside the scope, or not a resident. */
async function residentForWrite(tx: Tx, actor: Actor, scope: ReturnType<typeof residentWriteScopeOf>, id: string) {
  const row = await repo.findResident(tx, actor.streetId, id);
  if (!row || !gridInScope(scope, row.person)) throw new AppError('not_found');
  return row;
}

/**
 * Changes a resident's name, phone, focus tags or proxy flag (代办). Adding or removing a sensitive
 * tag needs a reason. Audited: only the changed fields, old → new, masked.
 * @throws unauthenticated | forbidden | not_found | validation_failed | conflict
 */
export async function updateResident(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  input: ResidentUpdate,
): Promise<ResidentListItem> {
  const actor = requireActor(actorOrNone);
  const scope = residentWriteScopeOf(actor);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const { person, address } = await residentForWrite(tx, actor, scope, id);
    const oldTags = decodeFocusTags(deps, person.focusTagsEnc);
    const newTags = input.focusTags ? FOCUS_TAGS.filter((t) => input.focusTags!.includes(t)) : oldTags;
    assertReasonForSensitiveTags(oldTags, newTags, input.reason);

    const set: Parameters<typeof repo.updatePerson>[1]['set'] = {};
    const oldValue: Record<string, unknown> = {};
    const newValue: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== person.name) {
      set.name = input.name;
      set.nameInitials = nameInitialsOf(input.name);
      oldValue.name = person.name;
      newValue.name = input.name;
    }
    if (
      input.phone !== undefined &&
      (input.phone === null ? person.phoneHash !== null : deps.crypto.blindIndex('phone', input.phone) !== person.phoneHash)
    ) {
      Object.assign(set, encodePhone(deps, input.phone));
      oldValue.phoneMasked = person.phoneMasked;
      newValue.phoneMasked = input.phone === null ? null : maskPhone(input.phone);
    }
    if (input.focusTags !== undefined && newTags.join() !== oldTags.join()) {
      Object.assign(set, encodeFocusTags(deps, newTags));
      Object.assign(oldValue, auditTags(oldTags, deps.crypto.encrypt));
      Object.assign(newValue, auditTags(newTags, deps.crypto.encrypt));
    }
    if (input.proxyNeeded !== undefined && input.proxyNeeded !== person.proxyNeeded) {
      set.proxyNeeded = input.proxyNeeded;
      oldValue.proxyNeeded = person.proxyNeeded;
      newValue.proxyNeeded = input.proxyNeeded;
    }
    if (Object.keys(set).length === 0) return answer(tx, actor, person, address, oldTags, now.getFullYear(), 'resident_update');

    const updated = await repo.updatePerson(tx, {
      id,
      expect: { name: person.name, phoneHash: person.phoneHash, focusTagsEnc: person.focusTagsEnc, proxyNeeded: person.proxyNeeded },
      set,
      now,
    });
    if (!updated) throw new AppError('conflict');
    const sensitive = sensitiveTagChanges(oldTags, newTags).length > 0;
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: sensitive ? 'resident.update_sensitive' : 'resident.update',
      entityType: 'person',
      entityId: id,
      oldValue,
      newValue,
      ...(input.reason ? { reason: input.reason } : {}),
    });
    return answer(tx, actor, updated, address, newTags, now.getFullYear(), 'resident_update');
  });
}

/**
 * Moves a resident to another grid (which must lie in the caller's scope too), into a household
 * of that grid, a new household at `address`, or none. Audited.
 * @throws unauthenticated | forbidden | not_found | validation_failed | conflict
 */
export async function moveResident(deps: Deps, actorOrNone: Actor | undefined, id: string, input: ResidentMove): Promise<ResidentListItem> {
  const actor = requireActor(actorOrNone);
  const scope = residentWriteScopeOf(actor);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const { person, address: oldAddress } = await residentForWrite(tx, actor, scope, id);
    const grid = await gridForWrite(tx, actor, scope, input.gridId);
    let household = input.householdId ? await householdForWrite(tx, actor, scope, input.householdId, grid.id) : undefined;
    if (!household && input.address) {
      household = await repo.insertHousehold(tx, {
        id: newId('hh'),
        streetId: actor.streetId,
        communityId: grid.communityId,
        gridId: grid.id,
        address: input.address,
        createdAt: now,
      });
      await appendAudit(tx, {
        streetId: actor.streetId,
        actorAccountId: actor.accountId,
        action: 'household.create',
        entityType: 'household',
        entityId: household.id,
        newValue: { gridId: grid.id, communityId: grid.communityId, address: household.address },
      });
    }
    const tags = decodeFocusTags(deps, person.focusTagsEnc);
    const target = { gridId: grid.id, communityId: grid.communityId, householdId: household?.id ?? null };
    if (target.gridId === person.gridId && target.householdId === person.householdId) {
      return answer(tx, actor, person, oldAddress, tags, now.getFullYear(), 'resident_move');
    }
    const updated = await repo.updatePerson(tx, {
      id,
      expect: { gridId: person.gridId, householdId: person.householdId },
      set: target,
      now,
    });
    if (!updated) throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'resident.move',
      entityType: 'person',
      entityId: id,
      oldValue: { gridId: person.gridId, communityId: person.communityId, householdId: person.householdId },
      newValue: target,
      ...(input.reason ? { reason: input.reason } : {}),
    });
    return answer(tx, actor, updated, household?.address ?? null, tags, now.getFullYear(), 'resident_move');
  });
}

/**
 * Adds a household (户) to a grid in the caller's scope. Audited.
 * @throws unauthenticated | forbidden | not_found
 */
export async function createHousehold(deps: Deps, actorOrNone: Actor | undefined, input: HouseholdCreate): Promise<Household> {
  const actor = requireActor(actorOrNone);
  const scope = residentWriteScopeOf(actor);
  return withTransaction(deps.db, async (tx) => {
    const grid = await gridForWrite(tx, actor, scope, input.gridId);
    const household = await repo.insertHousehold(tx, {
      id: newId('hh'),
      streetId: actor.streetId,
      communityId: grid.communityId,
      gridId: grid.id,
      address: input.address,
      createdAt: deps.now(),
    });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'household.create',
      entityType: 'household',
      entityId: household.id,
      newValue: { gridId: grid.id, communityId: grid.communityId, address: household.address },
    });
    return presentHousehold(household, 0);
  });
}

/**
 * Changes a household's address. Audited, old → new.
 * @throws unauthenticated | forbidden | not_found | conflict
 */
export async function updateHousehold(deps: Deps, actorOrNone: Actor | undefined, id: string, input: HouseholdUpdate): Promise<Household> {
  const actor = requireActor(actorOrNone);
  const scope = residentWriteScopeOf(actor);
  return withTransaction(deps.db, async (tx) => {
    const household = await repo.findHousehold(tx, actor.streetId, id);
    if (!household || !gridInScope(scope, household)) throw new AppError('not_found');
    const members = await repo.countHouseholdMembers(tx, id);
    if (household.address === input.address) return presentHousehold(household, members);
    const updated = await repo.updateHouseholdAddress(tx, { id, from: household.address, to: input.address });
    if (!updated) throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'household.update',
      entityType: 'household',
      entityId: id,
      oldValue: { address: household.address },
      newValue: { address: updated.address },
    });
    return presentHousehold(updated, members);
  });
}
