export { accountsRoutes } from './accounts.routes.js';
export { resolveSession, actorOfAccount, createStreetAdmin, hashToken, LOGIN_POLICY, grantRole, revokeAccountAccess, accountDataOf, setAccountCredentials, type SetCredentialsInput } from './accounts.service.js';
export { grantRoleToPerson, revokeRoleFromPerson, type PersonRoleChange } from './role-changes.service.js';
