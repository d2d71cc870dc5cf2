// Owns the live stream to browsers (Server-Sent Events) and the bus that feeds it, in one process or across several.
export { createMemoryBus, createPostgresBus, type LiveBus, type LiveEvent } from './bus.js';
export { liveRoutes } from './routes.js';
