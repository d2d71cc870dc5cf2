import type { TicketEvent } from '../../../../contracts/tickets.js';
import { formatTime } from '../../lib/format';
import type { I18n, MessageKey } from '../../lib/i18n';

// A 'callback' event on a ticket's timeline, in words: the booking, or one call's outcome and what follows.
const outcomes: Record<string, MessageKey> = {
  reached_solved: 'callbacks.outcome.reached_solved',
  reached_ticket: 'callbacks.outcome.reached_ticket',
  no_answer: 'callbacks.outcome.no_answer',
};

export function callbackLines(event: TicketEvent, t: I18n['t']): string[] {
  const { callback, skillGroup, dueAt, attempt, maxAttempts, smsSent, topic } = event.data;
  const at = typeof dueAt === 'string' ? formatTime(dueAt) : '';
  if (callback === 'booked') {
    const lines = [t('callbacks.event.booked', { group: String(skillGroup ?? ''), at })];
    if (typeof topic === 'string') lines.push(`${t('callbacks.topic')}${t('common.colon')}${topic}`);
    return lines;
  }
  const key = typeof callback === 'string' ? outcomes[callback] : undefined;
  if (!key) return [];
  const lines = [t('callbacks.event.attempt', { n: Number(attempt ?? 0), max: Number(maxAttempts ?? 0), outcome: t(key) })];
  if (callback === 'no_answer' && at) lines.push(t('callbacks.event.retry', { at }));
  if (smsSent === true) lines.push(t('callbacks.event.sms'));
  return lines;
}
