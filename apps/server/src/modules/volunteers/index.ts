export { volunteersRoutes } from './volunteers.routes.js';
export { formatVolunteerNo, pseudonymOf } from './volunteers.service.js';
