import type { Role, ScopeType, UiLang } from '@duodi/contracts';
import { AppError } from '../errors.js';

export interface Assignment {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  /** The community the scope lies in (null for street and unit scopes and street-level teams). */
  communityId: string | null;
}

/** Who is calling: the signed-in account with its roles, each bound to a scope. */
export interface Actor {
  accountId: string;
  personId: string;
  streetId: string;
  name: string;
  language: UiLang;
  elderlyMode: boolean;
  homeCommunityId: string | null;
  homeGridId: string | null;
  assignments: Assignment[];
}

export const rolesOf = (actor: Actor): Role[] => [...new Set(actor.assignments.map((a) => a.role))];
export const hasRole = (actor: Actor, role: Role): boolean => actor.assignments.some((a) => a.role === role);
export const scopeIdsOf = (actor: Actor, role: Role): string[] => actor.assignments.filter((a) => a.role === role).map((a) => a.scopeId);

export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}

/**
 * Communities whose people the actor may see unmasked: all for a street admin; otherwise the
 * actor's own community and the communities of the scopes they hold.
 */
export function communitiesInView(actor: Actor): 'all' | Set<string> {
  if (hasRole(actor, 'street_admin')) return 'all';
  const ids = new Set<string>();
  if (actor.homeCommunityId) ids.add(actor.homeCommunityId);
  for (const a of actor.assignments) if (a.communityId) ids.add(a.communityId);
  return ids;
}
