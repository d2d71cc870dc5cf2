// Owns the organisation tree (units) and staff accounts; exports the service factory and its routes.
export { createOrgRepository, type OrgRepository } from './repository.js';
export { createOrgService, type OrgService } from './service.js';
export { orgRoutes } from './routes.js';
export { ensureFirstAdmin } from './first-admin.js';
