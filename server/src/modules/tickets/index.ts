// Owns complaints: intake, the closed-loop lifecycle and its events, queues and the customer's history.
export { createTicketRepository } from './repository.js';
export { createTicketService, type TicketService } from './service.js';
export type { IntakeScreener, IntakeScreening, TicketChange, TicketFacts, TicketObserver } from './context.js';
export { ticketRoutes } from './routes.js';
export type { CustomerFiling } from './customer-intake.js';
