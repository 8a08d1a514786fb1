import { maskName, type Correction, type ServiceRecord } from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import { canDecide, seesFullName } from './records.policy.js';
import type { CorrectionRow, RecordRow } from './records.repository.js';

export interface RecordContext {
  volunteerName: string;
  volunteerPersonId: string;
  volunteerCommunityId: string | null;
  openRequest: 'correction' | 'appeal' | null;
}

export function presentRecord(actor: Actor, r: RecordRow, ctx: RecordContext): ServiceRecord {
  const decider = canDecide(actor, r) && !(r.source === 'backfill' && r.createdByAccountId === actor.accountId);
  return {
    id: r.id,
    volunteerId: r.volunteerId,
    volunteerName: seesFullName(actor, ctx.volunteerPersonId, ctx.volunteerCommunityId) ? ctx.volunteerName : maskName(ctx.volunteerName),
    minutes: r.creditedMinutes,
    status: r.status,
    source: r.source,
    servedOn: r.servedOn,
    content: r.content,
    place: r.place,
    demandId: r.demandId,
    activityId: r.activityId,
    communityId: r.communityId,
    teamId: r.teamId,
    reason: r.reason,
    evidence: r.evidence,
    createdAt: isoWithOffset(r.createdAt),
    decidedAt: isoOrNull(r.decidedAt),
    decisionReason: r.decisionReason,
    pointsCredited: r.pointsCredited,
    coinsDeposited: r.coinsDeposited,
    coinsOverCap: r.coinsOverCap,
    zeroed: r.zeroedAt !== null,
    openRequest: ctx.openRequest,
    canDecide: decider,
  };
}

export function presentCorrection(c: CorrectionRow, volunteerId: string, now: Date): Correction {
  return {
    id: c.id,
    recordId: c.recordId,
    volunteerId,
    kind: c.kind,
    status: c.status,
    oldMinutes: c.oldMinutes,
    requestedMinutes: c.requestedMinutes,
    newMinutes: c.newMinutes,
    reason: c.reason,
    resolutionReason: c.resolutionReason,
    dueAt: isoOrNull(c.dueAt),
    overdue: c.status === 'pending' && c.dueAt !== null && c.dueAt < now,
    createdAt: isoWithOffset(c.createdAt),
    resolvedAt: isoOrNull(c.resolvedAt),
  };
}
