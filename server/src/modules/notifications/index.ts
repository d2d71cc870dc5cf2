// Owns each person's in-app notifications and their read marks.
export { createNotificationRepository, insertNotifications } from './repository.js';
export { notificationRoutes } from './routes.js';
