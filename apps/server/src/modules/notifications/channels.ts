import type { NOTIFICATION_CHANNELS } from '../../schema/notifications.js';

/** A delivery channel besides the in-app list: an SMS gateway, WeChat template messages, or the log. */
export type Channel = (typeof NOTIFICATION_CHANNELS)[number];

/** External endpoints, from the environment. A channel without an endpoint is disabled. */
export interface ChannelConfig {
  /** `SMS_ENDPOINT`: HTTP endpoint of an SMS gateway operated in mainland China (DR-22). */
  smsEndpoint?: string;
  /** `WECHAT_TEMPLATE_ENDPOINT`: HTTP endpoint that sends WeChat template messages, in mainland China (DR-22). */
  wechatTemplateEndpoint?: string;
}

/** An endpoint must be an http(s) URL; a typo fails at start-up instead of failing every delivery. */
function endpoint(name: string, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`${name} must be an http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${name} must be an http(s) URL`);
  return url.toString();
}

export function channelConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ChannelConfig {
  return {
    smsEndpoint: endpoint('SMS_ENDPOINT', env.SMS_ENDPOINT),
    wechatTemplateEndpoint: endpoint('WECHAT_TEMPLATE_ENDPOINT', env.WECHAT_TEMPLATE_ENDPOINT),
  };
}

export function enabledChannels(config: ChannelConfig): Set<Channel> {
  const on = new Set<Channel>(['log']);
  if (config.smsEndpoint) on.add('sms');
  if (config.wechatTemplateEndpoint) on.add('wechat');
  return on;
}

/**
 * Which external channels a kind uses (in-app is always on: the notification row itself).
 * The longest matching dotted prefix wins: 'demand.status.completed' → 'demand.status'.
 */
export const KIND_CHANNELS: Readonly<Record<string, readonly Channel[]>> = {
  'demand.offer': ['sms'],
  'demand.escalated': ['sms'],
  'demand.emergency': ['sms', 'wechat'],
  'demand.status': ['wechat'],
};

export function routedChannels(kind: string): readonly Channel[] {
  for (let prefix = kind; prefix; prefix = prefix.includes('.') ? prefix.slice(0, prefix.lastIndexOf('.')) : '') {
    const hit = KIND_CHANNELS[prefix];
    if (hit) return hit;
  }
  return ['log'];
}

/** The outbox channels of a kind: the routed ones that are configured, else `log`. */
export function channelsFor(kind: string, config: ChannelConfig): Channel[] {
  const on = enabledChannels(config);
  const picked = routedChannels(kind).filter((c) => on.has(c));
  return picked.length ? picked : ['log'];
}
