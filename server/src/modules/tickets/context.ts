import type { UnitRef } from '../../../../contracts/org.js';
import type { TicketAction } from '../../../../contracts/tickets.js';
import type { Clock } from '../../clock.js';
import { can, type Actor } from '../auth/index.js';
import type { CategoryService } from '../categories/index.js';
import type { CustomerRepository } from '../customers/index.js';
import type { ActorStanding } from './lifecycle.js';
import type { Selectable, Transaction } from 'kysely';
import type { Database, TicketTable } from '../../db/schema.js';
import type { TicketDetailRow, TicketPatch, TicketRepository } from './repository.js';

/** The SLA module, as the ticket flow sees it: the clock columns at acceptance and after each move. */
export interface TicketClockPlanner {
  atAcceptance(f: {
    acceptedAt: Date;
    categoryCode: string;
    customerLevel: string;
    priority: string;
    ownerUnitId: number;
    answeredNow: boolean;
    regulator?: { acceptDueAt?: Date; answerDueAt?: Date };
  }): Promise<TicketPatch>;
  afterAction(
    before: TicketDetailRow,
    action: TicketAction,
    next: { handling_unit_id: number | null; priority: string },
    at: Date,
  ): Promise<TicketPatch>;
}

/** The assignment module, as the ticket flow sees it: who in the receiving unit gets a pushed order. */
export interface TicketAssigner {
  onArrival(
    unitId: number,
    categoryCode: string,
    at: Date,
  ): Promise<{
    handling_user_id: number | null;
    assigned_at: string | null;
    assign_check_at: string | null;
    assignedTo: { id: number; name: string } | null;
  }>;
  afterAssigned(userId: number, at: Date): Promise<void>;
}

/** A ticket as stored after a change: every column the change wrote, and the rest as they were. */
export type TicketFacts = Partial<Selectable<TicketTable>> &
  Pick<Selectable<TicketTable>, 'id' | 'number' | 'status' | 'channel' | 'category_code' | 'customer_id' | 'priority' | 'created_at'>;

/** One committed move of a ticket: intake (`before` null, action 'accept') or a workflow action. */
export interface TicketChange {
  action: TicketAction | 'accept';
  before: TicketDetailRow | null;
  after: TicketFacts;
  actorId: number | null;
  at: string;
}

/**
 * Another module's part in every ticket change (figures, incidents, surveys…). It runs inside the transaction that
 * wrote the change, so what it records commits or rolls back with the ticket and never disagrees with it.
 * Never query through the main connection here: on SQLite that waits on this very transaction.
 */
export interface TicketObserver {
  onTicketChange(trx: Transaction<Database>, change: TicketChange): Promise<void>;
}

/** What repeat screening (DOMAIN.md §6) decides at intake, before the transaction. */
export interface IntakeScreening {
  isRepeat: boolean;
  /** the earlier tickets' numbers */
  of: string[];
  priority: string;
  /** where a repeat goes instead of the person accepting it: the earlier owner, or the complaint desk (owner null) */
  owner: { id: number | null; unitId: number } | null;
  /** the caller's open complaint, if any: a hotline call is then also a repeat call about it */
  openTicketId: number | null;
}

/** The repeats module, as intake sees it: screen before the transaction, record inside it. */
export interface IntakeScreener {
  screen(f: { customerId: number | null; categoryCode: string; priority: string; at: Date }): Promise<IntakeScreening>;
  record(
    trx: Transaction<Database>,
    f: { ticketId: number; customerId: number; phone: string; channel: string; screening: IntakeScreening; at: string },
  ): Promise<void>;
}

// What the ticket service's parts share: its data access, its neighbours, the clock.
export interface TicketDeps {
  repo: TicketRepository;
  customers: CustomerRepository;
  categories: CategoryService;
  findUnit: (code: string) => Promise<(UnitRef & { isActive: boolean }) | undefined>;
  clocks: TicketClockPlanner;
  assigner: TicketAssigner;
  /** told of every change inside its transaction; see TicketObserver */
  observers: TicketObserver[];
  /** told after every committed change, so open queues and boards refresh */
  onChange: (change: { ticketId: number; number: string; status: string; unitIds: number[]; userIds: number[] }) => void;
  clock: Clock;
  timeZone: string;
  /** repeat-complaint screening at intake; none: every complaint is a first one */
  repeats?: IntakeScreener;
  /** the category of a self-service complaint filed without one, categorised later by the desk (default 0902) */
  uncategorisedCode?: string;
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
