// Owns the liveness answer that says whether the database is reachable.
export { healthRoutes } from './routes.js';
