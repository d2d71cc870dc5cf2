import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../../contracts/tickets.js';
import { translate } from '../../lib/i18n';
import { callbackLines } from './callback-lines';

const event = (data: Record<string, unknown>): TicketEvent => ({
  id: 1,
  ticketId: 1,
  action: 'callback',
  fromStatus: null,
  toStatus: null,
  actor: null,
  note: null,
  data,
  at: '2026-11-23T02:00:00.000Z',
});
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

describe('callbacks on the timeline', () => {
  it('says what was booked and with whom', () => {
    const lines = callbackLines(
      event({ callback: 'booked', skillGroup: 'DATA', topic: 'Data pack', dueAt: '2026-11-23T03:00:00.000Z' }),
      en,
    );
    expect(lines[0]).toMatch(/^Booked with DATA, due by 2026-11-23 \d\d:00$/);
    expect(lines[1]).toBe('Topic: Data pack');
  });

  it('says which call it was, the next try, and the SMS after the last', () => {
    expect(callbackLines(event({ callback: 'no_answer', attempt: 1, maxAttempts: 3, dueAt: '2026-11-23T03:30:00.000Z' }), en)).toEqual([
      'Call 1/3: No answer',
      expect.stringMatching(/^Next call 2026-11-23/),
    ]);
    expect(callbackLines(event({ callback: 'no_answer', attempt: 3, maxAttempts: 3, smsSent: true }), en)).toEqual([
      'Call 3/3: No answer',
      'Customer informed by SMS',
    ]);
    expect(callbackLines(event({ callback: 'reached_solved', attempt: 2, maxAttempts: 3 }), en)).toEqual(['Call 2/3: Reached, solved']);
  });
});
