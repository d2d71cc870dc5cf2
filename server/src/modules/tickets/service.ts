import type { TicketDeps } from './context.js';
import { createCustomerIntake } from './customer-intake.js';
import { createTicketIntake } from './intake.js';
import { createTicketQueries } from './queries.js';
import { createTicketWorkflow } from './workflow.js';

// The ticket service: intake (accept), workflow (every move of the loop) and queries, sharing one set of deps.
export function createTicketService(deps: TicketDeps) {
  const queries = createTicketQueries(deps);
  const intake = createTicketIntake(deps, queries);
  const workflow = createTicketWorkflow(deps, queries);
  const customerIntake = createCustomerIntake(deps, { uncategorisedCode: deps.uncategorisedCode ?? '0902' });
  return {
    create: intake.create,
    act: workflow.act,
    get: queries.get,
    probe: queries.probe,
    events: queries.events,
    list: queries.list,
    scan: queries.scan,
    customerProfile: queries.customerProfile,
    // self-service: complaints filed without an agent, and a customer's own ticket by number
    fileForCustomer: customerIntake.file,
    customerTicketId: customerIntake.ownTicketId,
  };
}
export type TicketService = ReturnType<typeof createTicketService>;
