import type { UnitRef } from '../../../../contracts/org.js';
import type { TicketAction } from '../../../../contracts/tickets.js';
import type { Clock } from '../../clock.js';
import { can, type Actor } from '../auth/index.js';
import type { CategoryService } from '../categories/index.js';
import type { CustomerRepository } from '../customers/index.js';
import type { ActorStanding } from './lifecycle.js';
import type { TicketRepository } from './repository.js';

// What the ticket service's parts share: its data access, its neighbours, the clock.
export interface TicketDeps {
  repo: TicketRepository;
  customers: CustomerRepository;
  categories: CategoryService;
  findUnit: (code: string) => Promise<(UnitRef & { isActive: boolean }) | undefined>;
  clock: Clock;
  timeZone: string;
}

export const standingOf = (actor: Actor): ActorStanding => ({
  userId: actor.id,
  unitId: actor.unit.id,
  isDesk: actor.role === 'desk',
  mayEver: (action: TicketAction) => can(actor, `ticket:${action}`),
});

export const showsPhone = (actor: Actor) => can(actor, 'customer:view_phone');

// Department staff see the orders that are or were with their unit; everyone else with ticket:read sees all.
export const seesOnlyOwnUnit = (actor: Actor) => actor.role === 'handler';
