import type { TicketEvent } from '../../../../contracts/tickets.js';
import type { I18n } from '../../lib/i18n';
import { assignmentModes, isUnassignReason, type AssignmentMode } from '../../lib/vocabulary';

// Who worked an order, as the timeline tells it: the system pushing it to someone, taking it back, a supervisor moving it.

export type PeopleNames = ReadonlyMap<number, string>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isMode = (m: unknown): m is AssignmentMode => assignmentModes.includes(m as AssignmentMode);

/** Everyone the timeline names, by id: events record a person's id, and their name only the first time. */
export function peopleNamed(events: readonly TicketEvent[]): PeopleNames {
  const names = new Map<number, string>();
  for (const e of events) {
    if (e.actor) names.set(e.actor.id, e.actor.name);
    const { userId, userName, assignedTo } = e.data;
    if (typeof userId === 'number' && typeof userName === 'string') names.set(userId, userName);
    if (isRecord(assignedTo) && typeof assignedTo.id === 'number' && typeof assignedTo.name === 'string')
      names.set(assignedTo.id, assignedTo.name);
  }
  return names;
}

/** Why the system took an order back from someone, in the user's language; an unknown reason as recorded. */
export function unassignReasonText(reason: unknown, t: I18n['t']): string {
  if (isUnassignReason(reason)) return t(`unassignReason.${reason}`);
  return typeof reason === 'string' ? reason : '';
}

export function assignmentActionName(event: TicketEvent, t: I18n['t']): string | null {
  if (event.action === 'assign') return event.actor ? t('ticket.event.assign') : t('ticket.event.autoAssign');
  if (event.action === 'unassign') return t('ticket.event.unassign');
  return null;
}

/** The lines under an assign or unassign event, or the person a dispatch or transfer was pushed to. */
export function assignmentLines(event: TicketEvent, people: PeopleNames, t: I18n['t']): string[] {
  const { userId, userName, mode, from, reason, assignedTo } = event.data;
  // a supervisor's move says from whom; the system's says how it chose
  const nameOf = (id: unknown) =>
    typeof id === 'number' ? (people.get(id) ?? t('ticket.event.userId', { id })) : t('ticket.event.nobody');
  const name = typeof userName === 'string' ? userName : nameOf(userId);
  if (event.action === 'assign' && event.actor && typeof from === 'number')
    return [t('ticket.event.reassigned', { from: nameOf(from), name })];
  if (event.action === 'assign') {
    const lines = [t('ticket.event.assignedTo', { name })];
    if (isMode(mode)) lines.push(t('ticket.event.assignMode', { mode: t(`assignmentMode.${mode}`) }));
    return lines;
  }
  if (event.action === 'unassign') return [t('ticket.event.takenBack', { name, reason: unassignReasonText(reason, t) })];
  if (isRecord(assignedTo) && typeof assignedTo.name === 'string') return [t('ticket.event.assignedTo', { name: assignedTo.name })];
  return [];
}
