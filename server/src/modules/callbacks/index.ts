// Owns specialist seats (DOMAIN.md §8): skill groups with their calendar and retry policy, the callbacks hotline
// agents book for them, the queue by due time and each call's outcome (retries, the SMS, the ticket's timeline).
export { createCallbackRepository } from './repository.js';
export { createCallbackService, type CallbackService } from './service.js';
export { createSkillGroupAdmin } from './skill-groups.js';
export { callbackRoutes } from './routes.js';
