// What GET /api/v1/live sends, as Server-Sent Events: `event: <type>` and `data: <LiveEvent as JSON>`.
// Only what the signed-in user may see arrives; no phone number ever rides along.
// incident.opened: an early warning fired (DOMAIN.md §7); incident.changed: it grew, or the desk moved it. Both carry the
// complaint that raised or joined it (the first child for the desk's moves) as ticketId/number.
export const LiveEventTypes = ['ticket.changed', 'ticket.sla', 'notification', 'incident.opened', 'incident.changed'] as const;
export type LiveEventType = (typeof LiveEventTypes)[number];

export interface LiveEvent {
  type: LiveEventType;
  ticketId: number;
  number: string;
  /** ticket.changed: the new status */
  status?: string;
  /** ticket.sla and notification: the clock's new state */
  state?: string;
  /** ticket.sla and notification: what fired, e.g. sla.overdue */
  kind?: string;
  /** incident.*: the incident, its status and how many complaints it holds now */
  incidentId?: number;
  incidentStatus?: string;
  count?: number;
  at: string;
}
