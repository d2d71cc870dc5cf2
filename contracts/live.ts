// What GET /api/v1/live sends, as Server-Sent Events: `event: <type>` and `data: <LiveEvent as JSON>`.
// Only what the signed-in user may see arrives; no phone number ever rides along.
export const LiveEventTypes = ['ticket.changed', 'ticket.sla', 'notification'] as const;
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
  at: string;
}
