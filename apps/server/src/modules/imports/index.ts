export { importsRoutes } from './imports.routes.js';
