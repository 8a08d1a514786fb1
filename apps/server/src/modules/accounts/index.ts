export { accountsRoutes } from './accounts.routes.js';
export { resolveSession, createStreetAdmin, hashToken, LOGIN_POLICY } from './accounts.service.js';
