export { organizationRoutes } from './organization.routes.js';
