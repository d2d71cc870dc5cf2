// Owns group complaints (DOMAIN.md §7): address normalisation, the early-warning windows, incidents and their rules.
export { createIncidentRepository } from './repository.js';
export { createIncidentDetector } from './detector.js';
export { createIncidentService, type IncidentService } from './service.js';
export { createIncidentRules } from './rules.js';
export { incidentRoutes } from './routes.js';
export type { IncidentTables } from './tables.js';
