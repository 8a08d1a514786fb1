// DR-23: the street admins' view of the audit log and its integrity check (see CONTEXT.md).
export { auditRoutes } from './audit.routes.js';
