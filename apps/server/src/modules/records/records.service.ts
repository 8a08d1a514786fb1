import crypto from 'node:crypto';
import {
  maskName,
  type Correction,
  type CorrectionCreate,
  type CorrectionResolve,
  type ManualRecordCreate,
  type PointRules,
  type ServiceRecord,
  type ServiceRecordQuery,
  type ServiceRecordStatus,
  type VolunteerSummary,
} from '@duodi/contracts';
import { hasRole, requireActor, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { uniqueViolation } from '../../platform/db/pg-errors.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { personBalance } from '../ledger/index.js';
import { notify } from '../notifications/index.js';
import { creditRecord, uncreditRecord, type HoursChange } from './credit.service.js';
import { canDecide, canSeeRecord, canSeeVolunteer, decideScope, isRecordStaff, seesFullName } from './records.policy.js';
import { recordsCsv, recordsWorkbook, type ExportRow } from './records-export.js';
import { isoOrNull } from '../../platform/http/time.js';
import { presentCorrection, presentRecord } from './records.presenter.js';
import * as repo from './records.repository.js';
import { rulesOf } from './point-rules.service.js';
import { addWorkingDays, nextStarMinutes } from './star.js';

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;
type Page<T> = { items: T[]; nextCursor: string | null };

/* ---------- loading with access checks ---------- */

interface Loaded {
  record: repo.RecordRow;
  volunteer: repo.VolunteerPlaceRow;
}

/** The record as the caller may see it: 404 when it does not exist for them. */
async function loadRecord(tx: Tx, actor: Actor, id: string): Promise<Loaded> {
  const record = await repo.findRecord(tx, actor.streetId, id);
  if (!record) throw new AppError('not_found');
  const volunteer = await repo.volunteerPlace(tx, actor.streetId, record.volunteerId);
  if (!volunteer || !canSeeRecord(actor, record, volunteer.personId)) throw new AppError('not_found');
  return { record, volunteer };
}

/** Only who ran it confirms it (谁记录谁证明): others who see it get 403. */
function assertDecider(actor: Actor, record: repo.RecordRow): void {
  if (!canDecide(actor, record)) throw new AppError('forbidden');
}

function assertVolunteerSelf(actor: Actor, l: Loaded): void {
  if (l.volunteer.personId !== actor.personId) throw new AppError('forbidden');
}

const assertRecordDecider = (actor: Actor, l: Loaded): void => assertDecider(actor, l.record);

/**
 * One transaction on a record the caller sees (404 otherwise), once `allowed` (who may act on it, 403
 * otherwise: `assertRecordDecider` or `assertVolunteerSelf`) passed.
 */
async function onRecord<T>(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  allowed: (actor: Actor, l: Loaded) => void,
  work: (tx: Tx, actor: Actor, l: Loaded) => Promise<T>,
): Promise<T> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const l = await loadRecord(tx, actor, id);
    allowed(actor, l);
    return work(tx, actor, l);
  });
}

async function present(tx: Tx, actor: Actor, l: Loaded): Promise<ServiceRecord> {
  const open = await repo.openRequests(tx, [l.record.id]);
  return presentRecord(actor, l.record, {
    volunteerName: l.volunteer.name,
    volunteerPersonId: l.volunteer.personId,
    volunteerCommunityId: l.volunteer.communityId,
    openRequest: open.get(l.record.id) ?? null,
  });
}

const hours = (minutes: number) => Math.round(minutes / 6) / 10;

async function tellVolunteer(tx: Tx, l: Loaded, kind: string, params: Record<string, string | number>): Promise<void> {
  await notify(tx, {
    streetId: l.record.streetId,
    recipientAccountIds: await repo.accountIdsOfPerson(tx, l.volunteer.personId),
    kind,
    params: { date: l.record.servedOn, ...params },
    link: '/me/records',
    refType: 'service_record',
    refId: l.record.id,
  });
}

async function auditHours(
  tx: Tx,
  actor: Actor,
  action: string,
  record: repo.RecordRow,
  change: HoursChange | null,
  extra: Record<string, unknown>,
  reason?: string,
) {
  await appendAudit(tx, {
    streetId: record.streetId,
    actorAccountId: actor.accountId,
    action,
    entityType: 'service_record',
    entityId: record.id,
    oldValue: change ? { verifiedMinutes: change.oldMinutes, star: change.oldStar } : null,
    newValue: {
      ...extra,
      volunteerId: record.volunteerId,
      creditedMinutes: record.creditedMinutes,
      ...(change
        ? {
            verifiedMinutes: change.newMinutes,
            star: change.newStar,
            points: change.points,
            coins: change.coins,
            coinsOverCap: change.coinsOverCap,
          }
        : {}),
    },
    ...(reason ? { reason } : {}),
  });
}

/* ---------- verify / reject ---------- */

/**
 * Confirms a pending record: credits hours, points and coins (credit.ts). The community admin of its
 * community or the leader of its team; a 补录 needs a second person (the creator gets 403
 * second_approver_required).
 * @throws not_found | forbidden | second_approver_required | invalid_transition | conflict
 */
export async function verifyRecord(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  input: { reason?: string | undefined },
): Promise<ServiceRecord> {
  return onRecord(deps, actorOrNone, id, assertRecordDecider, async (tx, actor, l) => {
    if (l.record.source === 'backfill' && l.record.createdByAccountId === actor.accountId) throw new AppError('second_approver_required');
    if (l.record.status !== 'pending') throw new AppError('invalid_transition');
    const now = deps.now();
    const decided = await repo.updateRecord(tx, l.record.id, l.record.version, {
      status: 'verified',
      decidedAt: now,
      decidedByAccountId: actor.accountId,
      decisionReason: input.reason ?? null,
      ...(l.record.source === 'backfill' ? { approverAccountId: actor.accountId } : {}),
    });
    if (!decided) throw new AppError('conflict');
    const rules = await rulesOf(tx, actor.streetId);
    const change = await creditRecord(tx, decided, rules, actor.accountId);
    await auditHours(tx, actor, 'service_record.verify', change.record, change, { status: 'verified' }, input.reason);
    const done = { ...l, record: change.record };
    await tellVolunteer(tx, done, 'service_record.verified', { hours: hours(change.record.creditedMinutes) });
    return present(tx, actor, done);
  });
}

/** Rejects a pending record with a reason the volunteer sees. @throws not_found | forbidden | invalid_transition | conflict */
export async function rejectRecord(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  input: { reason: string },
): Promise<ServiceRecord> {
  return onRecord(deps, actorOrNone, id, assertRecordDecider, async (tx, actor, l) => {
    if (l.record.status !== 'pending') throw new AppError('invalid_transition');
    const decided = await repo.updateRecord(tx, l.record.id, l.record.version, {
      status: 'rejected',
      decidedAt: deps.now(),
      decidedByAccountId: actor.accountId,
      decisionReason: input.reason,
    });
    if (!decided) throw new AppError('conflict');
    await auditHours(tx, actor, 'service_record.reject', decided, null, { status: 'rejected' }, input.reason);
    const done = { ...l, record: decided };
    await tellVolunteer(tx, done, 'service_record.rejected', { reason: input.reason });
    return present(tx, actor, done);
  });
}

/* ---------- 补录 (manual entry) ---------- */

/**
 * Staff enter a record by hand (DR-04): the community admin for their community, the team leader for
 * their team, the street admin for any. Reason and evidence are required; the record stays pending
 * until a second staff member verifies it.
 * @throws forbidden | not_found | validation_failed
 */
export async function createManualRecord(deps: Deps, actorOrNone: Actor | undefined, input: ManualRecordCreate): Promise<ServiceRecord> {
  const actor = requireActor(actorOrNone);
  if (!isRecordStaff(actor)) throw new AppError('forbidden');
  const place = { communityId: input.communityId ?? null, teamId: input.teamId ?? null };
  if (!hasRole(actor, 'street_admin') && !canDecide(actor, place)) throw new AppError('forbidden');
  return withTransaction(deps.db, async (tx) => {
    const volunteer = await repo.volunteerPlace(tx, actor.streetId, input.volunteerId);
    if (!volunteer || volunteer.status === 'deleted') throw new AppError('not_found');
    if (!(await repo.placeExists(tx, actor.streetId, place))) {
      throw new AppError(
        'validation_failed',
        {},
        { fields: [{ field: input.teamId ? 'teamId' : 'communityId', key: 'unknown_reference' }] },
      );
    }
    const now = deps.now();
    const record = await repo.insertRecord(tx, {
      id: newId('sr'),
      streetId: actor.streetId,
      volunteerId: volunteer.volunteerId,
      communityId: place.communityId,
      teamId: place.teamId,
      servedOn: input.servedOn,
      place: input.place ?? null,
      content: input.content,
      creditedMinutes: input.minutes,
      source: 'backfill',
      reason: input.reason,
      evidence: input.evidence,
      status: 'pending',
      createdByAccountId: actor.accountId,
      createdAt: now,
    });
    await auditHours(tx, actor, 'service_record.backfill', record, null, { status: 'pending', source: 'backfill' }, input.reason);
    return present(tx, actor, { record, volunteer });
  });
}

/* ---------- corrections, zeroing, appeals ---------- */

/**
 * The volunteer asks for other credited minutes (DR-08). The issuing organisation answers within
 * the street's deadline (default 10 working days). One open request per record.
 * @throws not_found | forbidden | invalid_transition | conflict
 */
export async function requestCorrection(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  input: CorrectionCreate,
): Promise<Correction> {
  return onRecord(deps, actorOrNone, id, assertVolunteerSelf, async (tx, actor, l) => {
    if (l.record.status === 'rejected' || l.record.zeroedAt) throw new AppError('invalid_transition');
    if (input.requestedMinutes === l.record.creditedMinutes) {
      throw new AppError('validation_failed', {}, { fields: [{ field: 'requestedMinutes', key: 'invalid_value' }] });
    }
    return openVolunteerRequest(
      tx,
      deps.now(),
      actor,
      l,
      { kind: 'correction', oldMinutes: l.record.creditedMinutes, requestedMinutes: input.requestedMinutes, reason: input.reason },
      (c) => ({
        action: 'service_record.correction_request',
        newValue: { correctionId: c.id, oldMinutes: c.oldMinutes, requestedMinutes: c.requestedMinutes },
      }),
    );
  });
}

/**
 * The volunteer's open request on their record (correction or appeal), due within the street's
 * deadline in working days, written to the audit log.
 */
async function openVolunteerRequest(
  tx: Tx,
  now: Date,
  actor: Actor,
  l: Loaded,
  request: { kind: 'correction' | 'appeal'; oldMinutes: number; requestedMinutes: number; reason: string },
  audit: (c: repo.CorrectionRow) => { action: string; newValue: Record<string, unknown> },
): Promise<Correction> {
  const rules = await rulesOf(tx, actor.streetId);
  const c = await insertOpenRequest(tx, {
    id: newId('src'),
    streetId: actor.streetId,
    recordId: l.record.id,
    requestedByAccountId: actor.accountId,
    ...request,
    status: 'pending',
    dueAt: addWorkingDays(now, rules.correctionDeadlineWorkingDays),
    createdAt: now,
  });
  await appendAudit(tx, {
    streetId: actor.streetId,
    actorAccountId: actor.accountId,
    ...audit(c),
    entityType: 'service_record',
    entityId: l.record.id,
    reason: request.reason,
  });
  return presentCorrection(c, l.record.volunteerId, now);
}

async function insertOpenRequest(tx: Tx, row: Parameters<typeof repo.insertCorrection>[1]): Promise<repo.CorrectionRow> {
  try {
    return await repo.insertCorrection(tx, row);
  } catch (err) {
    if (uniqueViolation(err) === 'service_record_corrections_pending_uq') throw new AppError('conflict');
    throw err;
  }
}

/**
 * An upheld complaint sets a verified record's credited minutes to 0 (DR-06): the old value is kept
 * as a zeroing row, points and coins are reversed, hours and star recomputed, the volunteer told
 * (they may appeal).
 * @throws not_found | forbidden | invalid_transition | conflict
 */
export async function zeroRecord(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  input: { reason: string },
): Promise<ServiceRecord> {
  return onRecord(deps, actorOrNone, id, assertRecordDecider, async (tx, actor, l) => {
    if (l.record.status !== 'verified' || l.record.zeroedAt) throw new AppError('invalid_transition');
    const now = deps.now();
    const rules = await rulesOf(tx, actor.streetId);
    const change = await uncreditRecord(tx, l.record, rules, input.reason, actor.accountId);
    const zeroed = await repo.updateRecord(tx, change.record.id, change.record.version, {
      creditedMinutes: 0,
      zeroedAt: now,
      complaintFlag: true,
    });
    if (!zeroed) throw new AppError('conflict');
    await insertOpenRequest(tx, {
      id: newId('src'),
      streetId: actor.streetId,
      recordId: l.record.id,
      kind: 'zeroing',
      requestedByAccountId: actor.accountId,
      oldMinutes: l.record.creditedMinutes,
      newMinutes: 0,
      reason: input.reason,
      status: 'applied',
      resolvedByAccountId: actor.accountId,
      resolvedAt: now,
      createdAt: now,
    });
    await auditHours(tx, actor, 'service_record.zero', zeroed, change, { oldCreditedMinutes: l.record.creditedMinutes }, input.reason);
    const done = { ...l, record: zeroed };
    await tellVolunteer(tx, done, 'service_record.zeroed', { reason: input.reason });
    return present(tx, actor, done);
  });
}

/** The volunteer appeals a zeroing; staff decide it like a correction. @throws not_found | forbidden | invalid_transition | conflict */
export async function appealRecord(deps: Deps, actorOrNone: Actor | undefined, id: string, input: { reason: string }): Promise<Correction> {
  return onRecord(deps, actorOrNone, id, assertVolunteerSelf, async (tx, actor, l) => {
    if (!l.record.zeroedAt) throw new AppError('invalid_transition');
    const zeroing = await repo.latestZeroing(tx, l.record.id);
    if (!zeroing) throw new AppError('invalid_transition');
    return openVolunteerRequest(
      tx,
      deps.now(),
      actor,
      l,
      { kind: 'appeal', oldMinutes: 0, requestedMinutes: zeroing.oldMinutes, reason: input.reason },
      (c) => ({ action: 'service_record.appeal', newValue: { correctionId: c.id, requestedMinutes: c.requestedMinutes } }),
    );
  });
}

/**
 * Staff who confirm the record accept or reject a correction request or an appeal, with a reason.
 * Accepting changes the credited minutes: a verified record is un-credited and credited again with
 * the new value (an upheld appeal restores the value before the zeroing); a pending one just gets the
 * new value. The old value stays in the correction row.
 * @throws not_found | forbidden | invalid_transition | conflict
 */
export async function resolveCorrection(
  deps: Deps,
  actorOrNone: Actor | undefined,
  correctionId: string,
  input: CorrectionResolve,
): Promise<Correction> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const c = await repo.findCorrection(tx, actor.streetId, correctionId);
    if (!c) throw new AppError('not_found');
    const l = await loadRecord(tx, actor, c.recordId);
    assertDecider(actor, l.record);
    if (c.status !== 'pending' || c.kind === 'zeroing') throw new AppError('invalid_transition');
    const now = deps.now();
    const accept = input.decision === 'accept';
    const newMinutes = accept ? (c.requestedMinutes ?? c.oldMinutes) : null;
    const resolved = await repo.resolveCorrection(tx, c.id, {
      status: accept ? 'accepted' : 'rejected',
      newMinutes,
      resolutionReason: input.reason,
      resolvedByAccountId: actor.accountId,
      resolvedAt: now,
    });
    if (!resolved) throw new AppError('conflict');
    let record = l.record;
    let change: HoursChange | null = null;
    if (accept && newMinutes !== null) {
      if (c.kind === 'appeal' && !record.zeroedAt) throw new AppError('invalid_transition');
      const rules = await rulesOf(tx, actor.streetId);
      if (record.status === 'verified') {
        const undone = record.zeroedAt ? null : await uncreditRecord(tx, record, rules, input.reason, actor.accountId);
        const base = undone?.record ?? record;
        const updated = await repo.updateRecord(tx, base.id, base.version, {
          creditedMinutes: newMinutes,
          zeroedAt: null,
          ...(c.kind === 'appeal' ? { complaintFlag: false } : {}),
        });
        if (!updated) throw new AppError('conflict');
        change = await creditRecord(tx, updated, rules, actor.accountId);
        record = change.record;
        if (undone) change = { ...change, oldMinutes: undone.oldMinutes, oldStar: undone.oldStar };
      } else {
        const updated = await repo.updateRecord(tx, record.id, record.version, { creditedMinutes: newMinutes });
        if (!updated) throw new AppError('conflict');
        record = updated;
      }
    }
    await auditHours(
      tx,
      actor,
      `service_record.${c.kind}_${accept ? 'accept' : 'reject'}`,
      record,
      change,
      { correctionId: c.id, oldCreditedMinutes: c.oldMinutes },
      input.reason,
    );
    await tellVolunteer(tx, { ...l, record }, accept ? 'service_record.correction_accepted' : 'service_record.correction_rejected', {
      reason: input.reason,
      hours: hours(record.creditedMinutes),
    });
    return presentCorrection(resolved, record.volunteerId, now);
  });
}

/* ---------- lists and summary ---------- */

function cursorAfter(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  const key = decodeCursor(cursor, 2);
  return key ? { createdAt: new Date(String(key[0])), id: String(key[1]) } : undefined;
}

async function presentPage(
  tx: Tx,
  actor: Actor,
  rows: Awaited<ReturnType<typeof repo.listRecords>>,
  limit: number,
  personOf: Map<string, string>,
): Promise<Page<ServiceRecord>> {
  const page = pageFrom(rows, limit, (r) => [r.createdAt.toISOString(), r.id]);
  const open = await repo.openRequests(
    tx,
    page.items.map((r) => r.id),
  );
  return {
    items: page.items.map((r) =>
      presentRecord(actor, r, {
        volunteerName: r.volunteerName,
        volunteerPersonId: personOf.get(r.volunteerId) ?? '',
        volunteerCommunityId: r.volunteerCommunityId,
        openRequest: open.get(r.id) ?? null,
      }),
    ),
    nextCursor: page.nextCursor,
  };
}

async function visibleVolunteer(tx: Tx, actor: Actor, volunteerId: string): Promise<repo.VolunteerPlaceRow> {
  const v = await repo.volunteerPlace(tx, actor.streetId, volunteerId);
  if (!v || v.status === 'deleted' || !canSeeVolunteer(actor, v)) throw new AppError('not_found');
  return v;
}

/** A volunteer's records, newest first: the volunteer and staff in scope (404 otherwise). */
export async function listVolunteerRecords(
  deps: Deps,
  actorOrNone: Actor | undefined,
  volunteerId: string,
  query: { status?: ServiceRecordStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<ServiceRecord>> {
  const actor = requireActor(actorOrNone);
  const after = cursorAfter(query.cursor);
  return withTransaction(deps.db, async (tx) => {
    const v = await visibleVolunteer(tx, actor, volunteerId);
    const rows = await repo.listRecords(tx, {
      streetId: actor.streetId,
      volunteerId,
      ...(query.status ? { status: query.status } : {}),
      ...(after ? { after } : {}),
      limit: query.limit,
    });
    return presentPage(tx, actor, rows, query.limit, new Map([[v.volunteerId, v.personId]]));
  });
}

/**
 * The staff queue: records of the caller's communities (community admin) and led teams (team
 * leader), the whole street for the street admin. Other roles 403; a community or team filter
 * outside the caller's scope 404.
 */
export async function listRecordQueue(deps: Deps, actorOrNone: Actor | undefined, query: ServiceRecordQuery): Promise<Page<ServiceRecord>> {
  const actor = requireActor(actorOrNone);
  if (!isRecordStaff(actor)) throw new AppError('forbidden');
  const all = hasRole(actor, 'street_admin');
  const scope = decideScope(actor);
  if (!all && query.communityId && !scope.communityIds.includes(query.communityId)) throw new AppError('not_found');
  if (!all && query.teamId && !scope.teamIds.includes(query.teamId)) throw new AppError('not_found');
  const after = cursorAfter(query.cursor);
  return withTransaction(deps.db, async (tx) => {
    const rows = await repo.listRecords(tx, {
      streetId: actor.streetId,
      ...(all ? {} : { scope }),
      ...(query.status ? { status: query.status } : {}),
      ...(query.source ? { source: query.source } : {}),
      ...(query.communityId ? { communityId: query.communityId } : {}),
      ...(query.teamId ? { teamId: query.teamId } : {}),
      ...(after ? { after } : {}),
      limit: query.limit,
    });
    const personOf = await repo.personsOfVolunteers(tx, [...new Set(rows.map((r) => r.volunteerId))]);
    return presentPage(tx, actor, rows, query.limit, personOf);
  });
}

/** Correction requests, appeals and zeroings of the records the caller confirms (staff), newest first. */
export async function listCorrections(
  deps: Deps,
  actorOrNone: Actor | undefined,
  query: {
    status?: repo.CorrectionRow['status'] | undefined;
    kind?: repo.CorrectionRow['kind'] | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<Page<Correction>> {
  const actor = requireActor(actorOrNone);
  if (!isRecordStaff(actor)) throw new AppError('forbidden');
  const after = cursorAfter(query.cursor);
  const rows = await repo.listCorrections(deps.db, {
    streetId: actor.streetId,
    ...(hasRole(actor, 'street_admin') ? {} : { scope: decideScope(actor) }),
    ...(query.status ? { status: query.status } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(after ? { after } : {}),
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  const now = deps.now();
  return { items: page.items.map((c) => presentCorrection(c, c.volunteerId, now)), nextCursor: page.nextCursor };
}

/** The history of corrections, zeroings and appeals of one record (whoever sees the record). */
export async function listRecordCorrections(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<Page<Correction>> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const l = await loadRecord(tx, actor, id);
    const now = deps.now();
    const rows = await repo.correctionsOfRecord(tx, l.record.id);
    return { items: rows.map((c) => presentCorrection(c, l.record.volunteerId, now)), nextCursor: null };
  });
}

/** `GET /volunteers/{id}/summary`: hours, star, points and time-bank balance. */
export async function volunteerSummary(deps: Deps, actorOrNone: Actor | undefined, volunteerId: string): Promise<VolunteerSummary> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const v = await visibleVolunteer(tx, actor, volunteerId);
    const rules = await rulesOf(tx, actor.streetId);
    return {
      verifiedMinutes: v.verifiedMinutes,
      star: v.star,
      points: await personBalance(tx, actor.streetId, v.personId, 'points'),
      timeBankMinutes: await personBalance(tx, actor.streetId, v.personId, 'time_bank'),
      nextStarMinutes: nextStarMinutes(v.verifiedMinutes, rules.starThresholdsHours),
      pendingRecords: await repo.countPending(tx, v.volunteerId),
    };
  });
}

/* ---------- point rules ---------- */

/** The street's rules: street and community admins read them. @throws forbidden */
export async function getPointRules(deps: Deps, actorOrNone: Actor | undefined): Promise<PointRules> {
  const actor = requireActor(actorOrNone);
  if (!hasRole(actor, 'street_admin') && !hasRole(actor, 'community_admin')) throw new AppError('forbidden');
  return rulesOf(deps.db, actor.streetId);
}

/** The street admin changes the rules (audited; applies to records verified from now on). @throws forbidden */
export async function putPointRules(deps: Deps, actorOrNone: Actor | undefined, input: PointRules): Promise<PointRules> {
  const actor = requireActor(actorOrNone);
  if (!hasRole(actor, 'street_admin')) throw new AppError('forbidden');
  return withTransaction(deps.db, async (tx) => {
    const before = await rulesOf(tx, actor.streetId);
    await repo.upsertRules(tx, { streetId: actor.streetId, ...input, updatedByAccountId: actor.accountId, updatedAt: deps.now() });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'point_rules.update',
      entityType: 'point_rules',
      entityId: actor.streetId,
      oldValue: before,
      newValue: input,
    });
    return rulesOf(tx, actor.streetId);
  });
}

/* ---------- export (DR-07, DR-27) ---------- */

/**
 * A volunteer's records in the 条例 Art. 19 field set (basic information, service, evaluation) as a
 * workbook or CSV: the volunteer and staff in scope (404 otherwise); the name masked outside the
 * caller's community, the ID number only as its mask.
 */
export async function exportVolunteerRecords(
  deps: Deps,
  actorOrNone: Actor | undefined,
  volunteerId: string,
  format: 'xlsx' | 'csv',
): Promise<{ body: Buffer | string; contentType: string; filename: string }> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const v = await visibleVolunteer(tx, actor, volunteerId);
    const identity = await repo.exportIdentity(tx, v.volunteerId);
    const name = seesFullName(actor, v.personId, v.communityId) ? v.name : maskName(v.name);
    const rows: ExportRow[] = (await repo.recordsForExport(tx, v.volunteerId)).map((r) => ({
      volunteer_no: identity?.volunteerNo ?? '',
      name,
      id_type: identity?.idType ?? '',
      id_number_masked: identity?.idNumberMasked ?? '',
      star_level: String(v.star),
      total_verified_hours: hours(v.verifiedMinutes).toFixed(1),
      record_id: r.id,
      service_date: r.servedOn,
      content: r.content,
      place: r.place ?? '',
      organiser_community: r.communityName ?? '',
      organiser_team: r.teamName ?? '',
      credited_hours: hours(r.creditedMinutes).toFixed(1),
      source: r.source,
      status: r.status,
      verified_at: r.status === 'verified' ? (isoOrNull(r.decidedAt) ?? '') : '',
      evaluation: r.evaluation ?? '',
      complaint_flag: r.complaintFlag ? 'yes' : 'no',
    }));
    const base = `service-records-${identity?.volunteerNo ?? v.volunteerId}`;
    return format === 'csv'
      ? { body: recordsCsv(rows), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv` }
      : {
          body: await recordsWorkbook(rows),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: `${base}.xlsx`,
        };
  });
}
