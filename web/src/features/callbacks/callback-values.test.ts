import { describe, expect, it } from 'vitest';
import { asksTicketNumber, attemptBody, attemptsLeft, isFinished, mayCall } from './callback-values';

describe('callback queue values', () => {
  it('lets a specialist call a waiting callback or their own, not a colleague’s', () => {
    expect(mayCall({ state: 'open', takenBy: null }, 7)).toBe(true);
    expect(mayCall({ state: 'taken', takenBy: { id: 7, displayName: 'a' } }, 7)).toBe(true);
    expect(mayCall({ state: 'taken', takenBy: { id: 8, displayName: 'b' } }, 7)).toBe(false);
    expect(mayCall({ state: 'solved', takenBy: null }, 7)).toBe(false);
  });

  it('counts the calls left before the SMS and knows finished states', () => {
    expect(attemptsLeft({ attempts: 1, maxAttempts: 3 })).toBe(2);
    expect(attemptsLeft({ attempts: 4, maxAttempts: 3 })).toBe(0);
    expect(isFinished({ state: 'unreached' })).toBe(true);
    expect(isFinished({ state: 'taken' })).toBe(false);
  });

  it('asks for a ticket number only for a call that created a ticket on an unlinked callback', () => {
    expect(asksTicketNumber('reached_ticket', { ticketNumber: null })).toBe(true);
    expect(asksTicketNumber('reached_ticket', { ticketNumber: 'TS1' })).toBe(false);
    expect(asksTicketNumber('no_answer', { ticketNumber: null })).toBe(false);
  });

  it('leaves out blank notes and numbers', () => {
    expect(attemptBody({ outcome: 'no_answer', note: '  ', ticketNumber: '' })).toEqual({ outcome: 'no_answer' });
    expect(attemptBody({ outcome: 'reached_ticket', note: ' 已建单 ', ticketNumber: 'TS20261123000001' })).toEqual({
      outcome: 'reached_ticket',
      note: '已建单',
      ticketNumber: 'TS20261123000001',
    });
  });
});
