import crypto from 'node:crypto';
import type { PartyMemberStatus, PartyReport, PartyReportBody, PartyReportStatus, UnitPartyMember } from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { requireActor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, type FieldProblem } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { grantRoleToPerson, revokeRoleFromPerson } from '../accounts/index.js';
import { periodService } from '../reports/index.js';
import { parseQuarter, quarterOf } from './period.js';
import * as repo from './party.repository.js';
import { assertCanViewUnit, inReviewScope, reviewScope } from './party.policy.js';
import { presentReport, presentUnitMember } from './party.presenter.js';

type Page<T> = { items: T[]; nextCursor: string | null };

const invalidCursor = () => new AppError('validation_failed', {}, { fields: [{ field: 'cursor', key: 'invalid_format' }] });

function afterKey(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor, 2);
  if (!key) return undefined;
  const [at, id] = key;
  if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw invalidCursor();
  return [at, id];
}

const reportKey = (r: repo.ReportListRow) => [new Date(r.reported_at).toISOString(), r.id];

async function reportItem(tx: Tx, streetId: string, id: string): Promise<PartyReport> {
  const [row] = await repo.listReports(tx, { streetId, id, limit: 1 });
  if (!row) throw new AppError('not_found');
  return presentReport(row);
}

/**
 * 云报到: a party-member volunteer reports to a residence community and grid and names the employer
 * unit. The volunteer is marked as an in-service party member of that unit at once; the community
 * admin then confirms or rejects.
 * @throws unauthenticated | forbidden (not a volunteer) | validation_failed | party_report_pending
 */
export async function submitReport(deps: Deps, actorOrNone: Actor | undefined, input: PartyReportBody): Promise<PartyReport> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const volunteer = await repo.findVolunteerOfPerson(tx, actor.personId);
    if (!volunteer || volunteer.status !== 'active' || volunteer.streetId !== actor.streetId) throw new AppError('forbidden');
    const [community, grid, unit] = await Promise.all([repo.findCommunity(tx, input.communityId), repo.findGrid(tx, input.gridId), repo.findUnit(tx, input.unitId)]);
    const fields: FieldProblem[] = [];
    if (!community || community.streetId !== actor.streetId) fields.push({ field: 'communityId', key: 'unknown_reference' });
    if (!grid || grid.streetId !== actor.streetId) fields.push({ field: 'gridId', key: 'unknown_reference' });
    else if (community && grid.communityId !== community.id) fields.push({ field: 'gridId', key: 'grid_not_in_community' });
    if (!unit || unit.streetId !== actor.streetId) fields.push({ field: 'unitId', key: 'unknown_reference' });
    if (fields.length) throw new AppError('validation_failed', {}, { fields });
    if (await repo.findPendingReport(tx, volunteer.id)) throw new AppError('party_report_pending');
    const inserted = await repo.insertReport(tx, {
      id: `prep_${crypto.randomUUID()}`,
      streetId: actor.streetId,
      volunteerId: volunteer.id,
      communityId: input.communityId,
      gridId: input.gridId,
      unitId: input.unitId,
      channel: 'cloud',
      prevPartyMember: volunteer.partyMember,
      prevUnitId: volunteer.unitId,
      reportedAt: deps.now(),
    });
    if (!inserted) throw new AppError('party_report_pending');
    await repo.setVolunteerParty(tx, { volunteerId: volunteer.id, partyMember: true, unitId: input.unitId });
    return reportItem(tx, actor.streetId, inserted.id);
  });
}

/**
 * Party reports to review: a community admin's community (street admin: the street), newest first.
 * @throws unauthenticated | forbidden | validation_failed (bad cursor)
 */
export async function listReports(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { status?: PartyReportStatus; communityId?: string; limit: number; cursor?: string },
): Promise<Page<PartyReport>> {
  const actor = requireActor(actorOrNone);
  const scope = reviewScope(actor);
  if (input.communityId && !inReviewScope(scope, input.communityId)) throw new AppError('forbidden');
  const after = afterKey(input.cursor);
  const rows = await repo.listReports(deps.db, {
    streetId: actor.streetId,
    limit: input.limit,
    ...(scope === 'all' ? {} : { communityIds: scope }),
    ...(input.communityId ? { communityId: input.communityId } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(after ? { after } : {}),
  });
  const page = pageFrom(rows, input.limit, reportKey);
  return { items: page.items.map(presentReport), nextCursor: page.nextCursor };
}

/** The caller's own reports, newest first (empty for a caller who is not a volunteer). */
export async function listMyReports(deps: Deps, actorOrNone: Actor | undefined, input: { status?: PartyReportStatus; limit: number; cursor?: string }): Promise<Page<PartyReport>> {
  const actor = requireActor(actorOrNone);
  const after = afterKey(input.cursor);
  const volunteer = await repo.findVolunteerOfPerson(deps.db, actor.personId);
  if (!volunteer) return { items: [], nextCursor: null };
  const rows = await repo.listReports(deps.db, {
    streetId: actor.streetId,
    volunteerId: volunteer.id,
    limit: input.limit,
    ...(input.status ? { status: input.status } : {}),
    ...(after ? { after } : {}),
  });
  const page = pageFrom(rows, input.limit, reportKey);
  return { items: page.items.map(presentReport), nextCursor: page.nextCursor };
}

/** The pending report, locked, in the reviewer's scope: 404 outside it, 409 when already decided. */
async function lockPendingReport(tx: Tx, actor: Actor, id: string, action: string) {
  const scope = reviewScope(actor);
  const report = await repo.findReport(tx, id, { forUpdate: true });
  if (!report || report.streetId !== actor.streetId || !inReviewScope(scope, report.communityId)) throw new AppError('not_found');
  if (report.status !== 'pending') throw new AppError('invalid_transition', { from: report.status, action });
  return report;
}

/**
 * The community admin confirms a report: it supersedes the volunteer's earlier confirmed report,
 * and the volunteer's account holds `party_member` for this community only (grants and
 * revocations audited, DR-23).
 * @throws unauthenticated | forbidden | not_found | invalid_transition
 */
export async function confirmReport(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<PartyReport> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const report = await lockPendingReport(tx, actor, id, 'confirm');
    const now = deps.now();
    const superseded = await repo.supersedeConfirmed(tx, { volunteerId: report.volunteerId, exceptId: report.id, at: now });
    const decided = await repo.decideReport(tx, { id: report.id, to: 'confirmed', byAccountId: actor.accountId, at: now });
    if (!decided) throw new AppError('invalid_transition', { from: 'decided', action: 'confirm' });
    await repo.setVolunteerParty(tx, { volunteerId: report.volunteerId, partyMember: true, unitId: report.unitId });
    const volunteer = await repo.findVolunteer(tx, report.volunteerId);
    if (volunteer) {
      const change = { streetId: report.streetId, personId: volunteer.personId, role: 'party_member' as const, scopeType: 'community' as const, byAccountId: actor.accountId, now };
      await revokeRoleFromPerson(tx, { ...change, exceptScopeId: report.communityId, reason: 'party report superseded' });
      await grantRoleToPerson(tx, { ...change, scopeId: report.communityId, reason: 'party report confirmed' });
    }
    await appendAudit(tx, {
      streetId: report.streetId,
      actorAccountId: actor.accountId,
      action: 'party_report.confirm',
      entityType: 'volunteer',
      entityId: report.volunteerId,
      oldValue: { status: 'pending', superseded: superseded.map((s) => s.id) },
      newValue: { status: 'confirmed', reportId: report.id, communityId: report.communityId, gridId: report.gridId, unitId: report.unitId },
    });
    return reportItem(tx, actor.streetId, report.id);
  });
}

/**
 * The community admin rejects a report with a reason; the volunteer's party flag and unit go back
 * to what they were (or to their still-confirmed report).
 * @throws unauthenticated | forbidden | not_found | invalid_transition
 */
export async function rejectReport(deps: Deps, actorOrNone: Actor | undefined, input: { id: string; reason: string }): Promise<PartyReport> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const report = await lockPendingReport(tx, actor, input.id, 'reject');
    const decided = await repo.decideReport(tx, { id: report.id, to: 'rejected', byAccountId: actor.accountId, at: deps.now(), reason: input.reason });
    if (!decided) throw new AppError('invalid_transition', { from: 'decided', action: 'reject' });
    const confirmed = await repo.findConfirmedReport(tx, report.volunteerId);
    await repo.restoreVolunteerParty(tx, {
      volunteerId: report.volunteerId,
      expectUnitId: report.unitId,
      partyMember: confirmed ? true : report.prevPartyMember,
      unitId: confirmed ? confirmed.unitId : report.prevUnitId,
    });
    await appendAudit(tx, {
      streetId: report.streetId,
      actorAccountId: actor.accountId,
      action: 'party_report.reject',
      entityType: 'volunteer',
      entityId: report.volunteerId,
      oldValue: { status: 'pending', reportId: report.id },
      newValue: { status: 'rejected' },
      reason: input.reason,
    });
    return reportItem(tx, actor.streetId, report.id);
  });
}

/**
 * DR-18: a unit's in-service party members with what each has done in the period (default: the
 * current quarter), and who has not reported or has no service (unit admin of that unit; street admin).
 * @throws unauthenticated | forbidden | not_found | validation_failed (bad cursor)
 */
export async function listUnitPartyMembers(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { unitId: string; period?: string; status?: PartyMemberStatus; limit: number; cursor?: string },
): Promise<Page<UnitPartyMember>> {
  const actor = requireActor(actorOrNone);
  assertCanViewUnit(actor, undefined);
  const unit = await repo.findUnit(deps.db, input.unitId);
  if (!unit || unit.streetId !== actor.streetId) throw new AppError('not_found');
  assertCanViewUnit(actor, unit.id);
  const key = decodeCursor(input.cursor, 1);
  if (key && typeof key[0] !== 'string') throw invalidCursor();
  const quarter = parseQuarter(input.period ?? quarterOf(deps.now()));
  const rows = await repo.listUnitMembers(deps.db, {
    streetId: actor.streetId,
    unitId: unit.id,
    from: quarter.from,
    to: quarter.to,
    limit: input.limit,
    ...(input.status ? { status: input.status } : {}),
    ...(key ? { afterNo: key[0] as string } : {}),
  });
  const page = pageFrom(rows, input.limit, (r) => [r.volunteer_no]);
  // DR-18: community-side points of the quarter from the ledger's postings for verified records.
  const service = await periodService(deps.db, page.items.map((r) => r.volunteer_id), quarter.from, quarter.to);
  return { items: page.items.map((r) => ({ ...presentUnitMember(r), points: service.get(r.volunteer_id)?.points ?? 0 })), nextCursor: page.nextCursor };
}
