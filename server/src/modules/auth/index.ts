// Owns sign-in, sessions, CSRF and the role check every route runs; exports the factory, plugin and routes.
export { can, type Actor } from './actor.js';
export { createAuthRepository } from './repository.js';
export { createAuthService, type AuthService } from './service.js';
export {
  authPlugin,
  guardOf,
  CUSTOMER_COOKIE,
  SESSION_COOKIE,
  type CallerAuthenticators,
  type CustomerCaller,
  type RouteGuard,
  type TokenCaller,
} from './plugin.js';
export { authRoutes, type DemoListing } from './routes.js';
export { hashPassword } from './passwords.js';
