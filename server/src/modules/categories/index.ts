// Owns the complaint category tree (operators' numeric codes, regulator classes) and routing to units.
export { createCategoryRepository } from './repository.js';
export { createCategoryService, type CategoryService, type TicketCategory } from './service.js';
export { categoryRoutes } from './routes.js';
