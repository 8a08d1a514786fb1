export { residentsRoutes } from './residents.routes.js';
export { decodeFocusTags, encodeFocusTags } from './residents.service.js';
