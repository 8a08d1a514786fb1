import type { DemandAction, DemandStatus } from '@duodi/contracts';
import { hasRole, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { mayTake, type DemandRelation } from './demand-state.js';

/** What the policy needs to know about the caller beyond the actor: their volunteer record and teams. */
export interface ActorContext {
  actor: Actor;
  volunteerId: string | null;
  /** Teams the caller is a member of (as volunteer). */
  memberTeamIds: string[];
  /** Communities of the teams the caller leads (null = a street-level team). */
  ledTeamCommunities: (string | null)[];
}

export interface DemandPlace {
  status: DemandStatus;
  communityId: string;
  gridId: string;
  teamId: string | null;
  requesterPersonId: string | null;
  beneficiaryPersonId: string | null;
}

/** How the caller stands to a demand (demand-state.ts DEMAND_RELATIONS). */
export function relationsTo(ctx: ActorContext, demand: DemandPlace, acceptedVolunteerIds: readonly string[]): Set<DemandRelation> {
  const { actor } = ctx;
  const rel = new Set<DemandRelation>();
  if (hasRole(actor, 'street_admin')) rel.add('street_admin');
  if (scopeIdsOf(actor, 'community_admin').includes(demand.communityId)) rel.add('community_admin');
  if (scopeIdsOf(actor, 'grid_worker').includes(demand.gridId)) rel.add('grid_worker');
  if (demand.teamId && scopeIdsOf(actor, 'team_leader').includes(demand.teamId)) rel.add('team_leader');
  if (demand.teamId && ctx.volunteerId && ctx.memberTeamIds.includes(demand.teamId)) rel.add('team_volunteer');
  if (ctx.volunteerId && acceptedVolunteerIds.includes(ctx.volunteerId)) rel.add('accepted_volunteer');
  if (demand.requesterPersonId === actor.personId || demand.beneficiaryPersonId === actor.personId) rel.add('requester');
  return rel;
}

/** A published demand is on the market for the leaders of teams of its community and of street-level teams. */
export function onLeadersMarket(ctx: ActorContext, demand: DemandPlace): boolean {
  return demand.status === 'published' && ctx.ledTeamCommunities.some((c) => c === null || c === demand.communityId);
}

/**
 * Whether the caller sees the demand at all (else 404): staff of its grid and the levels above,
 * its team's leader and members, its volunteers, the resident it is for, and, while it is
 * published, the leaders of the teams that may claim it.
 */
export function canSee(ctx: ActorContext, demand: DemandPlace, relations: ReadonlySet<DemandRelation>): boolean {
  return relations.size > 0 || onLeadersMarket(ctx, demand);
}

/**
 * Whether the caller may take the step (403 otherwise). For `assign`, a team leader claims for the
 * team named in the body, which they must lead.
 * @throws forbidden
 */
export function assertMayTake(ctx: ActorContext, action: DemandAction, relations: ReadonlySet<DemandRelation>, assignTeamId?: string) {
  const effective = new Set(relations);
  if (action === 'assign') {
    effective.delete('team_leader');
    if (assignTeamId && scopeIdsOf(ctx.actor, 'team_leader').includes(assignTeamId)) effective.add('team_leader');
  }
  if (!mayTake(effective, action)) throw new AppError('forbidden');
}

/** Staff who see and manage demands of a place: street admin, its community admin, its grid worker. */
export function isStaffFor(actor: Actor, place: { communityId: string; gridId: string }): boolean {
  return (
    hasRole(actor, 'street_admin') ||
    scopeIdsOf(actor, 'community_admin').includes(place.communityId) ||
    scopeIdsOf(actor, 'grid_worker').includes(place.gridId)
  );
}
