import { maskName, type Demand, type DemandListItem, type NamedPerson, type ServiceItemDto } from '@duodi/contracts';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import { isOpen } from './demand-state.js';
import type { DemandRow, HistoryRow, NamedPersonRow, ServiceItemRow } from './demands.repository.js';

/**
 * A volunteer or staff member named as the staff lists name them (DR-21): in full when their
 * community is in the caller's view (`GET /volunteers`: `communitiesInView`, all for a street admin)
 * or they belong to a team the caller leads (team_leader) or manages as its community's admin (a team's member list),
 * else masked (`扎*`, Tibetan: the first syllable). Only name and community: no phone, no ID number.
 */
export function presentNamedPerson(row: NamedPersonRow, inView: 'all' | ReadonlySet<string>): NamedPerson {
  const full = row.inViewersTeam || inView === 'all' || (row.communityId !== null && inView.has(row.communityId));
  return {
    name: full ? row.name : maskName(row.name),
    nameBo: row.nameBo === null ? null : full ? row.nameBo : maskName(row.nameBo),
    communityName: row.communityName,
    communityNameBo: row.communityNameBo,
  };
}

/** A menu item with the teams that provide it (资源清单) and the communities that switched it off. */
export function presentServiceItem(row: ServiceItemRow, teamIds: string[] = [], disabledCommunityIds: string[] = []): ServiceItemDto {
  return {
    id: row.id,
    name: row.name,
    nameBo: row.nameBo,
    nameEn: row.nameEn,
    category: row.category as ServiceItemDto['category'],
    skills: row.skills as ServiceItemDto['skills'],
    languages: row.languages as ServiceItemDto['languages'],
    typicalMinutes: row.typicalMinutes,
    volunteersNeeded: row.volunteersNeeded,
    description: row.description,
    teamIds,
    active: row.active,
    disabledCommunityIds,
  };
}

export function presentDemandListItem(row: DemandRow, volunteerIds: string[], now: Date): DemandListItem {
  return {
    id: row.id,
    status: row.status,
    serviceItemId: row.serviceItemId,
    description: row.description,
    streetId: row.streetId,
    communityId: row.communityId,
    gridId: row.gridId,
    teamId: row.teamId,
    volunteerIds,
    volunteersNeeded: row.volunteersNeeded,
    channel: row.channel,
    urgency: row.urgency,
    requesterId: row.requesterPersonId,
    preferredStart: isoOrNull(row.preferredStart),
    preferredEnd: isoOrNull(row.preferredEnd),
    slaDueAt: isoOrNull(row.slaDueAt),
    overdue: isOpen(row.status) && row.slaDueAt !== null && row.slaDueAt.getTime() < now.getTime(),
    rating: row.rating,
    ratingComment: row.ratingComment,
    reworkCount: row.reworkCount,
    feeFlag: row.feeFlag,
    rejectReason: row.rejectReason,
    cancelReason: row.cancelReason,
    followUp: row.followUp,
    version: row.version,
    createdAt: isoWithOffset(row.createdAt),
    updatedAt: isoWithOffset(row.updatedAt),
  };
}

/** The history, each step with who took it (`actors`: named accounts by id; the system's steps have none). */
export function presentHistory(rows: HistoryRow[], actors: ReadonlyMap<string, NamedPerson>): Demand['history'] {
  return rows.map((h) => ({
    action: h.action,
    from: h.fromStatus,
    to: h.toStatus,
    at: isoWithOffset(h.at),
    byUserId: h.byAccountId,
    by: h.byAccountId === null ? null : (actors.get(h.byAccountId) ?? null),
    note: h.note,
  }));
}

/** A demand with its accepted volunteers named (`names` by volunteer id) and its history. */
export function presentDemand(
  row: DemandRow,
  volunteerIds: string[],
  history: HistoryRow[],
  beneficiary: Demand['beneficiary'],
  now: Date,
  names: { volunteers: ReadonlyMap<string, NamedPerson>; actors: ReadonlyMap<string, NamedPerson> },
): Demand {
  const list = presentDemandListItem(row, volunteerIds, now);
  const volunteers = volunteerIds.flatMap((id) => {
    const named = names.volunteers.get(id);
    return named ? [{ id, ...named }] : [];
  });
  return { ...list, volunteers, beneficiary, history: presentHistory(history, names.actors) };
}
