// Owns the IVR integration: the HTTP API for IVR platforms (API token scope `ivr`) and the Asterisk FastAGI server.
export { createIvrService, type IvrService, type IvrQueues } from './service.js';
export { ivrRoutes } from './routes.js';
export { createAgiServer, type AgiServer } from './agi-server.js';
