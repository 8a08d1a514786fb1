// Service records (志愿服务记录), hours, star eligibility and point rules (issue 5). See CONTEXT.md.
export { recordsRoutes } from './records.routes.js';
export { DEFAULT_STAR_THRESHOLDS_HOURS, addWorkingDays, nextStarMinutes, starForMinutes } from './star.js';
export { DEFAULT_RULES, coinsFor, pointsFor, rulesOf } from './point-rules.service.js';
