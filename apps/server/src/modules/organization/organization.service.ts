import {
  FOCUS_TAGS,
  type CommunityDetail,
  type FocusTag,
  type Grid,
  type Household,
  type ResidentListItem,
  type Team,
  type TeamDetail,
  type Unit,
  type Community,
} from '@duodi/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { requireActor } from '../../platform/auth/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import * as repo from './organization.repository.js';
import { assertCommunityInScope, assertGridInScope, peopleScopeOf } from './organization.policy.js';
import { presentCommunity, presentGrid, presentResident, presentTeam, presentTeamDetail, presentUnit } from './organization.presenter.js';

/** Focus tags that are sensitive personal information (DR-21: health, disability, children). */
const SENSITIVE_TAGS: readonly FocusTag[] = ['disabled', 'child', 'left_behind_child'];

/** Villages and communities of the street with their counts (public). */
export async function listCommunities(deps: Deps, actor: Actor | undefined): Promise<{ items: Community[]; nextCursor: null }> {
  const rows = await repo.listCommunities(deps.db, actor?.streetId);
  return { items: rows.map(presentCommunity), nextCursor: null };
}

/**
 * One community with its station, service center, grids and teams (public; grid workers' contacts for signed-in callers).
 * @throws not_found
 */
export async function getCommunity(deps: Deps, actor: Actor | undefined, id: string): Promise<CommunityDetail> {
  const community = await repo.findCommunity(deps.db, id);
  if (!community || (actor && community.streetId !== actor.streetId)) throw new AppError('not_found');
  const [counts, gridRows, teamRows] = await Promise.all([
    repo.listCommunities(deps.db, community.streetId),
    repo.listGrids(deps.db, { communityId: id }),
    repo.listTeams(deps.db, { communityId: id }),
  ]);
  const row = counts.find((c) => c.community.id === id)!;
  return {
    ...presentCommunity(row),
    stationAddress: community.stationAddress,
    serviceCenterRooms: community.serviceCenterRooms,
    grids: gridRows.map((g) => presentGrid(g, Boolean(actor))),
    teams: teamRows.map((t) => ({ id: t.team.id, name: t.team.name })),
  };
}

/** Grids of a community or of the street (signed-in callers). */
export async function listGrids(deps: Deps, actor: Actor | undefined, input: { communityId?: string }): Promise<{ items: Grid[]; nextCursor: null }> {
  requireActor(actor);
  const rows = await repo.listGrids(deps.db, input);
  return { items: rows.map((g) => presentGrid(g, true)), nextCursor: null };
}

/** Teams of the street or of one community, with leader and member count (public). */
export async function listTeams(deps: Deps, input: { communityId?: string }): Promise<{ items: Team[]; nextCursor: null }> {
  const rows = await repo.listTeams(deps.db, input);
  return { items: rows.map(presentTeam), nextCursor: null };
}

/**
 * A team's brand page: slogan, story, logo, leader (public).
 * @throws not_found
 */
export async function getTeam(deps: Deps, id: string): Promise<TeamDetail> {
  const [row] = await repo.listTeams(deps.db, { id });
  if (!row) throw new AppError('not_found');
  return presentTeamDetail(row);
}

/** Co-building units (大工委共建单位) of the street (public). */
export async function listUnits(deps: Deps): Promise<{ items: Unit[]; nextCursor: null }> {
  const rows = await repo.listUnits(deps.db);
  return { items: rows.map(presentUnit), nextCursor: null };
}

function decodeTags(deps: Deps, enc: string | null): FocusTag[] {
  if (!enc) return [];
  const parsed = JSON.parse(deps.crypto.decrypt(enc)) as unknown;
  return Array.isArray(parsed) ? parsed.filter((t): t is FocusTag => (FOCUS_TAGS as readonly string[]).includes(t as string)) : [];
}

async function resolveFilters(deps: Deps, actor: Actor, input: { communityId?: string; gridId?: string }) {
  const scope = peopleScopeOf(actor);
  if (input.communityId) assertCommunityInScope(actor, scope, input.communityId);
  if (input.gridId) {
    const grid = await repo.findGrid(deps.db, input.gridId);
    if (!grid || grid.streetId !== actor.streetId) throw new AppError('not_found');
    assertGridInScope(scope, grid);
  }
  return scope;
}

/**
 * Residents in the caller's scope with phone and ID masked; showing sensitive focus tags is logged (DR-21).
 * @throws unauthenticated | forbidden | not_found
 */
export async function listResidents(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { communityId?: string; gridId?: string; tag?: FocusTag; limit: number; cursor?: string },
): Promise<{ items: ResidentListItem[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const scope = await resolveFilters(deps, actor, input);
  const after = decodeCursor(input.cursor, 1)?.[0] as string | undefined;
  const rows = await repo.listResidents(deps.db, {
    streetId: actor.streetId,
    scope,
    ...(input.communityId ? { communityId: input.communityId } : {}),
    ...(input.gridId ? { gridId: input.gridId } : {}),
    ...(input.tag ? { tagToken: deps.crypto.blindIndex('focus', input.tag) } : {}),
    ...(after ? { after } : {}),
    limit: input.limit,
  });
  const page = pageFrom(rows, input.limit, (r) => [r.person.id]);
  const year = deps.now().getFullYear();
  const items = page.items.map((r) => presentResident(r, decodeTags(deps, r.person.focusTagsEnc), year));
  await repo.insertAccessLog(
    deps.db,
    items
      .filter((i) => i.focusTags.some((t) => SENSITIVE_TAGS.includes(t)))
      .map((i) => ({ streetId: actor.streetId, actorAccountId: actor.accountId, personId: i.id, field: 'focus_tags', purpose: 'resident_list' })),
  );
  return { items, nextCursor: page.nextCursor };
}

/**
 * One resident in the caller's scope; outside it the resident does not exist for the caller (404).
 * @throws unauthenticated | forbidden | not_found
 */
export async function getResident(deps: Deps, actorOrNone: Actor | undefined, id: string): Promise<ResidentListItem> {
  const actor = requireActor(actorOrNone);
  const scope = peopleScopeOf(actor);
  const row = await repo.findResident(deps.db, { streetId: actor.streetId, scope, id });
  if (!row) throw new AppError('not_found');
  const item = presentResident(row, decodeTags(deps, row.person.focusTagsEnc), deps.now().getFullYear());
  if (item.focusTags.some((t) => SENSITIVE_TAGS.includes(t))) {
    await repo.insertAccessLog(deps.db, [{ streetId: actor.streetId, actorAccountId: actor.accountId, personId: id, field: 'focus_tags', purpose: 'resident_detail' }]);
  }
  return item;
}

/**
 * Households in the caller's scope.
 * @throws unauthenticated | forbidden | not_found
 */
export async function listHouseholds(
  deps: Deps,
  actorOrNone: Actor | undefined,
  input: { communityId?: string; gridId?: string; limit: number; cursor?: string },
): Promise<{ items: Household[]; nextCursor: string | null }> {
  const actor = requireActor(actorOrNone);
  const scope = await resolveFilters(deps, actor, input);
  const after = decodeCursor(input.cursor, 1)?.[0] as string | undefined;
  const rows = await repo.listHouseholds(deps.db, {
    streetId: actor.streetId,
    scope,
    ...(input.communityId ? { communityId: input.communityId } : {}),
    ...(input.gridId ? { gridId: input.gridId } : {}),
    ...(after ? { after } : {}),
    limit: input.limit,
  });
  const page = pageFrom(rows, input.limit, (r) => [r.household.id]);
  return {
    items: page.items.map((r) => ({
      id: r.household.id,
      gridId: r.household.gridId,
      communityId: r.household.communityId,
      address: r.household.address,
      memberCount: r.memberCount,
    })),
    nextCursor: page.nextCursor,
  };
}
