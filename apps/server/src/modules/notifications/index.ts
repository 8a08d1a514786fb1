export { notify, type NotifyInput } from './notify.service.js';
export { notificationsRoutes } from './notifications.routes.js';
export { channelConfigFromEnv, type Channel, type ChannelConfig } from './channels.js';
export { createChannelAdapters, type ChannelAdapter, type ChannelMessage } from './adapters.js';
export { drainOutbox, startOutboxWorker, type OutboxDeps, type OutboxWorker } from './outbox.service.js';
export { notifyDemandEscalated, notifyDemandOffered, notifyDemandTransition, notifyEmergency, type DemandFacts } from './demand-events.service.js';
