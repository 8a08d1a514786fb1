export { demandsRoutes } from './demands.routes.js';
export { escalateOverdue } from './demands.service.js';
export { createDemand } from './demands.service.js';
export { createTimeBankDemand, demandServiceState, type TimeBankDemandInput } from './time-bank-demand.service.js';
