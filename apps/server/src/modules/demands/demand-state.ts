// The demand work order as a pure transition table (API.md, DR-14): which step leads from which
// statuses to which, and who may take it. No I/O; demand-state.test.ts checks every combination.
import type { DemandAction, DemandStatus, DemandUrgency } from '@duodi/contracts';
import { AppError } from '../../platform/errors.js';

type Transition = { from: readonly DemandStatus[]; to: DemandStatus };

export const DEMAND_TRANSITIONS = {
  publish: { from: ['submitted'], to: 'published' },
  reject: { from: ['submitted'], to: 'rejected' },
  assign: { from: ['published'], to: 'assigned' },
  accept: { from: ['assigned'], to: 'accepted' },
  start: { from: ['accepted'], to: 'in_service' },
  complete: { from: ['in_service'], to: 'completed' },
  rate: { from: ['completed'], to: 'rated' },
  close: { from: ['completed', 'rated'], to: 'closed' },
  cancel: { from: ['submitted', 'published', 'assigned', 'accepted'], to: 'cancelled' },
} as const satisfies Record<DemandAction, Transition>;

/**
 * How the caller stands to one demand. A relation is held only in the demand's place: a community
 * admin of its community, the grid worker of its grid, the leader or a member of its team…
 */
export const DEMAND_RELATIONS = [
  'street_admin',
  'community_admin',
  'grid_worker',
  /** Leader of the demand's team; for `assign`, leader of the team named in the body. */
  'team_leader',
  /** A volunteer member of the demand's team. */
  'team_volunteer',
  /** A volunteer who accepted it. */
  'accepted_volunteer',
  /** The resident who ordered it, or its beneficiary. */
  'requester',
] as const;
export type DemandRelation = (typeof DEMAND_RELATIONS)[number];

/** Who may take each step (API.md). Street admins may do what community admins do. */
export const DEMAND_ACTION_ROLES: Record<DemandAction, readonly DemandRelation[]> = {
  publish: ['street_admin', 'community_admin'],
  reject: ['street_admin', 'community_admin'],
  assign: ['street_admin', 'community_admin', 'team_leader'],
  accept: ['team_volunteer'],
  start: ['accepted_volunteer'],
  complete: ['accepted_volunteer'],
  rate: ['requester', 'grid_worker'],
  close: ['street_admin', 'community_admin', 'grid_worker'],
  cancel: ['street_admin', 'community_admin', 'grid_worker', 'requester'],
};

/** A rating at or under this is "dissatisfied" (不满意) and sends the demand back once for rework (重办). */
export const DISSATISFIED_MAX_SCORE = 2;
/** The status a rework returns to: the same volunteers serve again (start → complete → rate). */
export const REWORK_STATUS: DemandStatus = 'accepted';
export const MAX_REWORKS = 1;

export const OPEN_STATUSES: readonly DemandStatus[] = ['submitted', 'published', 'assigned', 'accepted', 'in_service', 'completed', 'rated'];
export const isOpen = (status: DemandStatus) => OPEN_STATUSES.includes(status);

export const mayTake = (relations: ReadonlySet<DemandRelation>, action: DemandAction) =>
  DEMAND_ACTION_ROLES[action].some((r) => relations.has(r));

export const isAllowedFrom = (status: DemandStatus, action: DemandAction) =>
  (DEMAND_TRANSITIONS[action].from as readonly DemandStatus[]).includes(status);

/**
 * The status a step leads to. `rate` with a dissatisfied score on a demand not yet reworked returns
 * to REWORK_STATUS instead of `rated`; `accept` of a multi-volunteer demand stays `assigned` until the
 * last slot is taken.
 * @throws invalid_transition
 */
export function nextStatus(
  current: DemandStatus,
  action: DemandAction,
  ctx: { score?: number; reworkCount?: number; acceptedAfter?: number; volunteersNeeded?: number } = {},
): DemandStatus {
  if (!isAllowedFrom(current, action)) throw new AppError('invalid_transition', { from: current, action });
  if (action === 'rate' && ctx.score !== undefined && ctx.score <= DISSATISFIED_MAX_SCORE && (ctx.reworkCount ?? 0) < MAX_REWORKS) {
    return REWORK_STATUS;
  }
  if (action === 'accept' && ctx.acceptedAfter !== undefined && ctx.volunteersNeeded !== undefined && ctx.acceptedAfter < ctx.volunteersNeeded) {
    return 'assigned';
  }
  return DEMAND_TRANSITIONS[action].to;
}

const HOUR = 3_600_000;
/**
 * The deadline of the step the demand now waits for (DR-14 defaults): review 1 day (urgent 2 h),
 * dispatch 24 h (urgent 2 h), acceptance 24 h (urgent 2 h), service by the preferred end or 3 days,
 * the call-back 3 days after completion. Closed, rejected and cancelled demands have none.
 */
export function slaDueAt(status: DemandStatus, urgency: DemandUrgency, at: Date, preferredEnd: Date | null = null): Date | null {
  const quick = urgency === 'urgent';
  switch (status) {
    case 'submitted':
    case 'published':
    case 'assigned':
      return new Date(at.getTime() + (quick ? 2 : 24) * HOUR);
    case 'accepted':
    case 'in_service':
      return preferredEnd && preferredEnd.getTime() > at.getTime() ? preferredEnd : new Date(at.getTime() + (quick ? 24 : 72) * HOUR);
    case 'completed':
    case 'rated':
      return new Date(at.getTime() + 72 * HOUR);
    default:
      return null;
  }
}

export type EscalationLevel = 'community' | 'street';
const LEVELS: readonly EscalationLevel[] = ['community', 'street'];

/**
 * DR-14 escalation of an overdue demand: past its deadline it goes to the community; more than a
 * day past it (urgent: 2 h) to the street. Null when it is not overdue or no longer open.
 */
export function escalationDue(status: DemandStatus, urgency: DemandUrgency, due: Date | null, now: Date): EscalationLevel | null {
  if (!isOpen(status) || !due || now.getTime() <= due.getTime()) return null;
  return now.getTime() - due.getTime() > (urgency === 'urgent' ? 2 : 24) * HOUR ? 'street' : 'community';
}

/** Whether `due` is a higher level than the one already reached (null = none yet). */
export const escalates = (reached: EscalationLevel | null, due: EscalationLevel | null) =>
  due !== null && LEVELS.indexOf(due) > (reached === null ? -1 : LEVELS.indexOf(reached));
