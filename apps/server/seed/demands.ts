/**
 * Demands of the demo data (migration 0005): a year of orders before the reference date in every
 * status, with their history, accepting volunteers and service records, so lists and boards show
 * real variety. The demo resident 13900000008 has a few of their own in different statuses, and
 * "布谷响铃" holds open offers its volunteer 13900000006 can accept. Pure and deterministic, drawn
 * from its own fork so the rest of the data is unchanged.
 */
import type { DemandStatus, DemandUrgency, DemandChannel } from '@duodi/contracts';
import { SERVICE_MENU, type ServiceItem } from '../src/modules/demands/intake/service-menu.js';
import { slaDueAt } from '../src/modules/demands/demand-state.js';
import type { Rng } from './random.js';

export interface DemoDemand {
  id: string;
  communityId: string;
  gridId: string;
  serviceItemId: string;
  description: string;
  requesterAccountId: string | null;
  requesterPersonId: string | null;
  beneficiaryPersonId: string;
  channel: DemandChannel;
  urgency: DemandUrgency;
  status: DemandStatus;
  teamId: string | null;
  volunteersNeeded: number;
  acceptedCount: number;
  preferredStart: Date | null;
  preferredEnd: Date | null;
  slaDueAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
  reworkCount: number;
  feeFlag: boolean;
  feeWords: string[];
  rejectReason: string | null;
  cancelReason: string | null;
  followUp: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DemoDemandHistory {
  demandId: string;
  action: string;
  fromStatus: DemandStatus | null;
  toStatus: DemandStatus;
  at: Date;
  byAccountId: string | null;
  note: string | null;
}

export interface DemoDemandVolunteer {
  demandId: string;
  volunteerId: string;
  acceptedAt: Date;
}

export interface DemoServiceRecord {
  id: string;
  volunteerId: string;
  demandId: string;
  teamId: string;
  communityId: string;
  /** The day served (a Date, so a shifted reference date moves it too; the loader stores the Lhasa date). */
  servedOn: Date;
  content: string;
  creditedMinutes: number;
  status: 'pending' | 'verified';
  decidedAt: Date | null;
  createdAt: Date;
}

export interface DemoDemandOffer {
  id: string;
  demandId: string;
  volunteerId: string;
  teamId: string;
  status: 'offered' | 'accepted' | 'declined' | 'withdrawn';
  offeredByAccountId: string | null;
  declineReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface DemoNoShow {
  id: string;
  demandId: string;
  volunteerId: string;
  recordedByAccountId: string;
  note: string | null;
  at: Date;
}

export interface DemoDemands {
  demands: DemoDemand[];
  demandHistory: DemoDemandHistory[];
  demandVolunteers: DemoDemandVolunteer[];
  serviceRecords: DemoServiceRecord[];
  /** Offers (0008): accepted ones of every accepted demand, open ones of 布谷响铃's waiting demands, a few declines. */
  demandOffers: DemoDemandOffer[];
  /** No-shows (0008) on a few closed demands, each with its history rows (accept, no_show) before the real accept. */
  noShows: DemoNoShow[];
}

export interface DemandsInput {
  referenceDate: Date;
  count: number;
  residents: readonly { id: string; communityId: string | null; gridId: string | null }[];
  teams: readonly { id: string; communityId: string | null; domains: readonly string[] }[];
  teamMembers: readonly { teamId: string; volunteerId: string }[];
  buguTeamId: string;
  demoResidentPersonId: string;
  /** Volunteer ids of the demo volunteers …06 and …07 (their accounts sign the history rows they act in). */
  demoVolunteers: ReadonlyMap<string, string>;
  accounts: {
    streetAdmin: string;
    communityAdmins: ReadonlyMap<string, string>;
    gridWorkers: ReadonlyMap<string, string>;
    teamLeaders: ReadonlyMap<string, string>;
    demoResident: string;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What residents write, per service item (one is picked; the beneficiary word varies). */
const TEXTS: Record<string, readonly string[]> = {
  svc_companionship: ['{who}一个人在家，想有人陪着聊聊天', '{who}想请人陪着去转经'],
  svc_meal_delivery: ['{who}行动不便，想请人帮忙送午饭', '{who}最近身体不好，需要送餐上门'],
  svc_home_cleaning: ['{who}家里需要打扫卫生，年纪大了干不动', '想请志愿者帮{who}擦窗户、拖地'],
  svc_repair_electrical: ['{who}家里灯不亮了，请人帮忙看看', '{who}家插座没电，需要电工志愿者'],
  svc_repair_plumbing: ['{who}家水龙头一直滴水，想请人修一下', '{who}家下水道堵了'],
  svc_haircut: ['{who}腿脚不便，想请志愿者上门理发', '{who}头发长了，想请人来剪一下'],
  svc_medical_escort: ['{who}下周要去医院复查，需要有人陪同', '{who}要去自治区医院看病，想找人陪诊'],
  svc_medicine_pickup: ['{who}的降压药吃完了，想请人帮忙去药店取药', '请人帮{who}去社区卫生服务站拿药'],
  svc_shopping: ['{who}想请人帮忙买些米面和酥油', '帮{who}代买一些日用品'],
  svc_tutoring: ['孩子数学跟不上，想请志愿者辅导作业', '想给孩子找个辅导英语的志愿者'],
  svc_child_care: ['周末大人要上班，想请人帮忙照看一下孩子', '放学后孩子没人接，需要帮忙'],
  svc_legal_advice: ['{who}有劳务纠纷，想咨询一下法律问题', '想问问赡养方面的法律规定'],
  svc_mediation: ['楼上楼下因为漏水闹矛盾，想请人调解', '邻居之间停车有纠纷，需要调解'],
  svc_psych_support: ['{who}老伴走了以后情绪很低落，想请人疏导一下', '孩子压力很大，想找心理志愿者聊聊'],
  svc_policy_advice: ['{who}想了解高龄补贴怎么申请', '想咨询一下医保报销的政策'],
  svc_translation: ['{who}只会说藏语，去办事需要翻译', '需要藏汉翻译帮忙看一份通知'],
  svc_environment_cleanup: ['楼道里堆了很多杂物，需要几个人清理', '小区绿地垃圾多，想组织志愿者清理'],
  svc_patrol: ['最近晚上小区不太安全，希望加强巡逻', '节日期间想请志愿者帮忙巡逻'],
  svc_elderly_checkin: ['{who}一个人住，想请人定期上门看看', '{who}独居，家人在外地，请帮忙探望'],
  svc_paperwork: ['{who}不会用手机，想请人帮忙办社保认证', '帮{who}填一下申请表格'],
};
const WHO = ['奶奶', '爷爷', '阿妈', '老人', '我', '我母亲', '我父亲', '波啦', '摩啦'];
const FEE_TEXTS: readonly [string, string][] = [
  ['，可以给50块辛苦费', '辛苦费'],
  ['，完了给个红包', '红包'],
];
const REJECT_REASONS = ['不属于志愿服务范围，已转物业处理', '需求重复，已合并到另一单', '需专业机构处理，已转介'];
const CANCEL_REASONS = ['家人已经帮忙解决了', '时间冲突，暂时不需要了', '已自行处理'];
const FOLLOW_UPS = ['电话回访，居民表示满意', '上门回访，服务到位', '回访满意'];
const COMMENTS = ['志愿者很耐心，谢谢', '服务很好', '非常感谢', null, null];

const TAIL: readonly DemandStatus[] = ['submitted', 'published', 'assigned', 'accepted', 'in_service', 'completed', 'rated', 'closed'];

/** The target status of a demand ordered `ageDays` before the reference date. */
function statusForAge(rng: Rng, ageDays: number): DemandStatus {
  if (ageDays > 30)
    return rng.weighted<DemandStatus>([
      ['closed', 78],
      ['rated', 3],
      ['cancelled', 10],
      ['rejected', 9],
    ]);
  if (ageDays > 7)
    return rng.weighted<DemandStatus>([
      ['closed', 35],
      ['rated', 15],
      ['completed', 15],
      ['in_service', 5],
      ['accepted', 6],
      ['assigned', 6],
      ['cancelled', 9],
      ['rejected', 9],
    ]);
  return rng.weighted<DemandStatus>([
    ['submitted', 18],
    ['published', 16],
    ['assigned', 18],
    ['accepted', 14],
    ['in_service', 10],
    ['completed', 12],
    ['rated', 4],
    ['cancelled', 4],
    ['rejected', 4],
  ]);
}

export function buildDemands(rng: Rng, input: DemandsInput): DemoDemands {
  const ref = input.referenceDate.getTime();
  const out: DemoDemands = { demands: [], demandHistory: [], demandVolunteers: [], serviceRecords: [], demandOffers: [], noShows: [] };
  const membersOf = new Map<string, string[]>();
  for (const m of input.teamMembers) membersOf.set(m.teamId, [...(membersOf.get(m.teamId) ?? []), m.volunteerId]);
  const accountOfVolunteer = new Map([...input.demoVolunteers].map(([acc, vol]) => [vol, acc]));
  const residentsByCommunity = input.residents.filter((r) => r.communityId && r.gridId && r.id !== input.demoResidentPersonId);
  let seq = 0;
  let recordSeq = 0;

  const teamFor = (item: ServiceItem, communityId: string) => {
    const local = input.teams.filter((t) => t.communityId === communityId || t.communityId === null);
    const fit = local.filter((t) => t.domains.includes(item.category));
    return rng.pick(fit.length ? fit : local);
  };

  /** Adds one demand walked from `submitted` to `target` with its history. */
  const add = (spec: {
    item: ServiceItem;
    resident: { id: string; communityId: string; gridId: string };
    createdAt: number;
    target: DemandStatus;
    byResident: boolean;
    teamId?: string;
    rework?: boolean;
    residentAccount?: string | null;
  }) => {
    const { item, resident, target } = spec;
    const id = `dem_${String(++seq).padStart(6, '0')}`;
    const urgent = rng.chance(0.15);
    const fee = rng.chance(0.03) ? rng.pick(FEE_TEXTS) : null;
    const description = rng.pick(TEXTS[item.id] ?? ['需要帮助']).replace('{who}', rng.pick(WHO)) + (fee ? fee[0] : '');
    const communityAdmin = input.accounts.communityAdmins.get(resident.communityId) ?? input.accounts.streetAdmin;
    const gridWorker = input.accounts.gridWorkers.get(resident.gridId) ?? null;
    const channel: DemandChannel = spec.byResident ? 'app' : rng.pick<DemandChannel>(['phone', 'chat', 'visit', 'walk_in']);
    const team = spec.teamId ?? teamFor(item, resident.communityId).id;
    const needed = item.volunteersNeeded;
    const preferredStart = rng.chance(0.6) ? new Date(spec.createdAt + rng.int(1, 5) * DAY + rng.int(9, 17) * HOUR) : null;
    const preferredEnd = preferredStart ? new Date(preferredStart.getTime() + rng.int(2, 4) * HOUR) : null;

    // The path through the table, and its steps' times (scaled to end before the reference date).
    const steps: { action: string; from: DemandStatus | null; to: DemandStatus; note: string | null; by: string | null }[] = [
      { action: 'submit', from: null, to: 'submitted', note: fee ? 'fee_flag' : null, by: spec.byResident ? (spec.residentAccount ?? null) : gridWorker },
    ];
    const terminal = target === 'rejected' || target === 'cancelled';
    const reach = terminal ? (target === 'rejected' ? 'submitted' : rng.pick<DemandStatus>(['submitted', 'published', 'assigned', 'accepted'])) : target;
    const upTo = TAIL.indexOf(reach);
    const volunteers = upTo >= TAIL.indexOf('accepted') ? rng.sample(membersOf.get(team) ?? [], needed) : [];
    const rating = target === 'rated' || target === 'closed' ? rng.weighted<number>([[5, 62], [4, 30], [3, 8]]) : null;
    const closeFromCompleted = target === 'closed' && rng.chance(0.15);
    let from: DemandStatus = 'submitted';
    for (let i = 1; i <= upTo; i++) {
      const to = TAIL[i]!;
      if (to === 'rated' && closeFromCompleted) continue;
      if (to === 'accepted') {
        volunteers.forEach((v, k) =>
          steps.push({ action: 'accept', from: 'assigned', to: k === volunteers.length - 1 ? 'accepted' : 'assigned', note: null, by: accountOfVolunteer.get(v) ?? null }),
        );
        from = 'accepted';
        continue;
      }
      const actor = to === 'published' ? communityAdmin : to === 'assigned' ? (input.accounts.teamLeaders.get(team) ?? communityAdmin) : to === 'closed' ? (gridWorker ?? communityAdmin) : to === 'rated' ? (spec.residentAccount ?? gridWorker) : accountOfVolunteer.get(volunteers[0] ?? '') ?? null;
      if (to === 'rated' && spec.rework) {
        steps.push({ action: 'rate', from: 'completed', to: 'accepted', note: 'score 2 — rework (重办)', by: actor });
        steps.push({ action: 'start', from: 'accepted', to: 'in_service', note: null, by: accountOfVolunteer.get(volunteers[0] ?? '') ?? null });
        steps.push({ action: 'complete', from: 'in_service', to: 'completed', note: null, by: accountOfVolunteer.get(volunteers[0] ?? '') ?? null });
      }
      const action = { published: 'publish', assigned: 'assign', in_service: 'start', completed: 'complete', rated: 'rate', closed: 'close' }[to as 'published'] ?? to;
      steps.push({ action, from: closeFromCompleted && to === 'closed' ? 'completed' : from, to, note: to === 'rated' ? `score ${rating}` : null, by: actor });
      from = to;
    }
    if (target === 'rejected') steps.push({ action: 'reject', from: 'submitted', to: 'rejected', note: rng.pick(REJECT_REASONS), by: communityAdmin });
    if (target === 'cancelled') steps.push({ action: 'cancel', from: reach, to: 'cancelled', note: rng.pick(CANCEL_REASONS), by: spec.residentAccount ?? gridWorker ?? communityAdmin });

    const gaps = steps.map((_, i) => (i === 0 ? 0 : rng.int(1, 40) * HOUR));
    const total = gaps.reduce((a, b) => a + b, 0);
    const room = ref - 30 * 60_000 - spec.createdAt;
    const scale = total > room ? room / total : 1;
    let at = spec.createdAt;
    const times = gaps.map((g) => (at += Math.floor(g * scale / 60_000) * 60_000));
    steps.forEach((s, i) => out.demandHistory.push({ demandId: id, action: s.action, fromStatus: s.from, toStatus: s.to, at: new Date(times[i]!), byAccountId: s.by, note: s.note }));

    const last = new Date(times[times.length - 1]!);
    const acceptedAt = steps.findIndex((s) => s.action === 'accept');
    volunteers.forEach((v, k) => out.demandVolunteers.push({ demandId: id, volunteerId: v, acceptedAt: new Date(times[acceptedAt + k]!) }));
    const completions = steps.map((s, i) => (s.action === 'complete' ? times[i]! : null)).filter((t): t is number => t !== null);
    for (const done of completions) {
      for (const v of volunteers) {
        const recent = ref - done < 14 * DAY;
        out.serviceRecords.push({
          id: `sr_demo_${String(++recordSeq).padStart(6, '0')}`,
          volunteerId: v,
          demandId: id,
          teamId: team,
          communityId: resident.communityId,
          servedOn: new Date(done),
          content: `${item.name.zh}：${description.slice(0, 40)}`,
          creditedMinutes: Math.max(15, item.typicalMinutes + rng.int(-3, 4) * 10),
          status: recent ? 'pending' : 'verified',
          decidedAt: recent ? null : new Date(done + 2 * DAY),
          createdAt: new Date(done),
        });
      }
    }
    const status = steps[steps.length - 1]!.to;
    out.demands.push({
      id,
      communityId: resident.communityId,
      gridId: resident.gridId,
      serviceItemId: item.id,
      description,
      requesterAccountId: spec.byResident ? (spec.residentAccount ?? null) : gridWorker,
      requesterPersonId: spec.byResident ? resident.id : null,
      beneficiaryPersonId: resident.id,
      channel,
      urgency: urgent ? 'urgent' : 'normal',
      status,
      teamId: upTo >= TAIL.indexOf('assigned') ? team : null,
      volunteersNeeded: needed,
      acceptedCount: volunteers.length,
      preferredStart,
      preferredEnd,
      slaDueAt: slaDueAt(status, urgent ? 'urgent' : 'normal', last, preferredEnd),
      rating,
      ratingComment: rating ? rng.pick(COMMENTS) : null,
      reworkCount: spec.rework ? 1 : 0,
      feeFlag: fee !== null,
      feeWords: fee ? [fee[1]] : [],
      rejectReason: target === 'rejected' ? steps[steps.length - 1]!.note : null,
      cancelReason: target === 'cancelled' ? steps[steps.length - 1]!.note : null,
      followUp: target === 'closed' ? rng.pick(FOLLOW_UPS) : null,
      version: steps.length,
      createdAt: new Date(spec.createdAt),
      updatedAt: last,
    });
  };

  // A year of demands, older ones mostly closed.
  const starts = Array.from({ length: input.count }, () => ref - Math.floor(rng.next() ** 1.6 * 365 * DAY) - HOUR).sort((a, b) => a - b);
  for (const createdAt of starts) {
    const r = rng.pick(residentsByCommunity) as { id: string; communityId: string; gridId: string };
    const ageDays = (ref - createdAt) / DAY;
    const target = statusForAge(rng, ageDays);
    add({ item: rng.pick(SERVICE_MENU), resident: r, createdAt, target, byResident: rng.chance(0.55), rework: target === 'closed' && rng.chance(0.05) });
  }

  // The demo resident …08 (grid_sy_02): a few of their own, in different statuses.
  const demoResident = input.residents.find((r) => r.id === input.demoResidentPersonId) as { id: string; communityId: string; gridId: string };
  const item = (id: string) => SERVICE_MENU.find((s) => s.id === id)!;
  const mine: [string, DemandStatus, number][] = [
    ['svc_haircut', 'closed', 120],
    ['svc_medicine_pickup', 'closed', 40],
    ['svc_companionship', 'completed', 6],
    ['svc_home_cleaning', 'in_service', 3],
    ['svc_medical_escort', 'assigned', 2],
    ['svc_paperwork', 'submitted', 0.5],
  ];
  for (const [svc, target, ageDays] of mine) {
    add({
      item: item(svc),
      resident: demoResident,
      createdAt: ref - Math.round(ageDays * DAY),
      target,
      byResident: true,
      residentAccount: input.accounts.demoResident,
      teamId: input.buguTeamId,
    });
  }

  // Open offers of 布谷响铃 for its volunteers to accept.
  const sangyi = residentsByCommunity.filter((r) => r.communityId === demoResident.communityId) as { id: string; communityId: string; gridId: string }[];
  for (const [k, svc] of ['svc_companionship', 'svc_elderly_checkin', 'svc_shopping', 'svc_meal_delivery', 'svc_translation'].entries()) {
    add({ item: item(svc), resident: rng.pick(sangyi), createdAt: ref - (k + 1) * 7 * HOUR, target: 'assigned', byResident: rng.chance(0.5), teamId: input.buguTeamId });
  }
  addOffersAndNoShows(rng.fork('offers'), input, out, membersOf, accountOfVolunteer);
  return out;
}

const DECLINE_REASONS = ['这几天在外地', '时间冲突，去不了', '家里有事', null];
const NO_SHOW_NOTES = ['电话联系不上', '临时有事没来，也没请假', null];

/**
 * Offers and no-shows (0008) on top of the demands, from their own fork so the demands stay as they
 * are: every accepting volunteer had an offer (accepted at the accept); 布谷响铃's waiting demands are
 * offered to all its members, with a few declines (and their `decline` history rows); about ten closed
 * one-volunteer demands had a first volunteer who did not come (accept + `no_show` history rows
 * before the real accept, and a volunteer_no_shows row).
 */
function addOffersAndNoShows(
  rng: Rng,
  input: DemandsInput,
  out: DemoDemands,
  membersOf: ReadonlyMap<string, string[]>,
  accountOfVolunteer: ReadonlyMap<string, string>,
) {
  const ref = input.referenceDate.getTime();
  let seq = 0;
  const offerId = () => `ofr_demo_${String(++seq).padStart(6, '0')}`;
  const historyOf = new Map<string, DemoDemandHistory[]>();
  for (const h of out.demandHistory) historyOf.set(h.demandId, [...(historyOf.get(h.demandId) ?? []), h]);
  const accepted = new Map<string, DemoDemandVolunteer[]>();
  for (const v of out.demandVolunteers) accepted.set(v.demandId, [...(accepted.get(v.demandId) ?? []), v]);
  const demoVolunteer06 = [...input.demoVolunteers.values()][0];

  for (const d of out.demands) {
    if (!d.teamId) continue;
    const assign = historyOf.get(d.id)?.find((h) => h.action === 'assign');
    if (!assign) continue;
    for (const v of accepted.get(d.id) ?? []) {
      out.demandOffers.push({ id: offerId(), demandId: d.id, volunteerId: v.volunteerId, teamId: d.teamId, status: 'accepted', offeredByAccountId: assign.byAccountId, declineReason: null, createdAt: assign.at, decidedAt: v.acceptedAt });
    }
    if (d.status !== 'assigned' || d.teamId !== input.buguTeamId) continue;
    // Waiting for volunteers: an open offer for every other member, a few of them declined.
    const taken = new Set((accepted.get(d.id) ?? []).map((v) => v.volunteerId));
    // Declines come after the demand's last step so far and after each other (the history stays in time order).
    let lastAt = Math.max(...(historyOf.get(d.id) ?? []).map((h) => h.at.getTime()));
    for (const volunteerId of membersOf.get(d.teamId) ?? []) {
      if (taken.has(volunteerId)) continue;
      const declines = volunteerId !== demoVolunteer06 && rng.chance(0.2);
      const decidedAt = declines ? new Date(Math.max(lastAt, Math.min(ref - 60_000, lastAt + rng.int(10, 120) * 60_000))) : null;
      if (decidedAt) lastAt = decidedAt.getTime();
      const reason = declines ? rng.pick(DECLINE_REASONS) : null;
      out.demandOffers.push({ id: offerId(), demandId: d.id, volunteerId, teamId: d.teamId, status: declines ? 'declined' : 'offered', offeredByAccountId: assign.byAccountId, declineReason: reason, createdAt: assign.at, decidedAt });
      if (declines && decidedAt) {
        out.demandHistory.push({ demandId: d.id, action: 'decline', fromStatus: 'assigned', toStatus: 'assigned', at: decidedAt, byAccountId: accountOfVolunteer.get(volunteerId) ?? null, note: reason });
        d.version++;
      }
    }
  }

  // No-shows: closed one-volunteer demands older than 30 days whose team has someone else to blame.
  const candidates = out.demands.filter(
    (d) => d.status === 'closed' && d.volunteersNeeded === 1 && d.teamId && ref - d.createdAt.getTime() > 30 * DAY && (membersOf.get(d.teamId)?.length ?? 0) > 1,
  );
  for (const d of rng.sample(candidates, Math.min(10, candidates.length))) {
    const real = accepted.get(d.id)?.[0];
    const history = out.demandHistory.filter((h) => h.demandId === d.id);
    const acceptRow = history.find((h) => h.action === 'accept');
    const assign = history.find((h) => h.action === 'assign');
    if (!real || !acceptRow || !assign) continue;
    const absent = rng.pick((membersOf.get(d.teamId!) ?? []).filter((v) => v !== real.volunteerId));
    const span = acceptRow.at.getTime() - assign.at.getTime();
    if (span < 3 * 60_000) continue;
    const firstAccept = new Date(assign.at.getTime() + Math.floor(span / 3 / 60_000) * 60_000);
    const noShowAt = new Date(assign.at.getTime() + Math.floor((2 * span) / 3 / 60_000) * 60_000);
    const recorder = assign.byAccountId ?? input.accounts.streetAdmin;
    const note = rng.pick(NO_SHOW_NOTES);
    out.demandHistory.splice(
      out.demandHistory.indexOf(acceptRow),
      0,
      { demandId: d.id, action: 'accept', fromStatus: 'assigned', toStatus: 'accepted', at: firstAccept, byAccountId: accountOfVolunteer.get(absent) ?? null, note: null },
      { demandId: d.id, action: 'no_show', fromStatus: 'accepted', toStatus: 'assigned', at: noShowAt, byAccountId: recorder, note: note ? `${absent} — ${note}` : absent },
    );
    d.version += 2;
    out.noShows.push({ id: `nos_demo_${String(out.noShows.length + 1).padStart(4, '0')}`, demandId: d.id, volunteerId: absent, recordedByAccountId: recorder, note, at: noShowAt });
    out.demandOffers.push({ id: offerId(), demandId: d.id, volunteerId: absent, teamId: d.teamId!, status: 'withdrawn', offeredByAccountId: assign.byAccountId, declineReason: null, createdAt: assign.at, decidedAt: noShowAt });
  }
}
