export { visitsRoutes } from './visits.routes.js';
export { runCarePlans } from './care-plans.service.js';
