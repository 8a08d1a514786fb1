export { recoveryRoutes } from './recovery.routes.js';
