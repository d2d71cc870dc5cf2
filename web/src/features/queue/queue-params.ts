import type { TicketListQuery } from '../../../../contracts/tickets.js';
import type { LiveEvent } from '../../lib/live';
import { slaFilters, type Role, type SlaFilter, type TicketStatus } from '../../lib/vocabulary';

// The workbench's address says which queue is open and how it is filtered, so the board can link to
// "/?unit=NET-MAINT&sla=overdue" and a reload keeps the view.

export type QueueScope = 'mine' | 'unit' | 'all' | 'due';

export interface QueueFilter {
  status?: TicketStatus;
  q?: string;
  phone?: string;
  sla?: SlaFilter;
  /** a unit code; only where the queue spans units */
  unit?: string;
}

/** What the address holds: the tab, the SLA state and the unit. */
export interface QueueAddress {
  scope: QueueScope;
  sla?: SlaFilter;
  unit?: string;
}

// Department staff work their unit's queue and see only what is or was with it; everyone else
// follows what they accepted and may look across the whole company.
const isDepartment = (role: Role) => role === 'handler';

export const queueScopes = (role: Role): QueueScope[] => (isDepartment(role) ? ['unit', 'mine', 'due'] : ['mine', 'unit', 'all', 'due']);

/** Only a queue spanning units can be narrowed to one. */
export const takesUnitFilter = (scope: QueueScope, role: Role) => !isDepartment(role) && (scope === 'all' || scope === 'due');

const isScope = (s: string | null, scopes: QueueScope[]): s is QueueScope => scopes.includes(s as QueueScope);
const isSlaFilter = (s: string | null): s is SlaFilter => slaFilters.includes(s as SlaFilter);
const isUnitCode = (s: string | null): s is string => !!s && /^[A-Za-z0-9_-]{1,32}$/.test(s);

export function parseQueueAddress(params: URLSearchParams, role: Role): QueueAddress {
  const scopes = queueScopes(role);
  const tab = params.get('tab');
  const unit = params.get('unit');
  const sla = params.get('sla');
  // a link naming a unit means that unit's orders: the company-wide queue, or a department's own
  const scope = isScope(tab, scopes) ? tab : isUnitCode(unit) ? (isDepartment(role) ? 'unit' : 'all') : scopes[0]!;
  return {
    scope,
    ...(isSlaFilter(sla) ? { sla } : {}),
    ...(isUnitCode(unit) && takesUnitFilter(scope, role) ? { unit } : {}),
  };
}

export function queueSearch(address: QueueAddress): URLSearchParams {
  const params = new URLSearchParams({ tab: address.scope });
  if (address.unit) params.set('unit', address.unit);
  if (address.sla) params.set('sla', address.sla);
  return params;
}

/** The list request for one queue; paging (limit, cursor) is added by the caller. */
export function listQuery(scope: QueueScope, filter: QueueFilter, role: Role): TicketListQuery {
  const base: TicketListQuery =
    scope === 'mine'
      ? { owner: 'me' }
      : scope === 'unit'
        ? { unit: 'mine' }
        : scope === 'due'
          ? { sort: 'due', ...(isDepartment(role) ? { unit: 'mine' } : {}) }
          : {};
  const { unit, ...rest } = filter;
  return { ...base, ...rest, ...(unit && takesUnitFilter(scope, role) ? { unit } : {}) };
}

/**
 * Whether a live event can change what a queue shows: a ticket on it changed; a ticket moved and may join it
 * (a list of my own only changes through what is already on it); a clock changed where clocks decide the list.
 */
export function concernsQueue(e: LiveEvent, scope: QueueScope, filter: QueueFilter, shownIds: readonly number[]): boolean {
  if (e.type === 'notification') return false;
  if (shownIds.includes(e.ticketId)) return true;
  if (scope === 'mine') return false;
  return e.type === 'ticket.changed' || scope === 'due' || filter.sla !== undefined;
}
