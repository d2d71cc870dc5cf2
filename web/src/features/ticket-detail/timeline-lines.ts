import type { TicketEvent } from '../../../../contracts/tickets.js';
import { formatTime } from '../../lib/format';
import type { I18n, MessageKey } from '../../lib/i18n';
import { isSlaAlertKind, priorities, ticketActions, type Priority, type TicketAction } from '../../lib/vocabulary';
import { assignmentActionName, assignmentLines, type PeopleNames } from './assignment-lines';
import { callbackLines } from '../callbacks/callback-lines';
import { refundEventLines, refundEventName } from '../refunds/refund-lines';
import { surveyEventLines, surveyEventName } from '../surveys/survey-lines';

// Free text the actor wrote, shown under the move; other data (versions, ids) is for the audit, not the reader.
const textKeys: Record<string, MessageKey> = {
  resolution: 'form.resolution',
  result: 'form.result',
  reason: 'form.reason',
  answer: 'form.answer',
};

const isAction = (action: string): action is TicketAction => (ticketActions as string[]).includes(action);
const isPriority = (p: unknown): p is Priority => priorities.includes(p as Priority);

export function actionName(event: TicketEvent, t: I18n['t']): string {
  const { action } = event;
  if (action === 'accept') return t('ticket.event.accept');
  if (action === 'callback') return t('callbacks.event.name');
  const deskStep = refundEventName(event, t) ?? surveyEventName(event, t);
  if (deskStep) return deskStep;
  if (isSlaAlertKind(action)) return t(`alert.${action}`);
  if (action === 'escalate' && event.actor === null) return t('ticket.event.autoEscalate');
  const assignment = assignmentActionName(event, t);
  if (assignment) return assignment;
  return isAction(action) ? t(`ticket.action.${action}`) : action;
}

export interface UnitNames {
  /** the name recorded on the event (Chinese) is kept when the unit is no longer listed */
  byCode(code: string, recorded: string): string;
  byId(id: number): string | null;
}

/** What the event says beyond its name: the unit it went to, what people wrote, what the system changed. */
export function eventLines(event: TicketEvent, units: UnitNames, t: I18n['t'], people: PeopleNames = new Map()): string[] {
  // their reason is a code, said in words by assignmentLines
  if (event.action === 'assign' || event.action === 'unassign') return assignmentLines(event, people, t);
  if (event.action === 'callback') return callbackLines(event, t);
  if (event.action.startsWith('refund.')) return refundEventLines(event, t);
  if (event.action === 'survey' || event.action === 'revisit') return surveyEventLines(event, t);
  const { unitCode, unitName: recorded, unitId, dueAt, rule, priority } = event.data;
  const lines: string[] = [];
  if (typeof unitCode === 'string') lines.push(`→ ${units.byCode(unitCode, typeof recorded === 'string' ? recorded : unitCode)}`);
  else if (typeof unitId === 'number') lines.push(`→ ${units.byId(unitId) ?? String(unitId)}`);
  lines.push(...assignmentLines(event, people, t));
  for (const [k, label] of Object.entries(textKeys))
    if (typeof event.data[k] === 'string') lines.push(`${t(label)}${t('common.colon')}${String(event.data[k])}`);
  if (isSlaAlertKind(event.action) && typeof dueAt === 'string') lines.push(t('ticket.event.deadline', { at: formatTime(dueAt) }));
  if (typeof rule === 'string') lines.push(t('ticket.event.rule', { rule }));
  if (isPriority(priority)) lines.push(t('ticket.event.priorityRaised', { priority: t(`priority.${priority}`) }));
  return lines;
}
