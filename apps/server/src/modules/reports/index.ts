export { reportsRoutes } from './reports.routes.js';
export { periodService } from './reports.service.js';
