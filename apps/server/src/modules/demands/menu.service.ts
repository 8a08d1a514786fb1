import crypto from 'node:crypto';
import type { ServiceItemCreate, ServiceItemDto, ServiceItemPatch, ServiceItemQuery } from '@duodi/contracts';
import { hasRole, requireActor, scopeIdsOf, type Actor } from '../../platform/auth/actor.js';
import { appendAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/client.js';
import { withTransaction } from '../../platform/db/tx.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import * as menuRepo from './menu.repository.js';
import { presentServiceItem } from './demands.presenter.js';

/** Roles that see the whole menu, inactive items included (`?all=1`). */
const MENU_STAFF = ['street_admin', 'community_admin', 'grid_worker', 'team_leader'] as const;


async function present(tx: Tx, streetId: string, rows: menuRepo.ServiceItemRow[]): Promise<ServiceItemDto[]> {
  const ids = rows.map((r) => r.id);
  const [teamsOf, offOf] = await Promise.all([menuRepo.teamsByItem(tx, streetId, ids), menuRepo.offByItem(tx, streetId, ids)]);
  return rows.map((r) => presentServiceItem(r, teamsOf.get(r.id) ?? [], offOf.get(r.id) ?? []));
}

async function presentOne(tx: Tx, streetId: string, id: string): Promise<ServiceItemDto> {
  const row = await menuRepo.findItem(tx, streetId, id);
  if (!row) throw new AppError('not_found');
  return (await present(tx, streetId, [row]))[0]!;
}

/**
 * The service menu (项目清单), public: the active items with the teams that provide them.
 * `all=1` (staff: street and community admins, grid workers, team leaders) includes inactive items;
 * `communityId` leaves out the items that community switched off.
 * @throws unauthenticated | forbidden
 */
export async function listServiceItems(deps: Deps, actor: Actor | undefined, query: ServiceItemQuery = {}): Promise<{ items: ServiceItemDto[]; nextCursor: null }> {
  const all = query.all === '1' || query.all === 'true';
  if (all) {
    const staff = requireActor(actor);
    if (!MENU_STAFF.some((r) => hasRole(staff, r))) throw new AppError('forbidden');
  }
  return withTransaction(deps.db, async (tx) => {
    const streetId = actor?.streetId ?? (await menuRepo.defaultStreetId(tx));
    if (!streetId) return { items: [], nextCursor: null };
    const items = await present(tx, streetId, await menuRepo.listItems(tx, streetId, all));
    const community = query.communityId;
    return { items: community ? items.filter((i) => !i.disabledCommunityIds.includes(community)) : items, nextCursor: null };
  });
}

function requireStreetAdmin(actorOrNone: Actor | undefined): Actor {
  const actor = requireActor(actorOrNone);
  if (!hasRole(actor, 'street_admin')) throw new AppError('forbidden');
  return actor;
}

/**
 * A new item of the street's menu (street admin). `id` defaults to `svc_` + random hex; an id in
 * use is 409 conflict. Audited.
 * @throws unauthenticated | forbidden | conflict
 */
export async function createServiceItem(deps: Deps, actorOrNone: Actor | undefined, input: ServiceItemCreate): Promise<ServiceItemDto> {
  const actor = requireStreetAdmin(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const id = input.id ?? `svc_${crypto.randomBytes(5).toString('hex')}`;
    const row = await menuRepo.insertItem(tx, {
      id,
      streetId: actor.streetId,
      name: input.name,
      nameBo: input.nameBo ?? null,
      nameEn: input.nameEn ?? null,
      category: input.category,
      skills: input.skills,
      languages: input.languages,
      typicalMinutes: input.typicalMinutes,
      volunteersNeeded: input.volunteersNeeded,
      description: input.description ?? null,
      active: input.active,
      sortOrder: await menuRepo.nextSortOrder(tx, actor.streetId),
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw new AppError('conflict', { reason: 'id_in_use' });
    await appendAudit(tx, { streetId: actor.streetId, actorAccountId: actor.accountId, action: 'service_item.create', entityType: 'service_item', entityId: id, newValue: input });
    return presentOne(tx, actor.streetId, id);
  });
}

/**
 * Changes an item of the menu (street admin): names, category, skills, typical minutes,
 * languages, volunteers needed, description, active. Unknown item 404. Audited with old and new values.
 * @throws unauthenticated | forbidden | not_found
 */
export async function updateServiceItem(deps: Deps, actorOrNone: Actor | undefined, id: string, patch: ServiceItemPatch): Promise<ServiceItemDto> {
  const actor = requireStreetAdmin(actorOrNone);
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    const before = await menuRepo.findItem(tx, actor.streetId, id, true);
    if (!before) throw new AppError('not_found');
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    await menuRepo.updateItem(tx, actor.streetId, id, { ...set, updatedAt: now });
    const old = Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof typeof before]]));
    await appendAudit(tx, { streetId: actor.streetId, actorAccountId: actor.accountId, action: 'service_item.update', entityType: 'service_item', entityId: id, oldValue: old, newValue: set });
    return presentOne(tx, actor.streetId, id);
  });
}

/**
 * The teams that provide an item (资源清单). Street admin: the list is replaced by `teamIds` (any
 * team of the street). Community admin: the teams of their community(ies) among the item's teams are
 * replaced by `teamIds`, the others stay; a team elsewhere (another community or street level) is
 * 404. Other roles 403; unknown item or team 404. Audited.
 * @throws unauthenticated | forbidden | not_found
 */
export async function setServiceItemTeams(deps: Deps, actorOrNone: Actor | undefined, id: string, teamIds: string[]): Promise<ServiceItemDto> {
  const actor = requireActor(actorOrNone);
  const street = hasRole(actor, 'street_admin');
  const adminOf = scopeIdsOf(actor, 'community_admin');
  if (!street && !adminOf.length) throw new AppError('forbidden');
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    if (!(await menuRepo.findItem(tx, actor.streetId, id, true))) throw new AppError('not_found');
    const found = await menuRepo.teamsOfStreet(tx, actor.streetId, teamIds);
    if (found.length !== teamIds.length) throw new AppError('not_found');
    if (!street && found.some((t) => t.communityId === null || !adminOf.includes(t.communityId))) throw new AppError('not_found');
    const managed = street ? undefined : await menuRepo.teamIdsOfCommunities(tx, actor.streetId, adminOf);
    const before = (await menuRepo.teamsByItem(tx, actor.streetId, [id])).get(id) ?? [];
    await menuRepo.replaceItemTeams(tx, { streetId: actor.streetId, itemId: id, teamIds, managed, now });
    const after = (await menuRepo.teamsByItem(tx, actor.streetId, [id])).get(id) ?? [];
    await appendAudit(tx, { streetId: actor.streetId, actorAccountId: actor.accountId, action: 'service_item.teams', entityType: 'service_item', entityId: id, oldValue: before, newValue: after });
    return presentOne(tx, actor.streetId, id);
  });
}

/**
 * A community switches an item on or off for itself (its residents cannot order it while off).
 * Street admin or the community's admin; another community's admin 404, other roles 403. Audited.
 * @throws unauthenticated | forbidden | not_found
 */
export async function setServiceItemCommunity(deps: Deps, actorOrNone: Actor | undefined, id: string, communityId: string, enabled: boolean): Promise<ServiceItemDto> {
  const actor = requireActor(actorOrNone);
  const street = hasRole(actor, 'street_admin');
  const adminOf = scopeIdsOf(actor, 'community_admin');
  if (!street && !adminOf.length) throw new AppError('forbidden');
  if (!street && !adminOf.includes(communityId)) throw new AppError('not_found');
  const now = deps.now();
  return withTransaction(deps.db, async (tx) => {
    if (!(await menuRepo.findItem(tx, actor.streetId, id, true))) throw new AppError('not_found');
    if (!(await menuRepo.findCommunity(tx, actor.streetId, communityId))) throw new AppError('not_found');
    const wasOff = await menuRepo.isOffIn(tx, actor.streetId, id, communityId);
    await menuRepo.setOff(tx, { streetId: actor.streetId, serviceItemId: id, communityId, createdAt: now }, !enabled);
    await appendAudit(tx, {
      streetId: actor.streetId,
      actorAccountId: actor.accountId,
      action: 'service_item.community',
      entityType: 'service_item',
      entityId: id,
      oldValue: { communityId, enabled: !wasOff },
      newValue: { communityId, enabled },
    });
    return presentOne(tx, actor.streetId, id);
  });
}
