import type { TicketEvent } from '../../../../contracts/tickets.js';
import type { I18n, MessageKey } from '../../lib/i18n';
import { fenToYuan } from './money';

const names: Record<string, MessageKey> = {
  'refund.requested': 'refunds.event.refund.requested',
  'refund.granted': 'refunds.event.refund.granted',
  'refund.approved': 'refunds.event.refund.approved',
  'refund.rejected': 'refunds.event.refund.rejected',
  'refund.sent': 'refunds.event.refund.sent',
  'refund.failed': 'refunds.event.refund.failed',
  'refund.verified': 'refunds.event.refund.verified',
};

/** the timeline's name for a refund step, or null when the event is not one */
export const refundEventName = (event: TicketEvent, t: I18n['t']): string | null => {
  const key = names[event.action];
  return key ? t(key) : null;
};

export function refundEventLines(event: TicketEvent, t: I18n['t']): string[] {
  const lines: string[] = [];
  if (typeof event.data.amount === 'number') lines.push(t('refunds.event.amount', { amount: fenToYuan(event.data.amount) }));
  if (event.data.result === 'confirmed' || event.data.result === 'not_confirmed')
    lines.push(t(`refunds.verification.${event.data.result}`));
  if (typeof event.data.reference === 'string') lines.push(event.data.reference);
  return lines;
}
