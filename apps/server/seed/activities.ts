/**
 * Activities and door-to-door visits of the demo data (migration 0011), pure and deterministic:
 * past and upcoming activities of the named teams (titles in zh and bo) in every status, sign-ups
 * with a waitlist, check-ins with their pending service records, a live 布谷响铃 activity that the
 * organizer (13900000005) can open for check-in with its volunteers 13900000006/07 confirmed, a
 * 幸福敲敲门 campaign over the grids of 桑伊社区 run by 布谷响铃 with visit logs, and a few care
 * plans in the demo grid worker's grid. Dates are relative to the reference date.
 */
import type { ActivityStatus, SignupStatus } from '@duodi/contracts';
import type { DemoData } from './build.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Ids the e2e and the API tests use. */
export const DEMO_ACTIVITY_IDS = {
  /** 布谷响铃, in progress from 30 min before the reference moment for 4 h; …06 and …07 confirmed, not checked in. */
  live: 'act_demo_bugu_live',
  /** 布谷响铃, recruiting, in 2 days; headcount 2, …06 and …07 confirmed, two more waitlisted. */
  upcomingFull: 'act_demo_bugu_haircut',
  /** 布谷响铃, recruiting, in 3 days; places left (for signing up in the e2e). */
  upcomingOpen: 'act_demo_bugu_open',
  /** 布谷响铃, ended 6 days ago; …06 checked in and out (pending record), …07 auto-closed and flagged. */
  past: 'act_demo_bugu_past',
  /** 桑伊社区, waiting for review by 13900000002. */
  pending: 'act_demo_sy_pending',
} as const;
export const DEMO_CAMPAIGN_ID = 'vcp_demo_knock';

interface Template {
  title: string;
  titleBo: string;
  category: string;
  serviceItemId: string | null;
  place: { name: string; lat: number; lng: number };
  riskNotice: string;
  minutes: number;
}

const PLACES = {
  sy: { name: '桑伊社区党群服务中心', lat: 29.6869, lng: 91.1443 },
  jx: { name: '吉祥社区新时代文明实践站', lat: 29.6912, lng: 91.1388 },
  square: { name: '夺底街道文化广场', lat: 29.6895, lng: 91.1502 },
  river: { name: '夺底沟河道', lat: 29.7003, lng: 91.1561 },
};

const TEMPLATES: Template[] = [
  {
    title: '邻里义剪',
    titleBo: 'ཁྱིམ་མཚེས་ལ་རིན་མེད་སྐྲ་བྲེག',
    category: 'elderly_care',
    serviceItemId: 'svc_haircut',
    place: PLACES.sy,
    riskNotice: '注意剪刀等工具安全；老人行动不便时请搀扶。',
    minutes: 180,
  },
  {
    title: '敲门问暖 · 独居老人探访',
    titleBo: 'སྒོ་རྡུང་དྲོ་སྐྱོང་། གཅིག་པུར་སྡོད་པའི་རྒན་པོར་ཐུག་འཚམས།',
    category: 'elderly_care',
    serviceItemId: 'svc_elderly_checkin',
    place: PLACES.sy,
    riskNotice: '入户两人同行，注意用电用火安全，勿收受财物。',
    minutes: 150,
  },
  {
    title: '河道环境清洁',
    titleBo: 'ཆུ་ལམ་ཁོར་ཡུག་གཙང་སྦྲ།',
    category: 'environment',
    serviceItemId: 'svc_environment_cleanup',
    place: PLACES.river,
    riskNotice: '河边湿滑，请穿防滑鞋、戴手套，远离水深处。',
    minutes: 120,
  },
  {
    title: '政策宣讲进社区',
    titleBo: 'སྲིད་ཇུས་གསལ་བཤད་སྡོད་ཁུལ་དུ།',
    category: 'policy_outreach',
    serviceItemId: 'svc_policy_advice',
    place: PLACES.jx,
    riskNotice: '注意会场秩序与消防通道畅通。',
    minutes: 120,
  },
  {
    title: '义诊与健康咨询',
    titleBo: 'རིན་མེད་སྨན་བཅོས་དང་འཕྲོད་བསྟེན་གྲོས་མོལ།',
    category: 'health',
    serviceItemId: 'svc_medical_escort',
    place: PLACES.square,
    riskNotice: '仅作健康咨询，不开处方；如遇急症立即拨打120。',
    minutes: 180,
  },
  {
    title: '夜间平安巡逻',
    titleBo: 'མཚན་མོའི་བདེ་འཇགས་སྐོར་ཞིབ།',
    category: 'patrol',
    serviceItemId: 'svc_patrol',
    place: PLACES.square,
    riskNotice: '两人以上同行，穿反光背心，发现险情报警不擅自处置。',
    minutes: 120,
  },
  {
    title: '儿童课业辅导',
    titleBo: 'བྱིས་པའི་སློབ་སྦྱོང་རོགས་རམ།',
    category: 'child_care',
    serviceItemId: 'svc_tutoring',
    place: PLACES.jx,
    riskNotice: '未成年人须由监护人接送；志愿者不得单独与儿童相处。',
    minutes: 120,
  },
  {
    title: '法律咨询服务日',
    titleBo: 'ཁྲིམས་ལུགས་གྲོས་མོལ་ཞབས་ཞུའི་ཉིན་མོ།',
    category: 'legal',
    serviceItemId: 'svc_legal_advice',
    place: PLACES.sy,
    riskNotice: '注意保护咨询人隐私，不代写诉讼材料。',
    minutes: 150,
  },
];

export interface DemoActivityRow {
  id: string;
  communityId: string | null;
  teamId: string | null;
  seriesId: string | null;
  seriesIndex: number;
  recurrence: 'weekly' | 'monthly' | null;
  title: string;
  titleBo: string;
  description: string;
  category: string;
  serviceItemId: string | null;
  responsiblePersonId: string | null;
  riskNotice: string;
  needsInsurance: boolean;
  targetGroups: string[];
  placeName: string;
  lat: number;
  lng: number;
  radiusM: number;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  minAge: number | null;
  maxAge: number | null;
  minorsAllowed: boolean;
  skills: string[];
  signInMethods: string[];
  maxCreditableMinutes: number;
  status: ActivityStatus;
  cancelReason: string | null;
  version: number;
  createdByAccountId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoActivityHistory {
  activityId: string;
  action: string;
  fromStatus: ActivityStatus | null;
  toStatus: ActivityStatus;
  at: Date;
  byAccountId: string | null;
  note: string | null;
}

export interface DemoSignup {
  id: string;
  activityId: string;
  volunteerId: string;
  status: SignupStatus;
  signedUpAt: Date;
  checkinAt: Date | null;
  checkinMethod: 'qr' | 'code' | 'gps' | null;
  checkinGeo: string | null;
  checkoutAt: Date | null;
  checkoutMethod: 'qr' | 'code' | 'gps' | 'auto' | null;
  checkoutGeo: string | null;
  autoClosed: boolean;
  flagged: boolean;
  creditedMinutes: number | null;
  serviceRecordId: string | null;
}

export interface DemoActivityRecord {
  id: string;
  volunteerId: string;
  activityId: string;
  teamId: string | null;
  communityId: string | null;
  servedOn: Date;
  place: string;
  content: string;
  signinAt: Date;
  signinGeo: string | null;
  signoutAt: Date;
  signoutGeo: string | null;
  creditedMinutes: number;
  reason: string | null;
  createdAt: Date;
}

export interface DemoCampaign {
  id: string;
  communityId: string;
  teamId: string;
  name: string;
  nameBo: string;
  gridIds: string[];
  startsOn: Date;
  endsOn: Date;
  cycleDays: number;
  createdByAccountId: string;
  createdAt: Date;
}

export interface DemoVisit {
  id: string;
  communityId: string;
  gridId: string;
  householdId: string;
  campaignId: string;
  visitorAccountId: string;
  visitorPersonId: string;
  at: Date;
  present: boolean;
  inquiries: { topic: string; answered: boolean }[];
  inquiriesAnswered: number;
  needs: { serviceItemId?: string; description: string; demandId: string | null }[];
  createdAt: Date;
}

export interface DemoCarePlan {
  id: string;
  communityId: string;
  gridId: string;
  householdId: string | null;
  residentPersonId: string;
  kind: 'visit' | 'demand';
  everyDays: number;
  serviceItemId: string | null;
  nextDueAt: Date;
  lastDoneAt: Date | null;
  missedCount: number;
  lastMissedAt: Date | null;
  createdByAccountId: string;
  createdAt: Date;
}

export interface DemoActivities {
  activities: DemoActivityRow[];
  history: DemoActivityHistory[];
  signups: DemoSignup[];
  records: DemoActivityRecord[];
  campaign: DemoCampaign;
  visits: DemoVisit[];
  carePlans: DemoCarePlan[];
}

const INQUIRY_TOPICS = [
  '医保报销',
  '养老金领取',
  '高龄补贴',
  '低保政策',
  '就业培训',
  '燃气安全',
  '垃圾分类',
  '子女入学',
  '法律援助',
  '防诈骗',
];
const NEEDS: { serviceItemId: string; description: string }[] = [
  { serviceItemId: 'svc_repair_electrical', description: '家中灯泡坏了，老人够不着，需要帮忙更换。' },
  { serviceItemId: 'svc_medicine_pickup', description: '腿脚不便，需要每月代取慢性病药。' },
  { serviceItemId: 'svc_home_cleaning', description: '独居老人，希望有人帮忙打扫卫生。' },
  { serviceItemId: 'svc_companionship', description: '老人希望有人常来聊天陪伴。' },
];

/** A small deterministic hash of a string (the same household always gets the same story). */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

const geoOf = (p: { lat: number; lng: number }) => `${p.lat.toFixed(6)},${p.lng.toFixed(6)}`;

const PATH: { action: string; from: ActivityStatus | null; to: ActivityStatus }[] = [
  { action: 'create', from: null, to: 'draft' },
  { action: 'submit', from: 'draft', to: 'pending_review' },
  { action: 'approve', from: 'pending_review', to: 'recruiting' },
  { action: 'start', from: 'recruiting', to: 'in_progress' },
  { action: 'end', from: 'in_progress', to: 'ended' },
  { action: 'archive', from: 'ended', to: 'archived' },
];

type DemoInput = Pick<DemoData, 'teams' | 'teamMembers' | 'accounts' | 'grids' | 'households' | 'persons' | 'volunteers'>;

export function buildActivitiesDemo(data: DemoInput, referenceDate: Date): DemoActivities {
  const R = Math.floor(referenceDate.getTime() / (10 * MIN)) * 10 * MIN;
  /** Local (UTC+8) midnight of the reference day + `days`, at `hour`:`minute` local time. */
  const localDay = (days: number, hour: number, minute = 0) =>
    new Date(Math.floor((R + 8 * HOUR) / DAY) * DAY - 8 * HOUR + days * DAY + hour * HOUR + minute * MIN);
  const account = (phone: string) => {
    const a = data.accounts.find((x) => x.phone === phone);
    if (!a) throw new Error(`demo account ${phone} missing`);
    return a;
  };
  const volunteerOfPerson = new Map(data.volunteers.map((v) => [v.personId, v.id]));
  const leader = account('13900000005');
  const syAdmin = account('13900000002');
  const gridWorker = account('13900000004');
  const v06 = volunteerOfPerson.get(account('13900000006').personId)!;
  const v07 = volunteerOfPerson.get(account('13900000007').personId)!;
  const membersOf = (teamId: string) =>
    data.teamMembers
      .filter((m) => m.teamId === teamId)
      .map((m) => m.volunteerId)
      .sort();
  const bugu = membersOf('team_bugu').filter((v) => v !== v06 && v !== v07 && v !== volunteerOfPerson.get(leader.personId));
  const teams = new Map(data.teams.map((t) => [t.id, t]));

  const activities: DemoActivityRow[] = [];
  const history: DemoActivityHistory[] = [];
  const signups: DemoSignup[] = [];
  const records: DemoActivityRecord[] = [];

  function activity(o: {
    id: string;
    teamId: string | null;
    communityId?: string;
    template: Template;
    startsAt: Date;
    status: ActivityStatus;
    headcount: number;
    by: { id: string | null; personId: string };
    methods?: string[];
    needsInsurance?: boolean;
    series?: { id: string; index: number };
    cancelReason?: string;
  }): DemoActivityRow {
    const t = o.template;
    const team = o.teamId ? teams.get(o.teamId) : undefined;
    const createdAt = new Date(Math.min(o.startsAt.getTime(), R) - 9 * DAY);
    const endsAt = new Date(o.startsAt.getTime() + t.minutes * MIN);
    const row: DemoActivityRow = {
      id: o.id,
      communityId: o.communityId ?? team?.communityId ?? null,
      teamId: o.teamId,
      seriesId: o.series?.id ?? null,
      seriesIndex: o.series?.index ?? 0,
      recurrence: o.series ? 'weekly' : null,
      title: t.title,
      titleBo: t.titleBo,
      description: team ? `${team.name}：${t.title}。欢迎邻里参加。` : `${t.title}。欢迎邻里参加。`,
      category: t.category,
      serviceItemId: t.serviceItemId,
      responsiblePersonId: o.by.personId,
      riskNotice: t.riskNotice,
      needsInsurance: o.needsInsurance ?? false,
      targetGroups: t.category === 'elderly_care' ? ['elderly', 'living_alone'] : t.category === 'child_care' ? ['child'] : [],
      placeName: t.place.name,
      lat: t.place.lat,
      lng: t.place.lng,
      radiusM: 200,
      startsAt: o.startsAt,
      endsAt,
      headcount: o.headcount,
      minAge: null,
      maxAge: null,
      minorsAllowed: t.category === 'environment',
      skills: [],
      signInMethods: o.methods ?? ['qr', 'code'],
      maxCreditableMinutes: t.minutes,
      status: o.status,
      cancelReason: o.cancelReason ?? null,
      version: 1,
      createdByAccountId: o.by.id,
      createdAt,
      updatedAt: createdAt,
    };
    // History along the lifecycle up to the status (a cancelled one was recruiting).
    const target = o.status === 'cancelled' ? 'recruiting' : o.status;
    const times = [
      createdAt,
      new Date(createdAt.getTime() + HOUR),
      new Date(createdAt.getTime() + DAY),
      o.startsAt,
      endsAt,
      new Date(endsAt.getTime() + 3 * DAY),
    ];
    for (const [i, step] of PATH.entries()) {
      const byReviewer = step.action === 'approve';
      const reviewer = row.communityId === 'com_sy' ? syAdmin.id : null;
      history.push({
        activityId: row.id,
        action: step.action,
        fromStatus: step.from,
        toStatus: step.to,
        at: times[i]!,
        byAccountId: byReviewer ? reviewer : o.by.id,
        note: null,
      });
      row.version = i + 1;
      row.updatedAt = times[i]!;
      if (step.to === target) break;
    }
    if (o.status === 'cancelled') {
      const at = new Date(o.startsAt.getTime() - DAY);
      history.push({
        activityId: row.id,
        action: 'cancel',
        fromStatus: 'recruiting',
        toStatus: 'cancelled',
        at,
        byAccountId: o.by.id,
        note: o.cancelReason ?? null,
      });
      row.version += 1;
      row.updatedAt = at;
    }
    activities.push(row);
    return row;
  }

  function signup(
    a: DemoActivityRow,
    volunteerId: string,
    status: SignupStatus,
    n: number,
    session?: { in: Date; out: Date | null; method?: 'qr' | 'code' | 'gps' },
  ): void {
    const s: DemoSignup = {
      id: `asu_${a.id.slice(4)}_${n}`,
      activityId: a.id,
      volunteerId,
      status,
      signedUpAt: new Date(a.createdAt.getTime() + DAY + (n + 1) * HOUR),
      checkinAt: null,
      checkinMethod: null,
      checkinGeo: null,
      checkoutAt: null,
      checkoutMethod: null,
      checkoutGeo: null,
      autoClosed: false,
      flagged: false,
      creditedMinutes: null,
      serviceRecordId: null,
    };
    if (session) {
      s.checkinAt = session.in;
      s.checkinMethod = session.method ?? 'qr';
      s.checkinGeo = geoOf(a);
      if (a.status !== 'in_progress' || session.out) {
        const autoClosed = session.out === null;
        const out = session.out ?? a.endsAt;
        const from = Math.max(session.in.getTime(), a.startsAt.getTime());
        const to = Math.min(out.getTime(), a.endsAt.getTime());
        const minutes = Math.min(Math.floor((to - from) / MIN), a.maxCreditableMinutes);
        s.checkoutAt = out;
        s.checkoutMethod = autoClosed ? 'auto' : (session.method ?? 'qr');
        s.checkoutGeo = autoClosed ? null : geoOf(a);
        s.autoClosed = autoClosed;
        s.flagged = autoClosed;
        s.creditedMinutes = minutes;
        s.serviceRecordId = `sr_${a.id.slice(4)}_${n}`;
        records.push({
          id: s.serviceRecordId,
          volunteerId,
          activityId: a.id,
          teamId: a.teamId,
          communityId: a.communityId,
          servedOn: session.in,
          place: a.placeName,
          content: a.title,
          signinAt: session.in,
          signinGeo: s.checkinGeo,
          signoutAt: out,
          signoutGeo: s.checkoutGeo,
          creditedMinutes: minutes,
          reason: autoClosed ? 'auto_closed_no_checkout' : null,
          createdAt: out,
        });
      }
    }
    signups.push(s);
  }

  const T = TEMPLATES;
  // 布谷响铃: live now, upcoming (full, with a waitlist), upcoming with places, past, a weekly series, a draft, a cancelled one.
  const live = activity({
    id: DEMO_ACTIVITY_IDS.live,
    teamId: 'team_bugu',
    template: { ...T[1]!, minutes: 240 },
    startsAt: new Date(R - 30 * MIN),
    status: 'in_progress',
    headcount: 6,
    by: leader,
    methods: ['qr', 'code', 'gps'],
  });
  signup(live, v06, 'confirmed', 0);
  signup(live, v07, 'confirmed', 1);
  if (bugu[0]) signup(live, bugu[0], 'confirmed', 2, { in: new Date(R - 25 * MIN), out: null });
  if (bugu[1]) signup(live, bugu[1], 'confirmed', 3);

  const full = activity({
    id: DEMO_ACTIVITY_IDS.upcomingFull,
    teamId: 'team_bugu',
    template: T[0]!,
    startsAt: localDay(2, 10),
    status: 'recruiting',
    headcount: 2,
    by: leader,
  });
  signup(full, v06, 'confirmed', 0);
  signup(full, v07, 'confirmed', 1);
  bugu.slice(2, 4).forEach((v, i) => signup(full, v, 'waitlisted', 2 + i));

  const open = activity({
    id: DEMO_ACTIVITY_IDS.upcomingOpen,
    teamId: 'team_bugu',
    template: T[2]!,
    startsAt: localDay(3, 9),
    status: 'recruiting',
    headcount: 10,
    by: leader,
    methods: ['qr', 'code', 'gps'],
  });
  bugu.slice(0, 3).forEach((v, i) => signup(open, v, 'confirmed', i));

  const past = activity({
    id: DEMO_ACTIVITY_IDS.past,
    teamId: 'team_bugu',
    template: T[0]!,
    startsAt: localDay(-6, 10),
    status: 'ended',
    headcount: 5,
    by: leader,
  });
  signup(past, v06, 'confirmed', 0, { in: localDay(-6, 9, 55), out: localDay(-6, 13, 5) });
  signup(past, v07, 'confirmed', 1, { in: localDay(-6, 10, 10), out: null });
  if (bugu[0]) signup(past, bugu[0], 'no_show', 2);
  if (bugu[1]) signup(past, bugu[1], 'confirmed', 3, { in: localDay(-6, 10, 0), out: localDay(-6, 12, 30), method: 'code' });

  for (let i = 0; i < 4; i++) {
    const a = activity({
      id: `act_demo_bugu_patrol_${i + 1}`,
      teamId: 'team_bugu',
      template: T[5]!,
      startsAt: localDay(5 + 7 * i, 20),
      status: 'recruiting',
      headcount: 8,
      by: leader,
      needsInsurance: true,
      series: { id: 'ser_demo_bugu_patrol', index: i },
    });
    if (i === 0) bugu.slice(1, 4).forEach((v, k) => signup(a, v, 'confirmed', k));
  }
  activity({
    id: 'act_demo_bugu_draft',
    teamId: 'team_bugu',
    template: T[4]!,
    startsAt: localDay(10, 10),
    status: 'draft',
    headcount: 6,
    by: leader,
  });
  const cancelled = activity({
    id: 'act_demo_bugu_cancelled',
    teamId: 'team_bugu',
    template: T[5]!,
    startsAt: localDay(-2, 20),
    status: 'cancelled',
    headcount: 8,
    by: leader,
    cancelReason: '降雪，改期',
  });
  signup(cancelled, v06, 'confirmed', 0);
  // 桑伊社区: one under review (for 13900000002), one archived.
  activity({
    id: DEMO_ACTIVITY_IDS.pending,
    teamId: null,
    communityId: 'com_sy',
    template: T[7]!,
    startsAt: localDay(7, 10),
    status: 'pending_review',
    headcount: 4,
    by: syAdmin,
  });

  // The other named teams: one archived (with check-ins) and one upcoming each.
  const others = data.teams
    .filter((t) => t.id !== 'team_bugu')
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .slice(0, 8);
  others.forEach((team, i) => {
    const members = membersOf(team.id);
    const template = T[(i + 2) % T.length]!;
    const by = { id: null, personId: team.leaderPersonId };
    const old = activity({
      id: `act_demo_${team.id.slice(5)}_past`,
      teamId: team.id,
      template,
      startsAt: localDay(-12 - 5 * i, 9),
      status: i % 2 ? 'ended' : 'archived',
      headcount: 6,
      by,
    });
    members.slice(0, 4).forEach((v, k) =>
      signup(old, v, 'confirmed', k, {
        in: localDay(-12 - 5 * i, 8, 50 + k),
        out: localDay(-12 - 5 * i, 9 + Math.floor(template.minutes / 60), k * 7),
      }),
    );
    const next = activity({
      id: `act_demo_${team.id.slice(5)}_next`,
      teamId: team.id,
      template: T[(i + 3) % T.length]!,
      startsAt: localDay(4 + i, 15),
      status: 'recruiting',
      headcount: 3 + (i % 4),
      by,
    });
    members.slice(0, 2 + (i % 3)).forEach((v, k) => signup(next, v, 'confirmed', k));
  });

  // 幸福敲敲门: a campaign over the grids of 桑伊社区, run by 布谷响铃, with visit logs.
  const syGrids = data.grids
    .filter((g) => g.communityId === 'com_sy')
    .map((g) => g.id)
    .sort();
  const campaign: DemoCampaign = {
    id: DEMO_CAMPAIGN_ID,
    communityId: 'com_sy',
    teamId: 'team_bugu',
    name: '幸福敲敲门 · 桑伊社区入户走访',
    nameBo: 'བདེ་སྐྱིད་སྒོ་རྡུང་། བསང་ཡིད་སྡོད་ཁུལ་གྱི་ཁྱིམ་ཚང་ཐུག་འཚམས།',
    gridIds: syGrids,
    startsOn: localDay(-60, 0),
    endsOn: localDay(60, 0),
    cycleDays: 15,
    createdByAccountId: syAdmin.id,
    createdAt: localDay(-61, 9),
  };
  const visitors = [leader, account('13900000006'), account('13900000007')];
  const visits: DemoVisit[] = [];
  const households = data.households.filter((h) => syGrids.includes(h.gridId)).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const hh of households) {
    const h = hash(hh.id);
    if (h % 10 >= 7) continue;
    const visitor = hh.gridId === 'grid_sy_02' && (h >>> 2) % 2 === 0 ? gridWorker : visitors[(h >>> 2) % 3]!;
    const at = new Date(R - (1 + (h % 40)) * DAY - ((h >>> 6) % 8) * HOUR);
    const present = (h >>> 3) % 6 !== 0;
    const count = present ? 1 + ((h >>> 5) % 3) : 0;
    const inquiries = Array.from({ length: count }, (_, k) => ({
      topic: INQUIRY_TOPICS[((h >>> 7) + k) % INQUIRY_TOPICS.length]!,
      answered: !(k === count - 1 && (h >>> 9) % 5 === 0),
    }));
    const need = present && (h >>> 11) % 9 === 0 ? NEEDS[(h >>> 13) % NEEDS.length]! : null;
    const base = {
      communityId: hh.communityId,
      gridId: hh.gridId,
      householdId: hh.id,
      campaignId: campaign.id,
      visitorAccountId: visitor.id,
      visitorPersonId: visitor.personId,
    };
    if (h % 10 < 3) {
      const earlier = new Date(at.getTime() - 14 * DAY);
      visits.push({
        ...base,
        id: `vis_demo_${hh.id.slice(3)}_0`,
        at: earlier,
        present: true,
        inquiries: [{ topic: INQUIRY_TOPICS[h % INQUIRY_TOPICS.length]!, answered: true }],
        inquiriesAnswered: 1,
        needs: [],
        createdAt: earlier,
      });
    }
    visits.push({
      ...base,
      id: `vis_demo_${hh.id.slice(3)}_1`,
      at,
      present,
      inquiries,
      inquiriesAnswered: inquiries.filter((q) => q.answered).length,
      needs: need ? [{ ...need, demandId: null }] : [],
      createdAt: at,
    });
  }

  // Care plans for elderly residents of the demo grid worker's grid.
  const refYear = new Date(R + 8 * HOUR).getUTCFullYear();
  const elderly = data.persons
    .filter((p) => p.isResident && p.gridId === 'grid_sy_02' && p.householdId && refYear - p.birthYear >= 70)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .slice(0, 3);
  const lastPresent = (householdId: string | null) =>
    visits.filter((v) => v.householdId === householdId && v.present).reduce<Date | null>((m, v) => (m && m > v.at ? m : v.at), null);
  const carePlans: DemoCarePlan[] = elderly.map((p, i) => {
    const base = {
      id: `cpl_demo_${i + 1}`,
      communityId: 'com_sy',
      gridId: 'grid_sy_02',
      householdId: p.householdId,
      residentPersonId: p.id,
      createdByAccountId: gridWorker.id,
      createdAt: localDay(-40, 9),
    };
    if (i === 2)
      return {
        ...base,
        kind: 'demand' as const,
        everyDays: 14,
        serviceItemId: 'svc_medicine_pickup',
        nextDueAt: localDay(5, 9),
        lastDoneAt: localDay(-9, 9),
        missedCount: 0,
        lastMissedAt: null,
      };
    if (i === 1)
      return {
        ...base,
        kind: 'visit' as const,
        everyDays: 7,
        serviceItemId: null,
        nextDueAt: localDay(-3, 9),
        lastDoneAt: lastPresent(p.householdId),
        missedCount: 1,
        lastMissedAt: localDay(-8, 9),
      };
    return {
      ...base,
      kind: 'visit' as const,
      everyDays: 7,
      serviceItemId: null,
      nextDueAt: localDay(2, 9),
      lastDoneAt: lastPresent(p.householdId),
      missedCount: 0,
      lastMissedAt: null,
    };
  });

  return { activities, history, signups, records, campaign, visits, carePlans };
}
