// Owns what customers do without an agent: progress, adding information, filing (any channel), the /my page's
// sign-in with a one-time code, its API, and the count of self-service queries.
export { createSelfServiceRepository } from './repository.js';
export { createSelfService, type SelfService, type Progress, type SelfServiceChannel } from './service.js';
export { createCustomerAuthRepository } from './customer-auth-repository.js';
export { createCustomerAuth, type CustomerAuth } from './customer-auth.js';
export { createSelfServicePortal, type SelfServicePortal, type SurveyAnswerer } from './portal.js';
export { selfServiceRoutes } from './routes.js';
