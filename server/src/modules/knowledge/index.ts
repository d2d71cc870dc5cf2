// Owns reply templates (per category and situation, filled from a ticket) and the knowledge base: cases proposed
// from resolved tickets with personal data removed and reviewed by the desk, articles by business operations, and one
// substring search over both on either database.
export { createKnowledgeRepository } from './repository.js';
export { createKnowledgeSearch } from './search.js';
export { createTemplateService } from './templates.js';
export { createKnowledgeService } from './entries.js';
export { knowledgeRoutes } from './routes.js';
