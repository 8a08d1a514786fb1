import type { ActivityAction } from '@duodi/contracts';
import { hasRole, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { ACTIVITY_ACTION_RELATIONS, PUBLIC_STATUSES, type ActivityRelation } from './activity-state.js';
import type { ActivityRow } from './activities.repository.js';

type Place = Pick<ActivityRow, 'communityId' | 'teamId' | 'status'>;

/**
 * How the caller stands to an activity: organizer = leader of its team or admin of its community;
 * reviewer = admin of its community, or the street admin.
 */
export function relationsTo(actor: Actor | undefined, a: Place): Set<ActivityRelation> {
  const rel = new Set<ActivityRelation>();
  if (!actor) return rel;
  const communityAdmin = a.communityId !== null && scopeIdsOf(actor, 'community_admin').includes(a.communityId);
  if ((a.teamId && scopeIdsOf(actor, 'team_leader').includes(a.teamId)) || communityAdmin) rel.add('organizer');
  if (communityAdmin || hasRole(actor, 'street_admin')) rel.add('reviewer');
  return rel;
}

/** Drafts and activities under review exist only for their organizers and reviewers (404 for others). */
export function canSee(a: Place, rel: ReadonlySet<ActivityRelation>): boolean {
  return rel.size > 0 || PUBLIC_STATUSES.includes(a.status);
}

/** @throws forbidden */
export function assertMayTake(action: ActivityAction, rel: ReadonlySet<ActivityRelation>): void {
  if (!ACTIVITY_ACTION_RELATIONS[action].some((r) => rel.has(r))) throw new AppError('forbidden');
}

/** @throws forbidden */
export function assertOrganizer(rel: ReadonlySet<ActivityRelation>, orReviewer = false): void {
  if (!rel.has('organizer') && !(orReviewer && rel.has('reviewer'))) throw new AppError('forbidden');
}
