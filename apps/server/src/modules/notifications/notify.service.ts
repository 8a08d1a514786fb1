import crypto from 'node:crypto';
import type { Tx } from '../../platform/db/client.js';
import { channelConfigFromEnv, channelsFor, type ChannelConfig } from './channels.js';
import * as repo from './notifications.repository.js';

export interface NotifyInput {
  streetId: string;
  /** accounts.id of the people to tell (deduplicated here; unknown or disabled accounts are skipped). */
  recipientAccountIds: string[];
  /** Dotted, e.g. 'demand.offer', 'demand.status.completed'; templates at notifications.<kind with _>. */
  kind: string;
  /** Interpolated into the templates. Never phone or ID numbers (DR-21). `name.bo` / `name.en` override `name` in that language. */
  params: Record<string, string | number>;
  /** Web path to open, e.g. '/orders/dmd_123' (H5) or '/admin/demands/dmd_123'. */
  link?: string;
  refType?: string;
  refId?: string;
}

const KIND = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const newId = (prefix: string) => `${prefix}_${crypto.randomUUID()}`;

/**
 * Tells accounts about an event: one in-app notification per recipient and one outbox row per
 * delivery channel, written IN THE CALLER'S TRANSACTION (a rolled-back change notifies nobody).
 * The outbox worker delivers them later.
 */
export async function notify(tx: Tx, input: NotifyInput, channelConfig: ChannelConfig = channelConfigFromEnv()): Promise<void> {
  if (!KIND.test(input.kind)) throw new Error(`notify: invalid kind ${input.kind}`);
  const wanted = [...new Set(input.recipientAccountIds.filter((id) => typeof id === 'string' && id.length > 0))];
  const recipients = await repo.existingAccountIds(tx, input.streetId, wanted);
  if (!recipients.length) return;
  const channels = channelsFor(input.kind, channelConfig);
  const rows = recipients.sort().map((recipientAccountId) => ({
    id: newId('ntf'),
    streetId: input.streetId,
    recipientAccountId,
    kind: input.kind,
    params: input.params,
    link: input.link ?? null,
    refType: input.refType ?? null,
    refId: input.refId ?? null,
  }));
  await repo.insertNotifications(tx, rows);
  await repo.insertOutbox(
    tx,
    rows.flatMap((n) => channels.map((channel) => ({ id: newId('obx'), streetId: input.streetId, notificationId: n.id, channel }))),
  );
}
