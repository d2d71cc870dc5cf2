// Owns each person's in-app notifications and their read marks.
export { createNotificationRepository } from './repository.js';
export { notificationRoutes } from './routes.js';
