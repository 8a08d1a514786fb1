import type { Community, FocusTag, Grid, ResidentListItem, Team, TeamDetail, Unit } from '@duodi/contracts';
import type { communities, grids, teams, units, persons } from '../../schema/index.js';

type CommunityRow = typeof communities.$inferSelect;
type TeamRow = typeof teams.$inferSelect;

export function presentCommunity(row: { community: CommunityRow; gridCount: number; volunteerCount: number; householdCount: number }): Community {
  const c = row.community;
  return {
    id: c.id,
    name: c.name,
    nameBo: c.nameBo,
    nameEn: c.nameEn,
    kind: c.kind,
    gridCount: row.gridCount,
    volunteerCount: row.volunteerCount,
    householdCount: row.householdCount,
    stationName: c.stationName,
    serviceCenterName: c.serviceCenterName,
  };
}

/** A grid; the grid worker's contact only for signed-in callers. */
export function presentGrid(
  row: { grid: typeof grids.$inferSelect; workerName: string | null; workerPhoneMasked: string | null; householdCount: number; residentCount: number },
  signedIn: boolean,
): Grid {
  const g = row.grid;
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    nameBo: g.nameBo,
    communityId: g.communityId,
    gridWorker:
      signedIn && g.gridWorkerPersonId && row.workerName
        ? { id: g.gridWorkerPersonId, name: row.workerName, phoneMasked: row.workerPhoneMasked ?? '' }
        : null,
    partyBranch: g.partyBranch,
    partyContactName: g.partyContactName,
    householdCount: row.householdCount,
    residentCount: row.residentCount,
  };
}

export function presentTeam(row: { team: TeamRow; leaderName: string | null; leaderVolunteerId: string | null; memberCount: number }): Team {
  const t = row.team;
  return {
    id: t.id,
    name: t.name,
    nameBo: t.nameBo,
    nameEn: t.nameEn,
    communityId: t.communityId,
    domains: t.domains as Team['domains'],
    leaderId: row.leaderVolunteerId,
    leaderName: row.leaderName,
    memberCount: row.memberCount,
    slogan: t.slogan,
  };
}

export function presentTeamDetail(row: {
  team: TeamRow;
  leaderName: string | null;
  leaderVolunteerId: string | null;
  memberCount: number;
  communityName: string | null;
}): TeamDetail {
  const t = row.team;
  return {
    ...presentTeam(row),
    sloganBo: t.sloganBo,
    story: t.story,
    storyBo: t.storyBo,
    logoUrl: t.logoPath ? `/api/v1/teams/${t.id}/logo` : null,
    foundedOn: t.foundedOn,
    communityName: row.communityName,
  };
}

export function presentUnit(u: typeof units.$inferSelect): Unit {
  return { id: u.id, name: u.name, nameBo: u.nameBo, kind: u.kind, partyOrg: u.partyOrg };
}

export function presentResident(
  row: { person: typeof persons.$inferSelect; address: string | null },
  focusTags: FocusTag[],
  thisYear: number,
): ResidentListItem {
  const p = row.person;
  return {
    id: p.id,
    name: p.name,
    nameBo: p.nameBo,
    gender: p.gender,
    age: p.birthYear ? thisYear - p.birthYear : null,
    phoneMasked: p.phoneMasked,
    idNumberMasked: p.idNumberMasked,
    communityId: p.communityId ?? '',
    gridId: p.gridId ?? '',
    householdId: p.householdId,
    address: row.address,
    focusTags,
    proxy: p.proxyNeeded,
  };
}
