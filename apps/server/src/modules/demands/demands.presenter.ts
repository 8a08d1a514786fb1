import type { Demand, DemandListItem, ServiceItemDto } from '@duodi/contracts';
import { isoOrNull, isoWithOffset } from '../../platform/http/time.js';
import { isOpen } from './demand-state.js';
import type { DemandRow, HistoryRow, ServiceItemRow } from './demands.repository.js';

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

export function presentHistory(rows: HistoryRow[]): Demand['history'] {
  return rows.map((h) => ({
    action: h.action,
    from: h.fromStatus,
    to: h.toStatus,
    at: isoWithOffset(h.at),
    byUserId: h.byAccountId,
    note: h.note,
  }));
}

export function presentDemand(
  row: DemandRow,
  volunteerIds: string[],
  history: HistoryRow[],
  beneficiary: Demand['beneficiary'],
  now: Date,
): Demand {
  return { ...presentDemandListItem(row, volunteerIds, now), beneficiary, history: presentHistory(history) };
}
