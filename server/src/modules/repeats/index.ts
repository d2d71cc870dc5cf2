// Owns repeat complaints (DOMAIN.md §6): screening at intake, attaching a call to an open ticket, the monthly rate.
export { createRepeatRepository } from './repository.js';
export { createRepeatService, type RepeatService } from './service.js';
export { repeatRoutes } from './routes.js';
