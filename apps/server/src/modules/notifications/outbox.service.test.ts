import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import pino from 'pino';
import { createTestDb, type TestDb } from '../../../test/test-db.js';
import { withTransaction } from '../../platform/db/tx.js';
import { loggerOptions } from '../../platform/logger.js';
import { accounts, notificationOutbox, notifications, persons } from '../../schema/index.js';
import { createChannelAdapters, httpAdapter, type ChannelAdapter, type ChannelMessage, type FetchLike } from './adapters.js';
import { BACKOFF_MS, MAX_ATTEMPTS, drainOutbox, startOutboxWorker, type OutboxDeps } from './outbox.service.js';
import { notify } from './index.js';

let t: TestDb;
let streetId: string;
let residentId: string;
let residentPhone: string;
const RESIDENT = '13900000008';

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino(loggerOptions('info'), stream), lines };
}

async function outboxOfRef(refId: string) {
  const ns = await t.db.select().from(notifications).where(eq(notifications.refId, refId));
  return t.db.select().from(notificationOutbox).where(inArray(notificationOutbox.notificationId, ns.map((n) => n.id)));
}

beforeAll(async () => {
  t = await createTestDb();
  const [acc] = await t.db
    .select({ id: accounts.id, streetId: accounts.streetId, phoneEnc: persons.phoneEnc })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.phoneHash, t.deps.crypto.blindIndex('phone', RESIDENT)));
  residentId = acc!.id;
  streetId = acc!.streetId;
  residentPhone = acc!.phoneEnc ? t.deps.crypto.decrypt(acc!.phoneEnc) : RESIDENT;
});
afterAll(() => t.close());

const sms = { smsEndpoint: 'https://sms.example.cn/send' };

describe('drainOutbox', () => {
  it('retries with back-off after failures, then marks sent; renders in the recipient’s saved language with the phone for SMS', async () => {
    await t.db.update(accounts).set({ language: 'bo' }).where(eq(accounts.id, residentId));
    await withTransaction(t.db, (tx) =>
      notify(tx, { streetId, recipientAccountIds: [residentId], kind: 'demand.offer', params: { service: '助餐', 'service.bo': 'ཟས་འདྲེན།', team: 'Bugu', community: 'Sangyi' }, refType: 'demand', refId: 'dmd_retry' }, sms),
    );
    const seen: ChannelMessage[] = [];
    let calls = 0;
    const flaky: ChannelAdapter = {
      channel: 'sms',
      send: async (m) => {
        calls++;
        seen.push(m);
        if (calls <= 2) throw new Error(`gateway down ${calls}`);
      },
    };
    const { log } = capturingLogger();
    const deps: OutboxDeps = { db: t.db, crypto: t.deps.crypto, log, adapters: { sms: flaky } };
    const t0 = new Date('2026-11-29T12:00:00Z');
    // The row was created "now" (real clock), so drain from a time after it.
    const start = new Date(Math.max(Date.now(), t0.getTime()) + 1000);

    expect(await drainOutbox(deps, start)).toEqual({ sent: 0, failed: 1, dead: 0 });
    let [row] = await outboxOfRef('dmd_retry');
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'gateway down 1' });
    expect(row!.nextAttemptAt.getTime()).toBe(start.getTime() + BACKOFF_MS[0]);

    // Not due yet: nothing happens.
    expect(await drainOutbox(deps, new Date(start.getTime() + BACKOFF_MS[0] - 1))).toEqual({ sent: 0, failed: 0, dead: 0 });

    const second = new Date(start.getTime() + BACKOFF_MS[0]);
    expect(await drainOutbox(deps, second)).toEqual({ sent: 0, failed: 1, dead: 0 });
    [row] = await outboxOfRef('dmd_retry');
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row!.nextAttemptAt.getTime()).toBe(second.getTime() + BACKOFF_MS[1]);

    const third = new Date(second.getTime() + BACKOFF_MS[1]);
    expect(await drainOutbox(deps, third)).toEqual({ sent: 1, failed: 0, dead: 0 });
    [row] = await outboxOfRef('dmd_retry');
    expect(row).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(row!.sentAt?.getTime()).toBe(third.getTime());
    expect(calls).toBe(3);

    // Sent rows are never sent again.
    expect(await drainOutbox(deps, new Date(third.getTime() + 86_400_000))).toEqual({ sent: 0, failed: 0, dead: 0 });

    expect(seen[2]!.to).toEqual({ accountId: residentId, phone: residentPhone });
    expect(seen[2]!.title).toMatch(/[\u0F00-\u0FFF]/);
    expect(seen[2]!.body).toContain('ཟས་འདྲེན།');
    expect(seen[2]!.body).not.toMatch(/[\u4e00-\u9fff]/);
    await t.db.update(accounts).set({ language: 'zh-CN' }).where(eq(accounts.id, residentId));
  });

  it('gives up as dead after the last attempt', async () => {
    await withTransaction(t.db, (tx) => notify(tx, { streetId, recipientAccountIds: [residentId], kind: 'demand.offer', params: { service: 'a', team: 'b', community: 'c' }, refId: 'dmd_dead' }, sms));
    const broken: ChannelAdapter = { channel: 'sms', send: () => Promise.reject(new Error('always down')) };
    const deps: OutboxDeps = { db: t.db, crypto: t.deps.crypto, log: capturingLogger().log, adapters: { sms: broken } };
    let at = new Date(Date.now() + 1000);
    const outcomes: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const r = await drainOutbox(deps, at);
      outcomes.push(r.dead ? 'dead' : r.failed ? 'failed' : 'none');
      at = new Date(at.getTime() + 7 * 3_600_000);
    }
    expect(outcomes).toEqual([...Array<string>(MAX_ATTEMPTS - 1).fill('failed'), 'dead']);
    const [row] = await outboxOfRef('dmd_dead');
    expect(row).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'always down' });
    expect(await drainOutbox(deps, new Date(at.getTime() + 86_400_000))).toEqual({ sent: 0, failed: 0, dead: 0 });
  });

  it('never writes a phone number or the message text to the log (log channel, and a failing SMS gateway)', async () => {
    const { log, lines } = capturingLogger();
    // Unconfigured SMS: routed to the log adapter.
    await withTransaction(t.db, (tx) => notify(tx, { streetId, recipientAccountIds: [residentId], kind: 'demand.status.cancelled', params: { service: '助餐', reason: '不需要了' }, refId: 'dmd_log' }, {}));
    // Configured SMS whose gateway answers 500.
    await withTransaction(t.db, (tx) => notify(tx, { streetId, recipientAccountIds: [residentId], kind: 'demand.offer', params: { service: '助餐', team: 't', community: 'c' }, refId: 'dmd_log2' }, sms));
    const bodies: string[] = [];
    const fetch500: FetchLike = async (_url, init) => {
      bodies.push(init.body);
      return { ok: false, status: 500 };
    };
    const deps: OutboxDeps = { db: t.db, crypto: t.deps.crypto, log, adapters: createChannelAdapters(sms, log, fetch500) };
    const r = await drainOutbox(deps, new Date(Date.now() + 1000));
    expect(r).toEqual({ sent: 1, failed: 1, dead: 0 });
    expect((await outboxOfRef('dmd_log'))[0]).toMatchObject({ channel: 'log', status: 'sent' });
    expect((await outboxOfRef('dmd_log2'))[0]).toMatchObject({ channel: 'sms', status: 'failed', lastError: 'sms_http_500' });
    // The gateway got the phone; the log did not.
    expect(bodies.some((b) => b.includes(residentPhone))).toBe(true);
    const text = lines.join('');
    expect(text).toContain('notification delivered to log');
    expect(text).toContain('"kind":"demand.status.cancelled"');
    expect(text).toContain('notification delivery failed');
    expect(text).not.toContain(residentPhone);
    expect(text.replace(/"time":\d+/g, '')).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain('不需要了');
    expect(text).not.toContain('助餐');
  });

  it('the SMS adapter refuses a recipient without a phone, the WeChat adapter posts the account id', async () => {
    const posted: string[] = [];
    const ok: FetchLike = async (_u, init) => {
      posted.push(init.body);
      return { ok: true, status: 200 };
    };
    const msg: ChannelMessage = { notificationId: 'ntf_1', kind: 'demand.offer', to: { accountId: 'acc_1' }, title: 'T', body: 'B', link: '/x' };
    await expect(httpAdapter('sms', 'https://sms.example.cn', ok).send(msg)).rejects.toThrow('no_phone');
    await httpAdapter('wechat', 'https://wx.example.cn', ok).send(msg);
    expect(JSON.parse(posted[0]!)).toEqual({ accountId: 'acc_1', title: 'T', body: 'B', link: '/x', reference: 'ntf_1' });
    const unreachable: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    await expect(httpAdapter('wechat', 'https://wx.example.cn', unreachable).send(msg)).rejects.toThrow('wechat_unreachable:TypeError');
  });

  it('two workers draining at once deliver each row exactly once (SKIP LOCKED + lease)', async () => {
    await withTransaction(t.db, (tx) =>
      notify(tx, { streetId, recipientAccountIds: ['acc_demo_01', 'acc_demo_02', 'acc_demo_03', 'acc_demo_04', 'acc_demo_05'], kind: 'demand.offer', params: { service: 's', team: 't', community: 'c' }, refId: 'dmd_twice' }, sms),
    );
    const sent: string[] = [];
    const counting: ChannelAdapter = {
      channel: 'sms',
      send: async (m) => {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(m.notificationId);
      },
    };
    const deps: OutboxDeps = { db: t.db, crypto: t.deps.crypto, log: capturingLogger().log, adapters: { sms: counting }, batchSize: 2 };
    const at = new Date(Date.now() + 1000);
    const [a, b] = await Promise.all([drainOutbox(deps, at), drainOutbox(deps, at)]);
    const rows = await outboxOfRef('dmd_twice');
    expect(a.sent + b.sent).toBe(5);
    expect(new Set(sent).size).toBe(5);
    expect(sent.length).toBe(5);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('the started worker drains on its interval and stops cleanly', async () => {
    await withTransaction(t.db, (tx) => notify(tx, { streetId, recipientAccountIds: [residentId], kind: 'demand.status.closed', params: { service: 's' }, refId: 'dmd_worker' }, {}));
    const { log, lines } = capturingLogger();
    const worker = startOutboxWorker({ db: t.db, crypto: t.deps.crypto, log, adapters: createChannelAdapters({}, log), intervalMs: 20, now: () => new Date(Date.now() + 1000) });
    try {
      await expect.poll(async () => (await outboxOfRef('dmd_worker'))[0]?.status, { timeout: 5000 }).toBe('sent');
    } finally {
      await worker.stop();
    }
    expect(lines.join('')).toContain('"kind":"demand.status.closed"');
  });
});
