export { volunteersRoutes } from './volunteers.routes.js';
