export { residentsRoutes } from './residents.routes.js';
export { decodeFocusTags, encodeFocusTags } from './residents.service.js';
export { gridInScope } from './residents.policy.js';
export { auditTags } from './residents.presenter.js';
