export { activitiesRoutes } from './activities.routes.js';
export { sendActivityReminders, endOverdueActivities } from './activity-jobs.service.js';
