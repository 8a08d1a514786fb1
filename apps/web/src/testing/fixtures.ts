import type { Community, Me, StatsOverview, Team } from '@duodi/contracts';

export const RESIDENT: Me = {
  id: 'u-08',
  name: '次仁卓玛',
  nameBo: 'ཚེ་རིང་སྒྲོལ་མ།',
  roles: ['resident'],
  assignments: [{ role: 'resident', scopeType: 'grid', scopeId: 'g-1', scopeName: '桑伊社区第一网格' }],
  personId: 'p-08',
  volunteerId: null,
  communityId: 'c-sangyi',
  gridId: 'g-1',
  teamIds: [],
  unitId: null,
  streetId: 's-duodi',
  phoneMasked: '139****0008',
  language: 'zh-CN',
  elderlyMode: false,
};

export const STATS: StatsOverview = {
  communities: 6,
  teams: 17,
  volunteers: 1345,
  activeVolunteers30d: 402,
  demandsOpen: 12,
  demandsCompleted: 240,
  verifiedMinutes: 600_000,
  residents: 21_000,
  households: 6_400,
  focusGroupResidents: 1_800,
  partyMembers: 210,
  units: 9,
};

export const COMMUNITIES: Community[] = [
  {
    id: 'c-sangyi',
    name: '桑伊社区',
    nameBo: 'བསམ་ཡིད་སྡོད་ཁུལ།',
    nameEn: 'Sangyi Community',
    kind: 'community',
    gridCount: 4,
    volunteerCount: 260,
    householdCount: 1200,
    stationName: '桑伊社区新时代文明实践站',
    serviceCenterName: '桑伊社区党群服务中心',
  },
];

export const TEAMS: Team[] = [
  {
    id: 't-bugu',
    name: '“布谷响铃”志愿服务队',
    nameBo: null,
    nameEn: 'Cuckoo Bell Volunteers',
    communityId: 'c-sangyi',
    domains: ['elderly_care'],
    leaderId: 'v-05',
    leaderName: '格桑',
    memberCount: 80,
    slogan: '布谷一响，邻里相帮',
  },
];
