import { communitiesInView, hasRole, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';

/** Where a record was run: the community of its demand/activity, or the team. */
export interface RecordPlace {
  communityId: string | null;
  teamId: string | null;
}

/** Where a volunteer lives in the organization. */
export interface VolunteerPlace {
  personId: string;
  communityId: string | null;
  gridId: string | null;
  teamIds: string[];
}

/** The communities and teams whose records the caller confirms (谁记录谁证明). */
export function decideScope(actor: Actor): { communityIds: string[]; teamIds: string[] } {
  return { communityIds: scopeIdsOf(actor, 'community_admin'), teamIds: scopeIdsOf(actor, 'team_leader') };
}

/** The community admin of the record's community, or the leader of its team. */
export function canDecide(actor: Actor, r: RecordPlace): boolean {
  const s = decideScope(actor);
  return Boolean((r.communityId && s.communityIds.includes(r.communityId)) || (r.teamId && s.teamIds.includes(r.teamId)));
}

/** A record exists for: its volunteer, those who confirm it, and the street admin (else 404). */
export function canSeeRecord(actor: Actor, r: RecordPlace, volunteerPersonId: string): boolean {
  return actor.personId === volunteerPersonId || hasRole(actor, 'street_admin') || canDecide(actor, r);
}

/**
 * A volunteer's records and summary: the volunteer, the street admin, the community admin of the
 * volunteer's community, the grid worker of their grid, the leaders of their teams (else 404).
 */
export function canSeeVolunteer(actor: Actor, v: VolunteerPlace): boolean {
  if (actor.personId === v.personId || hasRole(actor, 'street_admin')) return true;
  if (v.communityId && scopeIdsOf(actor, 'community_admin').includes(v.communityId)) return true;
  if (v.gridId && scopeIdsOf(actor, 'grid_worker').includes(v.gridId)) return true;
  const led = scopeIdsOf(actor, 'team_leader');
  return v.teamIds.some((t) => led.includes(t));
}

/** Full name for the volunteer and callers whose view covers the volunteer's community (API.md: masked outside it). */
export function seesFullName(actor: Actor, volunteerPersonId: string, volunteerCommunityId: string | null): boolean {
  if (actor.personId === volunteerPersonId) return true;
  const view = communitiesInView(actor);
  return view === 'all' || (volunteerCommunityId !== null && view.has(volunteerCommunityId));
}

/** Staff who run a verification queue: street admin, community admins, team leaders. */
export const isRecordStaff = (actor: Actor): boolean =>
  hasRole(actor, 'street_admin') || hasRole(actor, 'community_admin') || hasRole(actor, 'team_leader');
