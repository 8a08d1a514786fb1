export { organizationRoutes } from './organization.routes.js';
// Scope rules for residents and households, shared with the residents and imports modules.
export { peopleScopeOf, assertGridInScope } from './organization.policy.js';
export type { PeopleScope } from './organization.repository.js';
export { presentResident } from './organization.presenter.js';
export { getTeam } from './organization.service.js';
