/**
 * Teams and party members of the demo data (migration 0003): pending applications to "布谷响铃" for
 * its leader (13900000005) to decide, an invitation, and the in-service party members' reports
 * (云报到) to their residence community: the demo party member 13900000009 confirmed to 吉祥社区 and
 * unit_power, other unit members confirmed, pending or not reported. Pure and deterministic, drawn
 * from its own fork so the rest of the data is unchanged.
 */
import type { Rng } from './random.js';

export interface DemoTeamApplication {
  id: string;
  teamId: string;
  volunteerId: string;
  message: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  reason: string | null;
  decidedByAccountId: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface DemoTeamInvitation {
  id: string;
  teamId: string;
  volunteerId: string;
  message: string | null;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  invitedByAccountId: string;
  decidedAt: Date | null;
  createdAt: Date;
}

export interface DemoPartyReport {
  id: string;
  volunteerId: string;
  communityId: string;
  gridId: string;
  unitId: string;
  channel: 'cloud' | 'offline';
  status: 'pending' | 'confirmed';
  prevPartyMember: boolean;
  prevUnitId: string | null;
  decidedByAccountId: string | null;
  decidedAt: Date | null;
  reportedAt: Date;
}

export interface DemoTeamsParty {
  teamApplications: DemoTeamApplication[];
  teamInvitations: DemoTeamInvitation[];
  partyReports: DemoPartyReport[];
}

export interface TeamsPartyInput {
  referenceDate: Date;
  buguTeamId: string;
  volunteers: readonly { id: string; personId: string; partyMember: boolean; unitId: string | null; registeredAt: Date }[];
  persons: readonly { id: string; communityId: string | null; gridId: string | null }[];
  grids: readonly { id: string; communityId: string }[];
  teamMembers: readonly { teamId: string; volunteerId: string }[];
  /** Demo volunteers by demo account number (5, 6, 7, 9). */
  demoVolunteerIds: ReadonlyMap<number, string>;
  /** Demo accounts: the leader of "布谷响铃" and the community admins who decide reports. */
  accounts: { buguLeader: string; streetAdmin: string; communityAdmins: ReadonlyMap<string, string> };
  /** The party member of the demo (13900000009): residence grid and unit. */
  demoPartyMember: { communityId: string; gridId: string; unitId: string };
}

const DAY = 86_400_000;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const minuteFloor = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

const APPLICATION_MESSAGES = [
  '我会说藏语和汉语，周末有空，想参加入户走访。',
  'ང་ཉིན་རེར་དགོང་དྲོ་ཁོམ་པ་ཡོད། རྒན་རབས་ལ་ཞབས་ཞུ་ཞུ་འདོད།',
  '退休前是社区医生，可以帮老人量血压。',
  '想和邻居们一起为社区做点事。',
  null,
] as const;

export function buildTeamsParty(rng: Rng, input: TeamsPartyInput): DemoTeamsParty {
  const ref = input.referenceDate.getTime();
  const personById = new Map(input.persons.map((p) => [p.id, p]));
  const gridsOf = new Map<string, string[]>();
  for (const g of input.grids) gridsOf.set(g.communityId, [...(gridsOf.get(g.communityId) ?? []), g.id]);
  const demoIds = new Set(input.demoVolunteerIds.values());
  const at = (daysAgoFrom: number, daysAgoTo: number) => minuteFloor(ref - daysAgoFrom * DAY + Math.floor(rng.next() * (daysAgoFrom - daysAgoTo) * DAY));

  // --- applications and invitations of "布谷响铃" (桑伊社区) -------------------------------------
  const buguMembers = new Set(input.teamMembers.filter((m) => m.teamId === input.buguTeamId).map((m) => m.volunteerId));
  const candidates = input.volunteers.filter(
    (v) => !buguMembers.has(v.id) && !demoIds.has(v.id) && personById.get(v.personId)?.communityId === 'com_sy' && v.registeredAt.getTime() < ref - 20 * DAY,
  );
  const [a1, a2, a3, a4, r1, w1, i1, i2] = rng.sample(candidates, 8);
  const teamApplications: DemoTeamApplication[] = [];
  const pending = [a1, a2, a3, a4].filter((v) => v !== undefined);
  pending.forEach((v, k) => {
    teamApplications.push({
      id: `tap_demo_${pad(k + 1, 3)}`,
      teamId: input.buguTeamId,
      volunteerId: v.id,
      message: APPLICATION_MESSAGES[k % APPLICATION_MESSAGES.length] ?? null,
      status: 'pending',
      reason: null,
      decidedByAccountId: null,
      decidedAt: null,
      createdAt: at(12, 1),
    });
  });
  if (r1) {
    const createdAt = at(60, 40);
    teamApplications.push({
      id: 'tap_demo_101',
      teamId: input.buguTeamId,
      volunteerId: r1.id,
      message: '想参加周末的活动。',
      status: 'rejected',
      reason: '本期入户走访名额已满，下期优先联系您。',
      decidedByAccountId: input.accounts.buguLeader,
      decidedAt: new Date(createdAt.getTime() + 2 * DAY),
      createdAt,
    });
  }
  if (w1) {
    const createdAt = at(30, 20);
    teamApplications.push({
      id: 'tap_demo_102',
      teamId: input.buguTeamId,
      volunteerId: w1.id,
      message: null,
      status: 'withdrawn',
      reason: null,
      decidedByAccountId: null,
      decidedAt: new Date(createdAt.getTime() + DAY),
      createdAt,
    });
  }
  const teamInvitations: DemoTeamInvitation[] = [];
  if (i1) {
    teamInvitations.push({
      id: 'tin_demo_001',
      teamId: input.buguTeamId,
      volunteerId: i1.id,
      message: '欢迎加入布谷响铃，一起入户走访！',
      status: 'pending',
      invitedByAccountId: input.accounts.buguLeader,
      decidedAt: null,
      createdAt: at(7, 1),
    });
  }
  if (i2) {
    const createdAt = at(45, 30);
    teamInvitations.push({
      id: 'tin_demo_002',
      teamId: input.buguTeamId,
      volunteerId: i2.id,
      message: null,
      status: 'declined',
      invitedByAccountId: input.accounts.buguLeader,
      decidedAt: new Date(createdAt.getTime() + 3 * DAY),
      createdAt,
    });
  }

  // --- party reports (云报到) -------------------------------------------------------------------
  const demoParty = input.demoVolunteerIds.get(9);
  const partyReports: DemoPartyReport[] = [];
  let n = 0;
  let demoUnitSeen = 0;
  for (const v of input.volunteers) {
    if (!v.partyMember || !v.unitId) continue;
    const person = personById.get(v.personId);
    const isDemo = v.id === demoParty;
    const communityId = isDemo ? input.demoPartyMember.communityId : person?.communityId;
    if (!communityId) continue;
    // The demo unit shows every case for its admin (13900000010): confirmed, pending, not reported.
    const inDemoUnit = v.unitId === input.demoPartyMember.unitId;
    const state = isDemo
      ? 'confirmed'
      : inDemoUnit
        ? (['confirmed', 'confirmed', 'pending', 'confirmed', 'none'] as const)[demoUnitSeen++ % 5]!
        : rng.weighted([['confirmed', 62], ['pending', 12], ['none', 26]] as const);
    if (state === 'none') continue;
    const gridId = isDemo ? input.demoPartyMember.gridId : (person?.gridId ?? rng.pick(gridsOf.get(communityId) ?? ['']));
    if (!gridId) continue;
    const earliest = Math.max(v.registeredAt.getTime(), ref - 400 * DAY);
    const reportedAt =
      state === 'pending' ? at(14, 1) : isDemo ? minuteFloor(ref - 200 * DAY) : minuteFloor(earliest + Math.floor(rng.next() * Math.max(DAY, ref - 20 * DAY - earliest)));
    const decider = input.accounts.communityAdmins.get(communityId) ?? input.accounts.streetAdmin;
    n++;
    partyReports.push({
      id: `prep_demo_${pad(n, 4)}`,
      volunteerId: v.id,
      communityId,
      gridId,
      unitId: isDemo ? input.demoPartyMember.unitId : v.unitId,
      channel: rng.chance(0.85) ? 'cloud' : 'offline',
      status: state,
      prevPartyMember: true,
      prevUnitId: v.unitId,
      decidedByAccountId: state === 'confirmed' ? decider : null,
      decidedAt: state === 'confirmed' ? new Date(reportedAt.getTime() + rng.int(1, 5) * DAY) : null,
      reportedAt,
    });
  }
  return { teamApplications, teamInvitations, partyReports };
}
