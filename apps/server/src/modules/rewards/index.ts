export { rewardsRoutes } from './rewards.routes.js';
export { perksFor } from './rewards.service.js';
