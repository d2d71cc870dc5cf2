import type { Callback, CallbackOutcome } from '../../../../contracts/callbacks.js';

// What the queue shows of a callback, pure.

export const isFinished = (c: Pick<Callback, 'state'>) => c.state === 'solved' || c.state === 'ticketed' || c.state === 'unreached';

/** the specialist may call when it is waiting, or when it is theirs */
export const mayCall = (c: Pick<Callback, 'state' | 'takenBy'>, meId: number) =>
  c.state === 'open' || (c.state === 'taken' && c.takenBy?.id === meId);

/** after this many failed calls the customer is texted instead */
export const attemptsLeft = (c: Pick<Callback, 'attempts' | 'maxAttempts'>) => Math.max(0, c.maxAttempts - c.attempts);

/** a ticket number is asked for only when the call ended in one and the callback has none yet */
export const asksTicketNumber = (outcome: CallbackOutcome | undefined, c: Pick<Callback, 'ticketNumber'>) =>
  outcome === 'reached_ticket' && c.ticketNumber === null;

/** an attempt's body: empty text left out, as the server refuses empty strings */
export function attemptBody(v: { outcome: CallbackOutcome; note?: string; ticketNumber?: string }) {
  const note = v.note?.trim();
  const ticketNumber = v.ticketNumber?.trim();
  return { outcome: v.outcome, ...(note ? { note } : {}), ...(ticketNumber ? { ticketNumber } : {}) };
}
