import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maskName, type StarAward, type StarBlock, type StarNotice, type StarObjection, type StarThresholds } from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { queryRows, type Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import { notify } from '../notifications/index.js';
import * as repo from './stars.repository.js';
import { addWorkingDays, streetDate } from './working-days.js';

/** DR-10: the public notice runs at least this many working days. */
export const NOTICE_WORKING_DAYS = 5;

const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;
type Page<T> = { items: T[]; nextCursor: string | null };
const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** Street admin: the whole street; community admin: their communities; anyone else 403. */
function staffScope(actor: Actor): 'all' | string[] {
  if (hasRole(actor, 'street_admin')) return 'all';
  const ids = scopeIdsOf(actor, 'community_admin');
  if (!ids.length) throw new AppError('forbidden');
  return ids;
}
const inScope = (scope: 'all' | string[], communityId: string | null) =>
  scope === 'all' || (communityId !== null && scope.includes(communityId));

function requireStreetAdmin(actor: Actor): void {
  if (!hasRole(actor, 'street_admin')) throw new AppError('forbidden');
}

function present(r: repo.AwardRow): StarAward {
  return {
    id: r.id,
    volunteerId: r.volunteer_id,
    volunteerNo: r.volunteer_no,
    name: r.name,
    communityId: r.community_id,
    level: Number(r.level),
    verifiedMinutes: Number(r.verified_minutes),
    status: r.status,
    proposedAt: isoWithOffset(toDate(r.proposed_at)),
    reviewedAt: r.reviewed_at ? isoWithOffset(toDate(r.reviewed_at)) : null,
    noticeStart: r.notice_start,
    noticeEnd: r.notice_end,
    awardedAt: r.awarded_at ? isoWithOffset(toDate(r.awarded_at)) : null,
    reason: r.revoke_reason ?? r.decided_reason,
    revokedAt: r.revoked_at ? isoWithOffset(toDate(r.revoked_at)) : null,
    openObjections: Number(r.open_objections),
  };
}

const presentObjection = (o: repo.ObjectionRow): StarObjection => ({
  id: o.id,
  awardId: o.award_id,
  text: o.text,
  status: o.status,
  createdAt: isoWithOffset(toDate(o.created_at)),
  resolvedAt: o.resolved_at ? isoWithOffset(toDate(o.resolved_at)) : null,
  resolutionNote: o.resolution_note,
});

/** The formal (awarded, not revoked) star level of a volunteer: what perks and merchants go by. */
export function awardedStar(tx: Tx, volunteerId: string): Promise<number> {
  return repo.awardedLevel(tx, volunteerId);
}

/* ---------- thresholds ---------- */

/** The street's thresholds (hours for levels 1..5) and blocking period. Any signed-in account. */
export async function getThresholds(deps: Deps, actorOrNone: Actor | undefined): Promise<StarThresholds> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => ({
    thresholdsHours: await repo.thresholdsOf(tx, actor.streetId),
    blockYears: await repo.blockYearsOf(tx, actor.streetId),
  }));
}

/**
 * Street admin sets the thresholds and the blocking period (audited). volunteers.star follows at
 * the next verification (records recompute it with these thresholds).
 * @throws unauthenticated | forbidden
 */
export async function putThresholds(deps: Deps, actorOrNone: Actor | undefined, input: StarThresholds): Promise<StarThresholds> {
  const actor = requireActor(actorOrNone);
  requireStreetAdmin(actor);
  return withTransaction(deps.db, async (tx) => {
    const old = { thresholdsHours: await repo.thresholdsOf(tx, actor.streetId), blockYears: await repo.blockYearsOf(tx, actor.streetId) };
    await repo.saveSettings(tx, actor.streetId, input.thresholdsHours, input.blockYears, actor.accountId);
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'star.settings',
      entityType: 'street',
      entityId: actor.streetId,
      oldValue: old,
      newValue: input,
    });
    return input;
  });
}

/* ---------- the award flow ---------- */

export async function listAwards(
  deps: Deps,
  actorOrNone: Actor | undefined,
  query: { status?: StarAward['status']; communityId?: string; limit: number; cursor?: string },
): Promise<Page<StarAward>> {
  const actor = requireActor(actorOrNone);
  const scope = staffScope(actor);
  if (query.communityId && !inScope(scope, query.communityId)) throw new AppError('forbidden');
  const key = decodeCursor(query.cursor, 2) as [string, string] | undefined;
  const rows = await repo.listAwards(deps.db, {
    streetId: actor.streetId,
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
    ...(scope === 'all' ? {} : { communityIds: scope }),
    ...(query.communityId ? { communityId: query.communityId } : {}),
    ...(key ? { after: key } : {}),
  });
  const page = pageFrom(rows, query.limit, (r) => [toDate(r.proposed_at).toISOString(), r.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

/** The award, locked, visible to the caller (404 outside their communities). */
async function lockAward(tx: Tx, actor: Actor, id: string, scope: 'all' | string[]): Promise<repo.AwardRow> {
  const award = await repo.findAward(tx, actor.streetId, id, true);
  if (!award || !inScope(scope, award.community_id)) throw new AppError('not_found');
  return award;
}

async function transition(
  deps: Deps,
  actor: Actor,
  id: string,
  opts: { action: string; from: repo.AwardRow['status'][]; to: repo.AwardRow['status']; streetOnly?: boolean; reason?: string },
  extra: (award: repo.AwardRow, tx: Tx) => Promise<ReturnType<typeof sql>>,
  after?: (award: repo.AwardRow, tx: Tx) => Promise<void>,
): Promise<StarAward> {
  const scope = staffScope(actor);
  if (opts.streetOnly) requireStreetAdmin(actor);
  return withTransaction(deps.db, async (tx) => {
    const award = await lockAward(tx, actor, id, scope);
    if (!opts.from.includes(award.status)) throw new AppError('invalid_transition', { from: award.status, action: opts.action });
    const set = await extra(award, tx);
    const moved = await repo.moveAward(tx, award.id, opts.from, award.version, sql`status = ${opts.to}, ${set}`);
    if (!moved) throw new AppError('conflict');
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: `star_award.${opts.action}`,
      entityType: 'volunteer',
      entityId: award.volunteer_id,
      oldValue: { awardId: award.id, level: award.level, status: award.status },
      newValue: { awardId: award.id, level: award.level, status: opts.to },
      ...(opts.reason ? { reason: opts.reason } : {}),
    });
    if (after) await after(award, tx);
    const fresh = await repo.findAward(tx, actor.streetId, award.id);
    return present(fresh!);
  });
}

/** The community (or street) reviews a proposal: proposed → reviewed. */
export function reviewAward(deps: Deps, actorOrNone: Actor | undefined, id: string, note?: string): Promise<StarAward> {
  const actor = requireActor(actorOrNone);
  return transition(
    deps,
    actor,
    id,
    { action: 'review', from: ['proposed'], to: 'reviewed', ...(note ? { reason: note } : {}) },
    async () => {
      const at = deps.now().toISOString();
      return sql`reviewed_at = ${at}::timestamptz, reviewed_by = ${actor.accountId}, decided_reason = ${note ?? null}`;
    },
  );
}

/** The street posts the public notice: reviewed → on_notice, from today for ≥ 5 working days. */
export function publishAward(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<StarAward> {
  const actor = requireActor(actorOrNone);
  return transition(deps, actor, id, { action: 'publish', from: ['reviewed'], to: 'on_notice', streetOnly: true }, async (award, tx) => {
    if (await repo.activeBlock(tx, award.volunteer_id, deps.now())) throw new AppError('star_blocked');
    const start = streetDate(deps.now());
    return sql`notice_start = ${start}::date, notice_end = ${addWorkingDays(start, NOTICE_WORKING_DAYS)}::date`;
  });
}

/** Staff reject an open award with a reason (the volunteer sees it). */
export function rejectAward(deps: Deps, actorOrNone: Actor | undefined, id: string, reason: string): Promise<StarAward> {
  const actor = requireActor(actorOrNone);
  return transition(
    deps,
    actor,
    id,
    { action: 'reject', from: ['proposed', 'reviewed', 'on_notice'], to: 'rejected', reason },
    async () => sql`decided_reason = ${reason}`,
  );
}

async function notifyAwarded(award: repo.AwardRow, tx: Tx): Promise<void> {
  if (!award.account_id) return;
  await notify(tx, {
    streetId: award.street_id,
    recipientAccountIds: [award.account_id],
    kind: 'star.awarded',
    params: { level: Number(award.level) },
    link: '/me/star',
    refType: 'star_award',
    refId: award.id,
  });
}

/** The street awards after the notice ended with no open objection: on_notice → awarded. */
export function awardAward(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<StarAward> {
  const actor = requireActor(actorOrNone);
  return transition(
    deps,
    actor,
    id,
    { action: 'award', from: ['on_notice'], to: 'awarded', streetOnly: true },
    async (award, tx) => {
      const today = streetDate(deps.now());
      if (!award.notice_end || award.notice_end >= today) throw new AppError('invalid_transition', { from: 'on_notice', action: 'award' });
      if (Number(award.open_objections) > 0) throw new AppError('conflict');
      if (await repo.activeBlock(tx, award.volunteer_id, deps.now())) throw new AppError('star_blocked');
      return sql`awarded_at = ${deps.now().toISOString()}::timestamptz, awarded_by = ${actor.accountId}`;
    },
    notifyAwarded,
  );
}

/** The street revokes an awarded level with a reason: awarded → revoked. */
export function revokeAward(deps: Deps, actorOrNone: Actor | undefined, id: string, reason: string): Promise<StarAward> {
  const actor = requireActor(actorOrNone);
  return transition(
    deps,
    actor,
    id,
    { action: 'revoke', from: ['awarded'], to: 'revoked', streetOnly: true, reason },
    async () => sql`revoked_at = ${deps.now().toISOString()}::timestamptz, revoked_by = ${actor.accountId}, revoke_reason = ${reason}`,
  );
}

/* ---------- public notice and objections ---------- */

/** The public notice board (公示): awards on notice, names masked. No login. */
export async function listNotices(deps: Deps, actor: Actor | undefined): Promise<{ items: StarNotice[]; nextCursor: null }> {
  return withTransaction(deps.db, async (tx) => {
    const streetId =
      actor?.streetId ?? (await queryRows<{ id: string }>(tx, sql`SELECT id FROM streets ORDER BY created_at, id LIMIT 1`))[0]?.id;
    if (!streetId) return { items: [], nextCursor: null };
    const rows = await repo.listNotices(tx, streetId, streetDate(deps.now()));
    return {
      items: rows.map((r) => ({
        awardId: r.id,
        maskedName: maskName(r.name),
        volunteerNo: r.volunteer_no,
        level: Number(r.level),
        verifiedHours: Math.floor(Number(r.verified_minutes) / 6) / 10,
        noticeStart: r.notice_start ?? '',
        noticeEnd: r.notice_end ?? '',
      })),
      nextCursor: null,
    };
  });
}

/** Anyone signed in may object while the notice runs (through its last day). */
export async function objectToAward(deps: Deps, actorOrNone: Actor | undefined, id: string, text: string): Promise<StarObjection> {
  const actor = requireActor(actorOrNone);
  return withTransaction(deps.db, async (tx) => {
    const award = await repo.findAward(tx, actor.streetId, id, true);
    if (!award) throw new AppError('not_found');
    const today = streetDate(deps.now());
    if (award.status !== 'on_notice' || !award.notice_end || today > award.notice_end)
      throw new AppError('invalid_transition', { from: award.status, action: 'object' });
    const objectionId = newId('sob');
    await repo.insertObjection(tx, {
      id: objectionId,
      streetId: actor.streetId,
      awardId: award.id,
      accountId: actor.accountId,
      text,
      at: deps.now(),
    });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'star_award.objection',
      entityType: 'star_award',
      entityId: award.id,
      newValue: { objectionId },
    });
    return presentObjection((await repo.findObjection(tx, actor.streetId, objectionId))!);
  });
}

export async function listObjections(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
): Promise<{ items: StarObjection[]; nextCursor: null }> {
  const actor = requireActor(actorOrNone);
  const scope = staffScope(actor);
  return withTransaction(deps.db, async (tx) => {
    const award = await repo.findAward(tx, actor.streetId, id);
    if (!award || !inScope(scope, award.community_id)) throw new AppError('not_found');
    return { items: (await repo.listObjections(tx, award.id)).map(presentObjection), nextCursor: null };
  });
}

/** Staff resolve an objection; upheld rejects the award (with the note as the reason). */
export async function resolveObjection(
  deps: Deps,
  actorOrNone: Actor | undefined,
  id: string,
  input: { decision: 'upheld' | 'dismissed'; note: string },
): Promise<StarObjection> {
  const actor = requireActor(actorOrNone);
  const scope = staffScope(actor);
  return withTransaction(deps.db, async (tx) => {
    const objection = await repo.findObjection(tx, actor.streetId, id);
    if (!objection) throw new AppError('not_found');
    const award = await lockAward(tx, actor, objection.award_id, scope);
    const done = await repo.resolveObjection(tx, objection.id, input.decision, input.note, actor.accountId, deps.now());
    if (!done) throw new AppError('invalid_transition', { from: objection.status, action: 'resolve' });
    if (input.decision === 'upheld' && ['proposed', 'reviewed', 'on_notice'].includes(award.status)) {
      const moved = await repo.moveAward(
        tx,
        award.id,
        [award.status],
        award.version,
        sql`status = 'rejected', decided_reason = ${input.note}`,
      );
      if (!moved) throw new AppError('conflict');
    }
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: `star_award.objection_${input.decision}`,
      entityType: 'volunteer',
      entityId: award.volunteer_id,
      oldValue: { awardId: award.id, status: award.status },
      newValue: { awardId: award.id, status: input.decision === 'upheld' ? 'rejected' : award.status, objectionId: objection.id },
      reason: input.note,
    });
    return presentObjection((await repo.findObjection(tx, actor.streetId, objection.id))!);
  });
}

/**
 * Proven false hours (DR-10): blocks star proposals and awards for `years` (default: the street's
 * setting, 1–3) and rejects the volunteer's open award. Street admin.
 */
export async function blockVolunteer(
  deps: Deps,
  actorOrNone: Actor | undefined,
  volunteerId: string,
  input: { reason: string; years?: number | undefined },
): Promise<StarBlock> {
  const actor = requireActor(actorOrNone);
  staffScope(actor);
  requireStreetAdmin(actor);
  return withTransaction(deps.db, async (tx) => {
    const volunteer = await repo.findVolunteer(tx, actor.streetId, volunteerId);
    if (!volunteer) throw new AppError('not_found');
    const years = input.years ?? (await repo.blockYearsOf(tx, actor.streetId));
    const from = deps.now();
    const until = new Date(from);
    until.setUTCFullYear(until.getUTCFullYear() + years);
    const id = newId('sbk');
    for (const open of await repo.openAwardsOf(tx, volunteer.id)) {
      await repo.moveAward(tx, open.id, [open.status], open.version, sql`status = 'rejected', decided_reason = ${input.reason}`);
    }
    await repo.insertBlock(tx, {
      id,
      streetId: actor.streetId,
      volunteerId: volunteer.id,
      reason: input.reason,
      from,
      until,
      by: actor.accountId,
    });
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'star.block',
      entityType: 'volunteer',
      entityId: volunteer.id,
      newValue: { blockId: id, until: until.toISOString(), years },
      reason: input.reason,
    });
    return { id, volunteerId: volunteer.id, reason: input.reason, blockedFrom: isoOrNull(from)!, blockedUntil: isoOrNull(until)! };
  });
}

/* ---------- the job ---------- */

/**
 * Proposes awards for volunteers whose eligibility (volunteers.star, kept by records from verified
 * hours) is above their awarded level, telling them they reached the level (`star.reached`), and
 * awards those whose notice ended without an open objection. Idempotent; run by main.ts hourly and
 * by POST /star-awards/run.
 */
export async function runStarJob(
  deps: Deps,
  streetId: string,
  actorAccountId: string | null = null,
): Promise<{ proposed: number; awarded: number }> {
  const now = deps.now();
  let proposed = 0;
  let awarded = 0;
  await withTransaction(deps.db, async (tx) => {
    for (const due of await repo.dueForProposal(tx, streetId, now)) {
      const id = newId('sta');
      if (
        !(await repo.insertProposal(tx, {
          id,
          streetId,
          volunteerId: due.volunteer_id,
          level: Number(due.star),
          verifiedMinutes: Number(due.verified_minutes),
          at: now,
        }))
      )
        continue;
      proposed++;
      await appendAudit(tx, {
        streetId,
        actorAccountId,
        action: 'star_award.propose',
        entityType: 'volunteer',
        entityId: due.volunteer_id,
        oldValue: { awardedLevel: Number(due.awarded) },
        newValue: { awardId: id, level: Number(due.star), status: 'proposed' },
      });
      if (due.account_id) {
        await notify(tx, {
          streetId,
          recipientAccountIds: [due.account_id],
          kind: 'star.reached',
          params: { level: Number(due.star) },
          link: '/me/star',
          refType: 'star_award',
          refId: id,
        });
      }
    }
    const today = streetDate(now);
    for (const { id } of await repo.noticesEnded(tx, streetId, today)) {
      const award = await repo.findAward(tx, streetId, id, true);
      if (!award || award.status !== 'on_notice' || Number(award.open_objections) > 0) continue;
      if (await repo.activeBlock(tx, award.volunteer_id, now)) continue;
      const moved = await repo.moveAward(
        tx,
        award.id,
        ['on_notice'],
        award.version,
        sql`status = 'awarded', awarded_at = ${now.toISOString()}::timestamptz, awarded_by = ${actorAccountId}`,
      );
      if (!moved) continue;
      awarded++;
      await appendAudit(tx, {
        streetId,
        actorAccountId,
        action: 'star_award.award',
        entityType: 'volunteer',
        entityId: award.volunteer_id,
        oldValue: { awardId: award.id, level: award.level, status: 'on_notice' },
        newValue: { awardId: award.id, level: award.level, status: 'awarded' },
        reason: 'notice ended without objection',
      });
      await notifyAwarded(award, tx);
    }
  });
  return { proposed, awarded };
}

/** POST /star-awards/run: the street admin runs the job now. */
export async function runStarJobFor(deps: Deps, actorOrNone: Actor | undefined) {
  const actor = requireActor(actorOrNone);
  requireStreetAdmin(actor);
  return runStarJob(deps, actor.streetId, actor.accountId);
}

/** All streets (main.ts). */
export async function runStarJobs(deps: Deps): Promise<void> {
  const streets = await queryRows<{ id: string }>(deps.db, sql`SELECT id FROM streets ORDER BY id`);
  for (const s of streets) await runStarJob(deps, s.id);
}

/** The caller's own awards (proposals, notices, awards, rejections, revocations), newest first. Any signed-in account. */
export async function listMyAwards(deps: Deps, actorOrNone: Actor | undefined): Promise<{ items: StarAward[]; nextCursor: null }> {
  const actor = requireActor(actorOrNone);
  const rows = await repo.listAwardsOfPerson(deps.db, actor.streetId, actor.personId);
  return { items: rows.map(present), nextCursor: null };
}
