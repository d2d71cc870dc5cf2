// Owns quality inspection: sampling rules and the weekly seeded sample, weighted forms, inspections, the one appeal
// (复议) a second inspector decides, and scores per agent, unit and month.
export { createQualityRepository } from './repository.js';
export { createQualityService, type QualityService } from './service.js';
export { qualityRoutes } from './routes.js';
export type { QualityTables } from './tables.js';
