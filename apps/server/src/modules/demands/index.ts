export { demandsRoutes } from './demands.routes.js';
