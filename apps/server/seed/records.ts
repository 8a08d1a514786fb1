/**
 * Demo data of issue 5 (hours that count), loaded after the people, demands and activities of the
 * demo, in the same transaction (load-demo.ts):
 * - 18 months of verified service records per volunteer, plus one 导入 record with the hours from
 *   before the window, so that the verified records of every volunteer sum to their verified_minutes
 *   (a volunteer whose verified demand records already exceed it gets the larger sum); star =
 *   thresholds applied to the minutes for everyone;
 * - pending records in 桑伊社区 for the verification queue, a pending correction, a zeroed record with
 *   a pending appeal, a rejected correction;
 * - the ledger: an opening points and time-bank balance per volunteer, posted as transfers from the
 *   street's issuing accounts (bulk rows that keep every ledger invariant), a few transfers to
 *   registered relatives and donations to the pool.
 */
import { sql } from 'drizzle-orm';
import { appendAudit } from '../src/platform/audit/audit.js';
import { queryRows, type Tx } from '../src/platform/db/client.js';
import {
  familyRelations,
  type ledgerAccounts,
  type ledgerEntries,
  type ledgerTransfers,
  serviceRecordCorrections,
  type serviceRecords,
} from '../src/schema/index.js';
import { DEFAULT_RULES, addWorkingDays, coinsFor, pointsFor, starForMinutes } from '../src/modules/records/index.js';
import { entryHash } from '../src/modules/ledger/index.js';
import { createRng } from './random.js';

const DAY = 86_400_000;
const WINDOW_DAYS = 548; // 18 months

const CONTENTS = [
  '社区巡逻与安全宣传',
  '入户探访独居老人',
  '协助开展健康义诊',
  '环境卫生清洁整治',
  '四点半课堂辅导作业',
  '政策宣讲与入户走访',
  '邻里矛盾调解',
  '文化活动组织服务',
  '协助老人代购代办',
  '消防安全隐患排查',
  '垃圾分类指导',
  '助老理发服务',
] as const;

interface VolunteerFact {
  id: string;
  person_id: string;
  verified_minutes: number;
  star: number;
  registered_at: Date | string;
  last_service_at: Date | string | null;
  party_member: boolean;
  community_id: string | null;
  team_id: string | null;
}

type RecordInsert = typeof serviceRecords.$inferInsert;

const dateOnly = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const ms = (d: Date | string) => new Date(d).getTime();

/**
 * Multi-row insert through unnest (one statement with a dozen array parameters instead of thousands
 * of scalar ones): the bulk of the demo's records loads in a fraction of the time.
 */
async function insertRecords(tx: Tx, rows: RecordInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const c = <T>(f: (r: RecordInsert) => T) => chunk.map(f);
    await tx.execute(sql`INSERT INTO service_records (id, street_id, volunteer_id, team_id, community_id, served_on, content, credited_minutes, source, reason,
                           evidence, status, decided_at, created_at, credit_seq, created_by_account_id, complaint_flag, zeroed_at)
      SELECT u.id, u.street_id, u.volunteer_id, u.team_id, u.community_id, u.served_on::date, u.content, u.credited_minutes, u.source, u.reason,
             CASE WHEN u.evidence = '' THEN '{}'::text[] ELSE string_to_array(u.evidence, '|') END, u.status, u.decided_at, u.created_at, u.credit_seq,
             u.created_by, u.complaint_flag, u.zeroed_at
        FROM unnest(${sql.param(c((r) => r.id))}::text[], ${sql.param(c((r) => r.streetId))}::text[], ${sql.param(c((r) => r.volunteerId))}::text[], ${sql.param(c((r) => r.teamId ?? null))}::text[],
                    ${sql.param(c((r) => r.communityId ?? null))}::text[], ${sql.param(c((r) => r.servedOn))}::text[], ${sql.param(c((r) => r.content))}::text[], ${sql.param(c((r) => r.creditedMinutes))}::int[],
                    ${sql.param(c((r) => r.source))}::text[], ${sql.param(c((r) => r.reason ?? null))}::text[], ${sql.param(c((r) => (r.evidence ?? []).join('|')))}::text[], ${sql.param(c((r) => r.status ?? 'pending'))}::text[],
                    ${sql.param(c((r) => (r.decidedAt ? r.decidedAt.toISOString() : null)))}::timestamptz[], ${sql.param(c((r) => (r.createdAt ?? new Date()).toISOString()))}::timestamptz[],
                    ${sql.param(c((r) => r.creditSeq ?? 0))}::int[], ${sql.param(c((r) => r.createdByAccountId ?? null))}::text[], ${sql.param(c((r) => r.complaintFlag ?? false))}::boolean[],
                    ${sql.param(c((r) => (r.zeroedAt ? r.zeroedAt.toISOString() : null)))}::timestamptz[])
          AS u(id, street_id, volunteer_id, team_id, community_id, served_on, content, credited_minutes, source, reason, evidence, status, decided_at, created_at,
               credit_seq, created_by, complaint_flag, zeroed_at)`);
  }
}

export interface RecordsDemoSummary {
  records: number;
  adjustedVolunteers: number;
  transfers: number;
}

/** Splits `total` minutes into `n` positive parts, each at most 1,440 (a record's limit). */
function split(total: number, n: number, rng: ReturnType<typeof createRng>): number[] {
  const weights = Array.from({ length: n }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.min(1440, Math.floor((total * w) / sum / 10) * 10)));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0 && i < n * 200; i++) {
    const k = i % n;
    const step = Math.sign(rest) * Math.min(Math.abs(rest), rest > 0 ? 1440 - parts[k]! : parts[k]! - 1);
    parts[k]! += step;
    rest -= step;
  }
  return parts;
}

export async function loadRecordsDemo(tx: Tx, opts: { streetId: string; referenceDate: Date; seed: number }): Promise<RecordsDemoSummary> {
  const { streetId } = opts;
  const ref = opts.referenceDate.getTime();
  const rng = createRng(opts.seed).fork('records');
  const vols = await queryRows<VolunteerFact>(
    tx,
    sql`SELECT v.id, v.person_id, v.verified_minutes, v.star, v.registered_at, v.last_service_at, v.party_member, p.community_id,
               (SELECT tm.team_id FROM team_members tm WHERE tm.volunteer_id = v.id ORDER BY tm.joined_at, tm.team_id LIMIT 1) AS team_id
          FROM volunteers v JOIN persons p ON p.id = v.person_id
         WHERE v.street_id = ${streetId} ORDER BY v.id`,
  );
  const existing = new Map(
    (
      await queryRows<{ volunteer_id: string; m: number }>(
        tx,
        sql`SELECT volunteer_id, sum(credited_minutes)::int AS m FROM service_records WHERE street_id = ${streetId} AND status = 'verified' GROUP BY volunteer_id`,
      )
    ).map((r) => [r.volunteer_id, Number(r.m)]),
  );
  const accountOf = new Map(
    (await queryRows<{ id: string; person_id: string }>(tx, sql`SELECT id, person_id FROM accounts WHERE street_id = ${streetId}`)).map(
      (r) => [r.person_id, r.id],
    ),
  );

  const records: RecordInsert[] = [];
  const finalMinutes = new Map<string, number>();
  let seq = 0;
  const newRecordId = () => `sr_hist_${String(++seq).padStart(6, '0')}`;
  let adjusted = 0;

  for (const v of vols) {
    const have = existing.get(v.id) ?? 0;
    const target = Math.max(v.verified_minutes, have);
    if (target !== v.verified_minutes) adjusted += 1;
    finalMinutes.set(v.id, target);
    const remaining = target - have;
    if (remaining <= 0) continue;
    const registered = ms(v.registered_at);
    const windowStart = Math.max(registered, ref - WINDOW_DAYS * DAY);
    const last = v.last_service_at ? Math.min(ms(v.last_service_at), ref - DAY) : ref - 120 * DAY;
    const end = Math.max(windowStart + DAY, last);
    // The share of the hours that fell in the window, at most 10 records of up to 8 h.
    const lifeDays = Math.max(1, (ref - registered) / DAY);
    const share = Math.min(1, (end - windowStart) / DAY / lifeDays);
    const recent = Math.min(remaining, Math.max(Math.min(remaining, 60), Math.round((remaining * share) / 10) * 10), 10 * 480);
    const n = Math.max(1, Math.min(10, Math.ceil(recent / 300)));
    const parts = split(recent, n, rng);
    const dates = parts.map((_, i) => (i === 0 ? end : windowStart + rng.next() * (end - windowStart))).sort((a, b) => a - b);
    parts.forEach((minutes, i) => {
      const at = dates[i]!;
      records.push({
        id: newRecordId(),
        streetId,
        volunteerId: v.id,
        teamId: v.team_id,
        communityId: v.community_id,
        servedOn: dateOnly(at),
        content: rng.pick(CONTENTS),
        creditedMinutes: minutes,
        source: 'auto',
        status: 'verified',
        decidedAt: new Date(Math.min(at + 2 * DAY, ref)),
        createdAt: new Date(at),
        creditSeq: 1,
      });
    });
    const before = remaining - recent;
    if (before > 0) {
      const at = Math.max(registered, windowStart - DAY);
      records.push({
        id: newRecordId(),
        streetId,
        volunteerId: v.id,
        teamId: v.team_id,
        communityId: v.community_id,
        servedOn: dateOnly(at),
        content: '历史服务时长导入（全国志愿服务信息系统）',
        creditedMinutes: before,
        source: 'import',
        reason: '平台启用前的累计时长，由全国志愿服务信息系统导入',
        status: 'verified',
        decidedAt: new Date(at),
        createdAt: new Date(at),
        creditSeq: 1,
      });
    }
  }

  // --- the verification queue of 桑伊社区, corrections and an appeal -----------------------------------
  const byPerson = new Map(vols.map((v) => [v.person_id, v]));
  const demo = (personId: string) => byPerson.get(personId);
  const leader = demo('per_000037');
  const v06 = demo('per_000041');
  const v07 = demo('per_000044');
  const leaderAccount = leader ? accountOf.get(leader.person_id) : undefined;
  const bugu = vols.filter((v) => v.team_id === 'team_bugu' && v.community_id === 'com_sy').slice(0, 6);
  const queue = [...(v06 ? [v06] : []), ...bugu.filter((v) => v.id !== v06?.id)].slice(0, 5);
  queue.forEach((v, i) => {
    const at = ref - (i + 1) * DAY;
    const backfill = i < 2 && leaderAccount !== undefined;
    records.push({
      id: newRecordId(),
      streetId,
      volunteerId: v.id,
      teamId: 'team_bugu',
      communityId: 'com_sy',
      servedOn: dateOnly(at),
      content: backfill ? '入户陪伴独居老人（补录）' : rng.pick(CONTENTS),
      creditedMinutes: 60 + 30 * (i % 4),
      source: backfill ? 'backfill' : 'auto',
      reason: backfill ? '活动当天签到设备故障，依纸质签到表补录' : null,
      evidence: backfill ? ['纸质签到表照片', '活动现场照片'] : [],
      createdByAccountId: backfill ? leaderAccount : null,
      status: 'pending',
      createdAt: new Date(at + 3_600_000),
    });
  });

  const corrections: (typeof serviceRecordCorrections.$inferInsert)[] = [];
  const latestVerified = (volunteerId: string) =>
    records
      .filter((r) => r.volunteerId === volunteerId && r.status === 'verified' && r.source === 'auto')
      .sort((a, b) => (a.servedOn < b.servedOn ? 1 : -1));
  const v06Account = v06 ? accountOf.get(v06.person_id) : undefined;
  const sangyiAdmin = accountOf.get('per_000002');
  if (v06 && v06Account) {
    const [recent, older] = latestVerified(v06.id);
    if (recent) {
      const created = ref - 2 * DAY;
      corrections.push({
        id: 'src_demo_001',
        streetId,
        recordId: recent.id,
        kind: 'correction',
        requestedByAccountId: v06Account,
        oldMinutes: recent.creditedMinutes,
        requestedMinutes: recent.creditedMinutes + 60,
        reason: '当天服务到18点，签退时间记早了',
        status: 'pending',
        dueAt: addWorkingDays(new Date(created), DEFAULT_RULES.correctionDeadlineWorkingDays),
        createdAt: new Date(created),
      });
    }
    if (older && sangyiAdmin) {
      const created = ref - 40 * DAY;
      corrections.push({
        id: 'src_demo_002',
        streetId,
        recordId: older.id,
        kind: 'correction',
        requestedByAccountId: v06Account,
        oldMinutes: older.creditedMinutes,
        requestedMinutes: older.creditedMinutes + 120,
        reason: '路上往返时间也想计入',
        status: 'rejected',
        resolutionReason: '往返路程时间不计入服务时长（DR-03）',
        resolvedByAccountId: sangyiAdmin,
        resolvedAt: new Date(created + 3 * DAY),
        dueAt: addWorkingDays(new Date(created), DEFAULT_RULES.correctionDeadlineWorkingDays),
        createdAt: new Date(created),
      });
    }
  }
  const v07Account = v07 ? accountOf.get(v07.person_id) : undefined;
  if (v07 && v07Account && sangyiAdmin) {
    // A record zeroed after an upheld complaint (credited 0, so the verified sum is unchanged), with a pending appeal.
    const at = ref - 12 * DAY;
    const id = newRecordId();
    records.push({
      id,
      streetId,
      volunteerId: v07.id,
      teamId: 'team_bugu',
      communityId: 'com_sy',
      servedOn: dateOnly(at),
      content: '助老理发服务',
      creditedMinutes: 0,
      source: 'auto',
      status: 'verified',
      complaintFlag: true,
      zeroedAt: new Date(at + 5 * DAY),
      decidedAt: new Date(at + DAY),
      createdAt: new Date(at),
      creditSeq: 1,
    });
    corrections.push(
      {
        id: 'src_demo_003',
        streetId,
        recordId: id,
        kind: 'zeroing',
        requestedByAccountId: sangyiAdmin,
        oldMinutes: 90,
        newMinutes: 0,
        reason: '服务对象投诉属实：未按约定时间上门',
        status: 'applied',
        resolvedByAccountId: sangyiAdmin,
        resolvedAt: new Date(at + 5 * DAY),
        createdAt: new Date(at + 5 * DAY),
      },
      {
        id: 'src_demo_004',
        streetId,
        recordId: id,
        kind: 'appeal',
        requestedByAccountId: v07Account,
        oldMinutes: 0,
        requestedMinutes: 90,
        reason: '当天因交通管制迟到，已提前电话告知老人',
        status: 'pending',
        dueAt: addWorkingDays(new Date(at + 6 * DAY), DEFAULT_RULES.correctionDeadlineWorkingDays),
        createdAt: new Date(at + 6 * DAY),
      },
    );
  }

  await insertRecords(tx, records);
  if (corrections.length) await tx.insert(serviceRecordCorrections).values(corrections);

  // --- hours and star eligibility: the sum of the verified records, thresholds applied ---------------
  const updates = vols
    .map((v) => ({ id: v.id, minutes: finalMinutes.get(v.id) ?? 0, star: starForMinutes(finalMinutes.get(v.id) ?? 0) }))
    .filter((u) => {
      const v = vols.find((x) => x.id === u.id)!;
      return u.minutes !== v.verified_minutes || u.star !== v.star;
    });
  for (const u of updates)
    await tx.execute(sql`UPDATE volunteers SET verified_minutes = ${u.minutes}, star = ${u.star} WHERE id = ${u.id}`);

  // --- family relations (recorded by community staff) ---------------------------------------------
  const relations: (typeof familyRelations.$inferInsert)[] = [
    { streetId, personId: 'per_000041', relativePersonId: 'per_000042', relation: 'spouse', recordedByAccountId: sangyiAdmin ?? null },
    { streetId, personId: 'per_000037', relativePersonId: 'per_000038', relation: 'spouse', recordedByAccountId: sangyiAdmin ?? null },
    { streetId, personId: 'per_000044', relativePersonId: 'per_000045', relation: 'spouse', recordedByAccountId: sangyiAdmin ?? null },
    { streetId, personId: 'per_000044', relativePersonId: 'per_000046', relation: 'child', recordedByAccountId: sangyiAdmin ?? null },
  ];
  const known = new Set(
    (
      await queryRows<{ id: string }>(
        tx,
        sql`SELECT id FROM persons WHERE id IN ('per_000037', 'per_000038', 'per_000041', 'per_000042', 'per_000044', 'per_000045', 'per_000046')`,
      )
    ).map((r) => r.id),
  );
  const validRelations = relations.filter((r) => known.has(r.personId) && known.has(r.relativePersonId));
  if (validRelations.length) await tx.insert(familyRelations).values(validRelations);

  // --- the ledger: opening balances, relatives, donations ------------------------------------------
  const ledger = new LedgerBuilder(streetId);
  const openAt = new Date(ref - 30 * DAY);
  for (const v of vols) {
    const minutes = finalMinutes.get(v.id) ?? 0;
    if (minutes <= 0) continue;
    const points = pointsFor(minutes, DEFAULT_RULES, { focusGroup: false, partyCommunity: v.party_member });
    const { deposit } = coinsFor(minutes, DEFAULT_RULES, 0);
    if (points > 0)
      ledger.move(
        `demo:open:points:${v.id}`,
        'points',
        ledger.system('issuing', 'points'),
        ledger.person(v.person_id, 'points'),
        points,
        'service_earned',
        openAt,
        '平台启用前的累计积分',
      );
    if (deposit > 0)
      ledger.move(
        `demo:open:coins:${v.id}`,
        'time_bank',
        ledger.system('issuing', 'time_bank'),
        ledger.person(v.person_id, 'time_bank'),
        deposit,
        'time_deposit',
        openAt,
        '平台启用前的累计时间币',
      );
  }
  const gift = (key: string, from: string, to: string, amount: number, daysAgo: number) => {
    if (!known.has(from) || !known.has(to) || ledger.balance(ledger.person(from, 'time_bank')) < amount) return;
    ledger.move(
      key,
      'time_bank',
      ledger.person(from, 'time_bank'),
      ledger.person(to, 'time_bank'),
      amount,
      'gift_out',
      new Date(ref - daysAgo * DAY),
      null,
      { refType: 'person', refId: to },
    );
  };
  gift('demo:gift:1', 'per_000041', 'per_000042', 120, 20);
  gift('demo:gift:2', 'per_000037', 'per_000038', 600, 9);
  const donors = vols.filter((v) => (finalMinutes.get(v.id) ?? 0) >= 36_000).slice(0, 5);
  donors.forEach((v, i) => {
    ledger.move(
      `demo:donation:${i + 1}`,
      'time_bank',
      ledger.person(v.person_id, 'time_bank'),
      ledger.system('donation_pool', 'time_bank'),
      600,
      'donation',
      new Date(ref - (15 - i) * DAY),
      '捐入公益时间池',
    );
  });
  await ledger.write(tx);
  await appendAudit(tx, {
    streetId,
    actorAccountId: null,
    action: 'ledger.demo_opening',
    entityType: 'ledger',
    entityId: streetId,
    newValue: { transfers: ledger.transfers.length, records: records.length, adjustedVolunteers: adjusted },
  });
  return { records: records.length, adjustedVolunteers: adjusted, transfers: ledger.transfers.length };
}

/** Builds ledger rows in memory (accounts, transfers, entries with running balances) for one bulk insert. */
class LedgerBuilder {
  readonly accounts = new Map<string, typeof ledgerAccounts.$inferInsert & { balance: number; lastHash: string }>();
  readonly transfers: (typeof ledgerTransfers.$inferInsert)[] = [];
  readonly entries: (typeof ledgerEntries.$inferInsert)[] = [];

  constructor(private readonly streetId: string) {}

  private account(
    id: string,
    kind: 'person' | 'issuing' | 'rewards_sink' | 'donation_pool' | 'escrow',
    ownerId: string,
    currency: 'points' | 'time_bank',
  ): string {
    if (!this.accounts.has(id)) {
      this.accounts.set(id, {
        id,
        streetId: this.streetId,
        ownerKind: kind === 'person' ? 'person' : 'system',
        ownerId,
        kind,
        currency,
        floor: kind === 'issuing' ? null : 0,
        balance: 0,
        lastHash: 'genesis',
      });
    }
    return id;
  }

  person(personId: string, currency: 'points' | 'time_bank'): string {
    return this.account(`lac_${currency === 'points' ? 'pt' : 'tb'}_${personId}`, 'person', personId, currency);
  }

  system(kind: 'issuing' | 'donation_pool', currency: 'points' | 'time_bank'): string {
    return this.account(`lac_${kind}_${currency}_${this.streetId}`, kind, this.streetId, currency);
  }

  balance(id: string): number {
    return this.accounts.get(id)?.balance ?? 0;
  }

  move(
    key: string,
    currency: 'points' | 'time_bank',
    from: string,
    to: string,
    amount: number,
    kind: string,
    at: Date,
    memo: string | null,
    ref?: { refType: string; refId: string },
  ) {
    const a = this.accounts.get(from)!;
    const b = this.accounts.get(to)!;
    if (a.floor !== null && a.balance - amount < (a.floor ?? 0)) throw new Error(`demo ledger: ${key} would take ${from} below its floor`);
    const id = `ltr_demo_${String(this.transfers.length + 1).padStart(6, '0')}`;
    // Millisecond precision, one time for the transfer and its entries (as ledger_post writes them).
    const when = new Date(Math.floor(at.getTime()));
    const t = {
      id,
      streetId: this.streetId,
      idempotencyKey: key,
      fromAccountId: from,
      toAccountId: to,
      amount,
      currency,
      kind,
      refType: ref?.refType ?? 'demo_opening',
      refId: ref?.refId ?? null,
      memo,
      actorAccountId: null,
      reversesTransferId: null,
      createdAt: when,
    };
    this.transfers.push(t);
    a.balance -= amount;
    b.balance += amount;
    // Each entry chained to its account's previous one (modules/ledger/chain.ts), like ledger_post does.
    const chain = { ...t, at: when };
    for (const [acc, delta] of [
      [a, -amount],
      [b, amount],
    ] as const) {
      const prevHash = acc.lastHash;
      acc.lastHash = entryHash(prevHash, { accountId: acc.id, delta, balanceAfter: acc.balance }, chain);
      this.entries.push({
        accountId: acc.id,
        transferId: id,
        delta,
        balanceAfter: acc.balance,
        prevHash,
        hash: acc.lastHash,
        createdAt: when,
      });
    }
  }

  async write(tx: Tx): Promise<void> {
    const a = [...this.accounts.values()];
    const p = <T, U>(rows: T[], f: (r: T) => U) => sql.param(rows.map(f));
    await tx.execute(sql`INSERT INTO ledger_accounts (id, street_id, owner_kind, owner_id, kind, currency, floor, balance, last_hash)
      SELECT * FROM unnest(${p(a, (x) => x.id)}::text[], ${p(a, (x) => x.streetId)}::text[], ${p(a, (x) => x.ownerKind)}::text[], ${p(a, (x) => x.ownerId)}::text[],
                           ${p(a, (x) => x.kind)}::text[], ${p(a, (x) => x.currency)}::text[], ${p(a, (x) => x.floor ?? null)}::bigint[], ${p(a, (x) => x.balance)}::bigint[],
                           ${p(a, (x) => x.lastHash)}::text[])`);
    const t = this.transfers;
    await tx.execute(sql`INSERT INTO ledger_transfers (id, street_id, idempotency_key, from_account_id, to_account_id, amount, currency, kind, ref_type, ref_id, memo, created_at)
      SELECT * FROM unnest(${p(t, (x) => x.id)}::text[], ${p(t, (x) => x.streetId)}::text[], ${p(t, (x) => x.idempotencyKey)}::text[], ${p(t, (x) => x.fromAccountId)}::text[],
                           ${p(t, (x) => x.toAccountId)}::text[], ${p(t, (x) => x.amount)}::bigint[], ${p(t, (x) => x.currency)}::text[], ${p(t, (x) => x.kind)}::text[],
                           ${p(t, (x) => x.refType ?? null)}::text[], ${p(t, (x) => x.refId ?? null)}::text[], ${p(t, (x) => x.memo ?? null)}::text[],
                           ${p(t, (x) => (x.createdAt ?? new Date()).toISOString())}::timestamptz[])`);
    for (let i = 0; i < this.entries.length; i += 5000) {
      const e = this.entries.slice(i, i + 5000);
      // WITH ORDINALITY … ORDER BY: entry ids follow each account's chain order.
      await tx.execute(sql`INSERT INTO ledger_entries (account_id, transfer_id, delta, balance_after, prev_hash, hash, created_at)
        SELECT account_id, transfer_id, delta, balance_after, prev_hash, hash, created_at
          FROM unnest(${sql.param(e.map((x) => x.accountId))}::text[], ${sql.param(e.map((x) => x.transferId))}::text[], ${sql.param(e.map((x) => x.delta))}::bigint[],
                      ${sql.param(e.map((x) => x.balanceAfter))}::bigint[], ${sql.param(e.map((x) => x.prevHash))}::text[], ${sql.param(e.map((x) => x.hash))}::text[],
                      ${sql.param(e.map((x) => (x.createdAt ?? new Date()).toISOString()))}::timestamptz[])
               WITH ORDINALITY AS u(account_id, transfer_id, delta, balance_after, prev_hash, hash, created_at, n)
         ORDER BY n`);
    }
  }
}
