export { demandsRoutes } from './demands.routes.js';
export { escalateOverdue } from './demands.service.js';
