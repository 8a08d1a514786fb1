export { visitsRoutes } from './visits.routes.js';
export { runCarePlans } from './care-plans.service.js';
export { maskAddress } from './visits.service.js';
