import type { TicketDeps } from './context.js';
import { createTicketIntake } from './intake.js';
import { createTicketQueries } from './queries.js';
import { createTicketWorkflow } from './workflow.js';

// The ticket service: intake (accept), workflow (every move of the loop) and queries, sharing one set of deps.
export function createTicketService(deps: TicketDeps) {
  const queries = createTicketQueries(deps);
  const intake = createTicketIntake(deps, queries);
  const workflow = createTicketWorkflow(deps, queries);
  return {
    create: intake.create,
    act: workflow.act,
    get: queries.get,
    events: queries.events,
    list: queries.list,
    customerProfile: queries.customerProfile,
  };
}
export type TicketService = ReturnType<typeof createTicketService>;
