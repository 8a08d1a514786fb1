/**
 * Demo data of migration 0010 (issue 5): the 爱心超市 (two partner merchants, 12 items), redemption
 * orders in every state (points moved through the ledger, cancelled ones refunded), the star award
 * flow (standing awards for the volunteers' eligibility levels, and a few awards in each state of
 * the flow, two on public notice, one revoked with a blocking period), the certificate issuers and
 * a few certificates (one revoked). Runs inside the loader's transaction after the records demo
 * (which sets verified minutes, stars and point balances).
 */
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../src/platform/audit/audit.js';
import { queryRows, type Tx } from '../src/platform/db/client.js';
import { personAccountId, personBalance, reverseTransfer, systemAccountId, transfer } from '../src/modules/ledger/index.js';
import { addWorkingDays, streetDate } from '../src/modules/stars/index.js';
import { findHolder, issueInTransaction, revokeCertificateRow } from '../src/modules/certificates/index.js';
import type { DemoData } from './build.js';

const DAY = 86_400_000;

/** Deterministic ids from a label (the demo stays the same from run to run). */
const idOf = (prefix: string, label: string) => `${prefix}_${crypto.createHash('sha256').update(label).digest('hex').slice(0, 24)}`;

export const DEMO_MERCHANTS = [
  { id: 'mch_jixiang', name: '吉祥爱心超市', nameBo: 'བཀྲ་ཤིས་བྱམས་བརྩེའི་ཚོང་ཁང་།', nameEn: 'Jixiang Charity Supermarket', linked: true },
  { id: 'mch_sangyi', name: '桑伊便民药店', nameBo: 'བཟང་ཡིད་སྨན་ཚོང་ཁང་།', nameEn: 'Sangyi Community Pharmacy', linked: false },
] as const;

type RewardSeed = [
  merchant: 0 | 1,
  name: string,
  nameBo: string,
  nameEn: string,
  cost: number,
  stock: number,
  minStar: number,
  limit: number | null,
  period: 'month' | 'quarter' | 'year',
];
const REWARDS: RewardSeed[] = [
  [0, '大米（5公斤）', 'འབྲས། (ཀི་ལོ་ ༥)', 'Rice (5 kg)', 60, 40, 0, 2, 'month'],
  [0, '食用油（1.8升）', 'ཟ་སྣུམ། (ལི་ཊར་ ༡.༨)', 'Cooking oil (1.8 L)', 40, 30, 0, 2, 'month'],
  [0, '酥油（500克）', 'མར། (ཀེ་ ༥༠༠)', 'Butter (500 g)', 50, 25, 0, 1, 'month'],
  [0, '砖茶', 'ཇ་སྒམ།', 'Brick tea', 30, 50, 0, null, 'quarter'],
  [0, '洗衣液', 'གོས་འཁྲུ་སྣུམ།', 'Laundry liquid', 25, 60, 0, null, 'quarter'],
  [0, '保温杯', 'དྲོད་འཛིན་དཀར་ཡོལ།', 'Thermos cup', 80, 15, 1, 1, 'quarter'],
  [0, '志愿者马甲', 'དང་བླངས་ཞབས་ཞུ་བའི་རྒྱབ་ཁེབས།', 'Volunteer vest', 100, 10, 2, 1, 'year'],
  [0, '电饭煲', 'གློག་ཐབ།', 'Rice cooker', 300, 3, 3, 1, 'year'],
  [1, '常用药品包', 'སྨན་ཐུམ།', 'First-aid kit', 45, 20, 0, 1, 'quarter'],
  [1, '血压计', 'ཁྲག་ཤེད་འཇལ་ཆས།', 'Blood pressure monitor', 200, 5, 2, 1, 'year'],
  [1, '口罩（50只）', 'ཁ་རས། (ཆ་ ༥༠)', 'Face masks (50)', 20, 0, 0, null, 'month'],
  [1, '老花镜', 'རྒན་མིག་ཤེལ།', 'Reading glasses', 60, 12, 1, 1, 'year'],
];

interface Vol {
  id: string;
  person_id: string;
  star: number;
  verified_minutes: number;
  community_id: string | null;
}

export interface RewardsDemoSummary {
  rewards: number;
  redemptions: number;
  awards: number;
  certificates: number;
}

export async function loadRewardsDemo(
  tx: Tx,
  opts: { streetId: string; referenceDate: Date; data: DemoData },
): Promise<RewardsDemoSummary> {
  const { streetId, data } = opts;
  const ref = opts.referenceDate;
  const accountOf = (phone: string) => data.accounts.find((a) => a.phone === phone)!;
  const merchantAccount = accountOf('13900000011');

  /* --- merchants and the catalog --- */
  for (const m of DEMO_MERCHANTS) {
    await tx.execute(
      sql`INSERT INTO merchants (id, street_id, name, name_bo, name_en, account_id, created_at)
          VALUES (${m.id}, ${streetId}, ${m.name}, ${m.nameBo}, ${m.nameEn}, ${m.linked ? merchantAccount.id : null}, ${new Date(ref.getTime() - 400 * DAY).toISOString()}::timestamptz)`,
    );
  }
  const rewardIds: string[] = [];
  for (const [i, [m, name, nameBo, nameEn, cost, stock, minStar, limit, period]] of REWARDS.entries()) {
    const id = `rwd_demo_${String(i + 1).padStart(2, '0')}`;
    rewardIds.push(id);
    await tx.execute(
      sql`INSERT INTO rewards (id, street_id, merchant_id, name, name_bo, name_en, points_cost, stock, min_star, per_period_limit, limit_period, sort_order, created_at, updated_at)
          VALUES (${id}, ${streetId}, ${DEMO_MERCHANTS[m].id}, ${name}, ${nameBo}, ${nameEn}, ${cost}, ${stock}, ${minStar}, ${limit}, ${period}, ${i + 1},
                  ${new Date(ref.getTime() - 300 * DAY).toISOString()}::timestamptz, ${new Date(ref.getTime() - 300 * DAY).toISOString()}::timestamptz)`,
    );
  }

  /* --- star settings and awards --- */
  await tx.execute(sql`INSERT INTO star_settings (street_id, block_years) VALUES (${streetId}, 2) ON CONFLICT (street_id) DO NOTHING`);
  const vols = await queryRows<Vol>(
    tx,
    sql`SELECT v.id, v.person_id, v.star, v.verified_minutes, p.community_id FROM volunteers v JOIN persons p ON p.id = v.person_id
        WHERE v.street_id = ${streetId} AND v.status = 'active' ORDER BY v.id`,
  );
  const demoPersons = new Set(data.accounts.map((a) => a.personId));
  const starred = vols.filter((v) => v.star >= 1);
  // The flow's examples: volunteers with two or more stars, not the demo log-ins, spread over the list.
  const pool = starred.filter((v) => v.star >= 2 && !demoPersons.has(v.person_id));
  const pick = (k: number) => pool[Math.floor(((k + 0.5) * pool.length) / 10)];
  const flow = new Map<string, 'proposed' | 'reviewed' | 'on_notice' | 'rejected' | 'revoked'>();
  (['proposed', 'proposed', 'reviewed', 'reviewed', 'on_notice', 'on_notice', 'rejected', 'revoked'] as const).forEach((status, k) => {
    const v = pick(k);
    if (v) flow.set(v.id, status);
  });
  const noticeStart = streetDate(new Date(ref.getTime() - 2 * DAY));
  let awards = 0;
  const insertAward = async (
    v: Vol,
    level: number,
    status: string,
    at: Date,
    extra: { noticeStart?: string; noticeEnd?: string; reason?: string } = {},
  ) => {
    awards++;
    await tx.execute(
      sql`INSERT INTO star_awards (id, street_id, volunteer_id, level, verified_minutes, status, proposed_at, reviewed_at, notice_start, notice_end, awarded_at, decided_reason, revoked_at, revoke_reason)
          VALUES (${idOf('sta', `${v.id}:${level}:${status}`)}, ${streetId}, ${v.id}, ${level}, ${v.verified_minutes}, ${status}, ${at.toISOString()}::timestamptz,
                  ${status === 'proposed' ? null : at.toISOString()}::timestamptz, ${extra.noticeStart ?? null}::date, ${extra.noticeEnd ?? null}::date,
                  ${status === 'awarded' || status === 'revoked' ? at.toISOString() : null}::timestamptz,
                  ${status === 'rejected' ? (extra.reason ?? null) : null}, ${status === 'revoked' ? new Date(ref.getTime() - 10 * DAY).toISOString() : null}::timestamptz,
                  ${status === 'revoked' ? (extra.reason ?? null) : null})`,
    );
  };
  const STATUS_ACTION = { proposed: 'propose', reviewed: 'review', on_notice: 'publish', rejected: 'reject', revoked: 'revoke' } as const;
  for (const [i, v] of starred.entries()) {
    const status = flow.get(v.id);
    const awardedAt = new Date(ref.getTime() - (40 + (i % 300)) * DAY);
    if (!status) {
      await insertAward(v, v.star, 'awarded', awardedAt);
      continue;
    }
    if (v.star - 1 >= 1) await insertAward(v, v.star - 1, 'awarded', new Date(awardedAt.getTime() - 200 * DAY));
    const at = new Date(ref.getTime() - 6 * DAY);
    if (status === 'on_notice') await insertAward(v, v.star, 'on_notice', at, { noticeStart, noticeEnd: addWorkingDays(noticeStart, 5) });
    else if (status === 'rejected') await insertAward(v, v.star, 'rejected', at, { reason: '服务记录存疑，待补充证明材料后重新申请' });
    else if (status === 'revoked') {
      await insertAward(v, v.star, 'revoked', new Date(ref.getTime() - 120 * DAY), { reason: '经核查存在虚报服务时长' });
      await tx.execute(
        sql`INSERT INTO star_blocks (id, street_id, volunteer_id, reason, blocked_from, blocked_until)
            VALUES (${idOf('sbk', v.id)}, ${streetId}, ${v.id}, '经核查存在虚报服务时长', ${new Date(ref.getTime() - 10 * DAY).toISOString()}::timestamptz,
                    ${new Date(ref.getTime() - 10 * DAY + 2 * 365 * DAY).toISOString()}::timestamptz)`,
      );
    } else await insertAward(v, v.star, status, at);
    await appendAudit(tx, {
      streetId,
      actorAccountId: null,
      action: `star_award.${STATUS_ACTION[status]}`, // the service's action codes, so the audit screen labels them
      entityType: 'volunteer',
      entityId: v.id,
      newValue: { level: v.star, status },
      reason: '演示数据',
    });
  }

  /* --- redemptions: two volunteers of 布谷响铃 and a few others with enough points --- */
  const sink = await systemAccountId(tx, streetId, 'rewards_sink', 'points');
  const buyers: Vol[] = [];
  for (const phone of ['13900000006', '13900000007']) {
    const v = vols.find((x) => x.person_id === accountOf(phone).personId);
    if (v) buyers.push(v);
  }
  for (const v of vols) {
    if (buyers.length >= 8) break;
    if (!buyers.includes(v) && !demoPersons.has(v.person_id) && v.star === 0) buyers.push(v);
  }
  const plan: ['pending_pickup' | 'redeemed' | 'cancelled', number][] = [
    ['pending_pickup', 0],
    ['redeemed', 3],
    ['cancelled', 4],
    ['pending_pickup', 1],
    ['redeemed', 8],
    ['pending_pickup', 4],
    ['redeemed', 0],
    ['cancelled', 1],
  ];
  let redemptions = 0;
  const usedCodes = new Set<string>();
  for (const [k, v] of buyers.entries()) {
    const [status, r] = plan[k % plan.length]!;
    const reward = REWARDS[r]!;
    const account = data.accounts.find((a) => a.personId === v.person_id);
    const from = await personAccountId(tx, streetId, v.person_id, 'points');
    if (!account || (await personBalance(tx, streetId, v.person_id, 'points')) < reward[4]) continue;
    const id = idOf('rdm', `${v.id}:${k}`);
    const createdAt = new Date(ref.getTime() - (3 + k * 4) * DAY);
    let code = String(100000 + ((k * 7919 + 4242) % 900000));
    while (usedCodes.has(code)) code = String(Number(code) + 1);
    usedCodes.add(code);
    await tx.execute(
      sql`INSERT INTO redemptions (id, street_id, reward_id, merchant_id, volunteer_id, account_id, quantity, points, pickup_code, status, created_at)
          VALUES (${id}, ${streetId}, ${rewardIds[r]}, ${DEMO_MERCHANTS[reward[0]].id}, ${v.id}, ${account.id}, 1, ${reward[4]}, ${code}, 'pending_pickup', ${createdAt.toISOString()}::timestamptz)`,
    );
    await tx.execute(sql`UPDATE rewards SET stock = stock - 1 WHERE id = ${rewardIds[r]} AND stock >= 1`);
    const moved = await transfer(tx, {
      streetId,
      currency: 'points',
      fromAccountId: from,
      toAccountId: sink,
      amount: reward[4],
      idempotencyKey: `redeem:${id}`,
      kind: 'redeem',
      refType: 'redemption',
      refId: id,
      actorAccountId: account.id,
    });
    await tx.execute(sql`UPDATE redemptions SET transfer_id = ${moved.transferId} WHERE id = ${id}`);
    if (status === 'redeemed') {
      await tx.execute(
        sql`UPDATE redemptions SET status = 'redeemed', redeemed_at = ${new Date(createdAt.getTime() + DAY).toISOString()}::timestamptz, redeemed_by = ${reward[0] === 0 ? merchantAccount.id : null} WHERE id = ${id}`,
      );
    } else if (status === 'cancelled') {
      const refund = await reverseTransfer(tx, {
        transferId: moved.transferId,
        idempotencyKey: `redeem-refund:${id}`,
        reason: '志愿者取消兑换',
        actorAccountId: account.id,
      });
      await tx.execute(
        sql`UPDATE redemptions SET status = 'cancelled', cancelled_at = ${new Date(createdAt.getTime() + 2 * DAY).toISOString()}::timestamptz, cancelled_by = ${account.id},
              cancel_reason = '不需要了', refund_transfer_id = ${refund.transferId} WHERE id = ${id}`,
      );
      await tx.execute(sql`UPDATE rewards SET stock = stock + 1 WHERE id = ${rewardIds[r]}`);
    }
    await appendAudit(tx, {
      streetId,
      actorAccountId: account.id,
      action: `redemption.${status === 'pending_pickup' ? 'create' : status === 'redeemed' ? 'redeem' : 'cancel'}`,
      entityType: 'redemption',
      entityId: id,
      newValue: { status },
      reason: '演示数据',
    });
    redemptions++;
  }

  /* --- certificate issuers and certificates --- */
  const street = data.street;
  await tx.execute(
    sql`INSERT INTO certificate_issuers (street_id, issuer_kind, issuer_id, name, name_bo, credit_code, responsible_person, contact)
        VALUES (${streetId}, 'street', ${streetId}, ${`${street.name}志愿服务协会`}, ${`${street.nameBo}དང་བླངས་ཞབས་ཞུའི་མཐུན་ཚོགས།`}, '51540102MJ0000010X', '旦增朗杰', '0891-6320001')`,
  );
  for (const [i, c] of data.communities.entries()) {
    await tx.execute(
      sql`INSERT INTO certificate_issuers (street_id, issuer_kind, issuer_id, name, name_bo, credit_code, responsible_person, contact)
          VALUES (${streetId}, 'community', ${c.id}, ${`${c.name}居民委员会`}, ${c.nameBo ? `${c.nameBo}སྡོད་དམངས་ཨུ་ཡོན་ལྷན་ཁང་།` : null},
                  ${`57540102MF${String(i + 1).padStart(7, '0')}X`}, ${i === 0 ? '王丽华' : i === 1 ? '央金卓玛' : '平措扎西'}, ${`0891-63${String(21000 + i * 111).padStart(5, '0')}`})`,
    );
  }
  const streetAdmin = accountOf('13900000001');
  const topIn = async (communityId: string | null) => {
    const [row] = await queryRows<{ volunteer_id: string }>(
      tx,
      sql`SELECT volunteer_id FROM service_records WHERE street_id = ${streetId} AND status = 'verified' ${communityId ? sql`AND community_id = ${communityId}` : sql``}
          GROUP BY volunteer_id ORDER BY sum(credited_minutes) DESC, volunteer_id LIMIT 1 OFFSET ${communityId ? 0 : 1}`,
    );
    return row?.volunteer_id;
  };
  const volunteerOf = (phone: string) => vols.find((x) => x.person_id === accountOf(phone).personId)?.id;
  const issues: {
    volunteerId: string | undefined;
    kind: 'community' | 'street';
    id: string;
    language: 'zh' | 'bo' | 'bilingual';
    handler: string;
    accountId: string;
    revoke?: boolean;
  }[] = [];
  const sy = data.communities.find((c) => c.name.includes('桑伊'));
  const jx = data.communities.find((c) => c.name.includes('吉祥'));
  issues.push({
    volunteerId: volunteerOf('13900000006'),
    kind: 'street',
    id: streetId,
    language: 'bilingual',
    handler: '旦增朗杰',
    accountId: streetAdmin.id,
  });
  if (sy)
    issues.push({
      volunteerId: await topIn(sy.id),
      kind: 'community',
      id: sy.id,
      language: 'zh',
      handler: '央金卓玛',
      accountId: accountOf('13900000002').id,
    });
  if (jx)
    issues.push({
      volunteerId: await topIn(jx.id),
      kind: 'community',
      id: jx.id,
      language: 'bo',
      handler: '王丽华',
      accountId: accountOf('13900000003').id,
    });
  issues.push({
    volunteerId: await topIn(null),
    kind: 'street',
    id: streetId,
    language: 'bilingual',
    handler: '旦增朗杰',
    accountId: streetAdmin.id,
    revoke: true,
  });
  let certificates = 0;
  for (const [k, c] of issues.entries()) {
    if (!c.volunteerId) continue;
    const holder = await findHolder(tx, streetId, c.volunteerId);
    if (!holder) continue;
    const filter = c.kind === 'community' ? c.id : null;
    const [has] = await queryRows<{ n: number | string }>(
      tx,
      sql`SELECT count(*) AS n FROM service_records WHERE volunteer_id = ${holder.id} AND status = 'verified' ${filter ? sql`AND community_id = ${filter}` : sql``}`,
    );
    if (!Number(has?.n)) continue;
    const issuedAt = new Date(ref.getTime() - (30 - k * 5) * DAY);
    const { number } = await issueInTransaction(tx, {
      streetId,
      holder,
      issuer: { kind: c.kind, id: c.id, communityFilter: filter },
      input: { volunteerId: holder.id, language: c.language },
      handlerName: c.handler,
      accountId: c.accountId,
      now: issuedAt,
    });
    certificates++;
    if (c.revoke) {
      const [row] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM certificates WHERE number = ${number}`);
      await revokeCertificateRow(tx, row!.id, c.accountId, '服务时长核减后重新出具', new Date(issuedAt.getTime() + 3 * DAY));
      await appendAudit(tx, {
        streetId,
        actorAccountId: c.accountId,
        action: 'certificate.revoke',
        entityType: 'volunteer',
        entityId: holder.id,
        newValue: { number },
        reason: '服务时长核减后重新出具',
      });
    }
  }
  return { rewards: REWARDS.length, redemptions, awards, certificates };
}
