// Owns API tokens for systems (IVR platforms…): issue (shown once), list, revoke, and recognising a Bearer token.
export { createApiTokenRepository } from './repository.js';
export { createApiTokenService, type ApiTokenService } from './service.js';
export { apiTokenRoutes } from './routes.js';
