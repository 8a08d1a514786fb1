import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestDb, type TestDb } from '../../../test/test-db.js';
import { withTransaction } from '../../platform/db/tx.js';
import { accounts, notificationOutbox, notifications } from '../../schema/index.js';
import { channelConfigFromEnv, channelsFor, routedChannels } from './channels.js';
import { notify } from './index.js';

let t: TestDb;
let streetId: string;
let accountIds: string[];

beforeAll(async () => {
  t = await createTestDb();
  const rows = await t.db.select({ id: accounts.id, streetId: accounts.streetId }).from(accounts).limit(3);
  streetId = rows[0]!.streetId;
  accountIds = rows.map((r) => r.id);
});
afterAll(() => t.close());

describe('notify', () => {
  it('writes one notification per distinct recipient and one outbox row per channel, in the caller transaction', async () => {
    const [a, b] = accountIds as [string, string];
    await withTransaction(t.db, (tx) =>
      notify(tx, { streetId, recipientAccountIds: [a, b, a, 'acc_missing'], kind: 'demand.offer', params: { service: '助餐' }, link: '/orders/x', refType: 'demand', refId: 'dmd_t1' }, { smsEndpoint: 'http://sms.example.cn/send' }),
    );
    const rows = await t.db.select().from(notifications).where(eq(notifications.refId, 'dmd_t1'));
    expect(rows.map((r) => r.recipientAccountId).sort()).toEqual([a, b].sort());
    expect(rows[0]!.params).toEqual({ service: '助餐' });
    const out = await t.db.select().from(notificationOutbox).where(inArray(notificationOutbox.notificationId, rows.map((r) => r.id)));
    expect(out.map((o) => o.channel)).toEqual(['sms', 'sms']);
    expect(out.every((o) => o.status === 'pending' && o.attempts === 0)).toBe(true);
  });

  it('leaves no notification and no outbox row when the caller transaction rolls back', async () => {
    const before = await t.db.select().from(notificationOutbox);
    await expect(
      withTransaction(t.db, async (tx) => {
        await notify(tx, { streetId, recipientAccountIds: accountIds, kind: 'demand.status.completed', params: {}, refType: 'demand', refId: 'dmd_rollback' });
        throw new Error('business rule failed after notify');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await t.db.select().from(notifications).where(eq(notifications.refId, 'dmd_rollback'))).toEqual([]);
    expect((await t.db.select().from(notificationOutbox)).length).toBe(before.length);
  });

  it('rejects a malformed kind', async () => {
    await expect(withTransaction(t.db, (tx) => notify(tx, { streetId, recipientAccountIds: accountIds, kind: 'Offer', params: {} }))).rejects.toThrow('invalid kind');
  });
});

describe('channel routing', () => {
  it('uses the longest dotted prefix and falls back to log when a channel is not configured', () => {
    expect(routedChannels('demand.status.completed')).toEqual(['wechat']);
    expect(routedChannels('star.reached')).toEqual(['log']);
    expect(channelsFor('demand.offer', {})).toEqual(['log']);
    expect(channelsFor('demand.offer', { smsEndpoint: 'http://x' })).toEqual(['sms']);
    expect(channelsFor('demand.emergency', { wechatTemplateEndpoint: 'http://x' })).toEqual(['wechat']);
  });

  it('reads the endpoints from the environment and refuses a malformed one', () => {
    expect(channelConfigFromEnv({})).toEqual({ smsEndpoint: undefined, wechatTemplateEndpoint: undefined });
    expect(channelConfigFromEnv({ SMS_ENDPOINT: ' https://sms.example.cn/send ' }).smsEndpoint).toBe('https://sms.example.cn/send');
    expect(() => channelConfigFromEnv({ SMS_ENDPOINT: 'sms.example.cn' })).toThrow('SMS_ENDPOINT must be an http(s) URL');
    expect(() => channelConfigFromEnv({ WECHAT_TEMPLATE_ENDPOINT: 'ftp://x.cn' })).toThrow('WECHAT_TEMPLATE_ENDPOINT must be an http(s) URL');
  });
});
