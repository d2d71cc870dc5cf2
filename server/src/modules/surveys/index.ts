// Owns satisfaction surveys after close and the revisits an unsatisfied answer opens.
// SMS replies, the self-service page and IVR answer through `createSurveyService(...).answer` / `.answerByReply`.
export { createSurveyRepository } from './repository.js';
export { createSurveyObserver } from './observer.js';
export { createSurveyService, type SurveyAnswer, type SurveyService } from './service.js';
export { surveyRoutes } from './routes.js';
export type { SurveyTables } from './tables.js';
