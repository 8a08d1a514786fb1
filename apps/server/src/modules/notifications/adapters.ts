import type { BaseLogger } from 'pino';
import type { Channel, ChannelConfig } from './channels.js';

/** What a channel adapter delivers: already rendered in the recipient's language. */
export interface ChannelMessage {
  notificationId: string;
  kind: string;
  to: { accountId: string; phone?: string };
  title: string;
  body: string;
  link: string | null;
}

/** One delivery channel. `send` resolves when the provider accepted the message, rejects otherwise. */
export interface ChannelAdapter {
  channel: Channel;
  send(message: ChannelMessage): Promise<void>;
}

export type LogSink = Pick<BaseLogger, 'info'>;

/**
 * The default channel: one log line per delivery with the notification id, kind and channel only —
 * never the recipient's phone, name or the rendered text (which may carry personal data).
 */
export function logAdapter(log: LogSink): ChannelAdapter {
  return {
    channel: 'log',
    send: async (message) => {
      log.info({ notificationId: message.notificationId, kind: message.kind, channel: 'log' }, 'notification delivered to log');
    },
  };
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ ok: boolean; status: number }>;

/**
 * POSTs the message as JSON to a provider gateway. Providers must operate in mainland China (DR-22).
 * Errors carry the HTTP status only (never the payload), because they are stored and logged.
 */
export function httpAdapter(channel: 'sms' | 'wechat', endpoint: string, fetchImpl: FetchLike = fetch, timeoutMs = 10_000): ChannelAdapter {
  return {
    channel,
    send: async (message) => {
      if (channel === 'sms' && !message.to.phone) throw new Error('no_phone');
      const payload =
        channel === 'sms'
          ? { phone: message.to.phone, text: `${message.title}：${message.body}`, reference: message.notificationId }
          : { accountId: message.to.accountId, title: message.title, body: message.body, link: message.link, reference: message.notificationId };
      let res: { ok: boolean; status: number };
      try {
        res = await fetchImpl(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new Error(`${channel}_unreachable:${err instanceof Error ? err.name : 'error'}`, { cause: err });
      }
      if (!res.ok) throw new Error(`${channel}_http_${res.status}`);
    },
  };
}

/** The adapters for a configuration: log always; SMS and WeChat only when their endpoint is set. */
export function createChannelAdapters(config: ChannelConfig, log: LogSink, fetchImpl?: FetchLike): Partial<Record<Channel, ChannelAdapter>> {
  const adapters: Partial<Record<Channel, ChannelAdapter>> = { log: logAdapter(log) };
  if (config.smsEndpoint) adapters.sms = httpAdapter('sms', config.smsEndpoint, fetchImpl);
  if (config.wechatTemplateEndpoint) adapters.wechat = httpAdapter('wechat', config.wechatTemplateEndpoint, fetchImpl);
  return adapters;
}
