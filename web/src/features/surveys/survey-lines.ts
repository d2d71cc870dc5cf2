import type { TicketEvent } from '../../../../contracts/tickets.js';
import type { I18n } from '../../lib/i18n';

const vias = ['sms', 'web', 'ivr', 'agent'] as const;
const outcomes = ['resolved', 'still_unsatisfied', 'unreachable'] as const;

/** the timeline's name for a survey answer or a revisit, or null when the event is not one */
export const surveyEventName = (event: TicketEvent, t: I18n['t']): string | null =>
  event.action === 'survey' ? t('surveys.event.survey') : event.action === 'revisit' ? t('surveys.event.revisit') : null;

export function surveyEventLines(event: TicketEvent, t: I18n['t']): string[] {
  const { score, via, outcome } = event.data;
  const lines: string[] = [];
  const v = vias.find((x) => x === via);
  if (typeof score === 'number' && v) lines.push(t('surveys.event.score', { score, via: t(`surveys.via.${v}`) }));
  const o = outcomes.find((x) => x === outcome);
  if (o) lines.push(t(`surveys.outcome.${o}`));
  return lines;
}
