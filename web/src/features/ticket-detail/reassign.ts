import type { Me } from '../../../../contracts/auth.js';
import type { TicketView } from '../../../../contracts/tickets.js';
import type { TicketStatus } from '../../lib/vocabulary';

// The server moves an order to a named person only while a unit holds it.
const reassignable: readonly TicketStatus[] = ['dispatched', 'processing', 'suspended'];

/**
 * Whether to offer "reassign": the desk and managers for any order a unit holds; department staff only as a
 * supervisor of the unit holding it (the server checks the same; this only spares a refused click).
 */
export function canReassign(
  me: Pick<Me, 'role' | 'isSupervisor' | 'unit' | 'permissions'>,
  ticket: Pick<TicketView, 'status' | 'handlingUnit'>,
): boolean {
  if (!me.permissions.includes('ticket:assign')) return false;
  if (!ticket.handlingUnit || !reassignable.includes(ticket.status)) return false;
  if (me.role === 'handler') return me.isSupervisor && ticket.handlingUnit.id === me.unit.id;
  return true;
}

/** Pushed to someone who has not taken it yet: the order waits on that person. */
export function waitingFor(ticket: Pick<TicketView, 'status' | 'handlingUser' | 'assignedAt'>): { name: string; at: string | null } | null {
  return ticket.status === 'dispatched' && ticket.handlingUser ? { name: ticket.handlingUser.name, at: ticket.assignedAt } : null;
}
