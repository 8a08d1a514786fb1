export { starsRoutes } from './stars.routes.js';
export { awardedStar, runStarJobs } from './stars.service.js';
export { addWorkingDays, levelForMinutes, streetDate } from './working-days.js';
