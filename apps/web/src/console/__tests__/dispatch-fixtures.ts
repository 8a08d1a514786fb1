import type { DemandListItem, Grid, Me, ServiceItemDto, Team } from '@duodi/contracts';
import { COMMUNITIES, RESIDENT } from '../../testing/fixtures';
import { json } from '../../testing/mock-api';
import type { StaffServiceItem } from '../../features/dispatch/api/service-items';

export const COMMUNITY_ADMIN: Me = {
  ...RESIDENT,
  id: 'u-02',
  name: '央金卓玛',
  nameBo: null,
  roles: ['community_admin'],
  assignments: [{ role: 'community_admin', scopeType: 'community', scopeId: 'c-sangyi', scopeName: '桑伊社区' }],
};

export const TEAM_LEADER: Me = {
  ...RESIDENT,
  id: 'u-05',
  name: '格桑',
  nameBo: null,
  roles: ['team_leader', 'volunteer'],
  volunteerId: 'v-05',
  teamIds: ['t-bugu'],
  assignments: [
    { role: 'team_leader', scopeType: 'team', scopeId: 't-bugu', scopeName: '布谷响铃' },
    { role: 'volunteer', scopeType: 'street', scopeId: 's-duodi', scopeName: '夺底街道' },
  ],
};

export const STREET_ADMIN: Me = {
  ...RESIDENT,
  id: 'u-01',
  name: '次旦',
  nameBo: null,
  roles: ['street_admin'],
  assignments: [{ role: 'street_admin', scopeType: 'street', scopeId: 's-duodi', scopeName: '夺底街道' }],
};

export const GRIDS: Grid[] = [
  {
    id: 'g-1',
    code: 'SY-01',
    name: '桑伊第一网格',
    nameBo: null,
    communityId: 'c-sangyi',
    gridWorker: null,
    partyBranch: '',
    partyContactName: '',
    householdCount: 100,
    residentCount: 300,
  },
];

export const DISPATCH_TEAMS: Team[] = [
  {
    id: 't-bugu',
    name: '布谷响铃志愿服务队',
    nameBo: null,
    nameEn: null,
    communityId: 'c-sangyi',
    domains: ['elderly_care'],
    leaderId: 'v-05',
    leaderName: '格桑',
    memberCount: 80,
    slogan: null,
  },
  {
    id: 't-street',
    name: '街道应急队',
    nameBo: null,
    nameEn: null,
    communityId: null,
    domains: ['emergency'],
    leaderId: null,
    leaderName: null,
    memberCount: 20,
    slogan: null,
  },
];

export const MENU: StaffServiceItem[] = [
  {
    id: 'svc_escort',
    name: '陪同就医',
    nameBo: 'སྨན་ཁང་དུ་མཉམ་འགྲོ།',
    nameEn: 'Hospital escort',
    category: 'elderly_care',
    skills: ['driving'],
    languages: ['bo', 'zh'],
    typicalMinutes: 120,
    volunteersNeeded: 1,
    description: null,
    active: true,
    teamIds: ['t-bugu'],
    disabledCommunityIds: [],
  },
  {
    id: 'svc_cleanup',
    name: '环境清扫',
    nameBo: null,
    nameEn: null,
    category: 'environment',
    skills: ['cleaning'],
    languages: [],
    typicalMinutes: 90,
    volunteersNeeded: 4,
    description: null,
    active: false,
    teamIds: [],
    disabledCommunityIds: [],
  },
];

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

export function demand(id: string, patch: Partial<DemandListItem> = {}): DemandListItem {
  return {
    id,
    status: 'submitted',
    serviceItemId: 'svc_escort',
    description: '老人需要陪同去医院复查',
    streetId: 's-duodi',
    communityId: 'c-sangyi',
    gridId: 'g-1',
    teamId: null,
    volunteerIds: [],
    volunteersNeeded: 1,
    channel: 'phone',
    urgency: 'normal',
    requesterId: null,
    preferredStart: null,
    preferredEnd: null,
    slaDueAt: iso(Date.now() + 20 * HOUR),
    overdue: false,
    rating: null,
    ratingComment: null,
    reworkCount: 0,
    feeFlag: false,
    rejectReason: null,
    cancelReason: null,
    followUp: null,
    version: 1,
    createdAt: '2026-11-28T09:00:00+08:00',
    updatedAt: '2026-11-28T09:00:00+08:00',
    ...patch,
  };
}

export const overdueBy = (hours: number) => ({ slaDueAt: iso(Date.now() - hours * HOUR), overdue: true });

/** Routes every dispatch screen reads for names (menu, communities, grids, teams). */
export function lookupRoutes(menu: ServiceItemDto[] = MENU) {
  return {
    'GET /api/v1/service-items': () => json(200, { items: menu, nextCursor: null }),
    'GET /api/v1/communities': () => json(200, { items: COMMUNITIES, nextCursor: null }),
    'GET /api/v1/grids': () => json(200, { items: GRIDS, nextCursor: null }),
    'GET /api/v1/teams': () => json(200, { items: DISPATCH_TEAMS, nextCursor: null }),
  };
}
