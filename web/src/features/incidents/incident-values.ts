import type { IncidentStatus, IncidentSummary } from '../../../../contracts/incidents.js';
import type { LiveEvent } from '../../lib/live';

export type IncidentAction = 'confirm' | 'dismiss' | 'dispatch' | 'resolve';

export const incidentStatuses: IncidentStatus[] = ['open', 'confirmed', 'resolved', 'dismissed'];

export const statusColor: Record<IncidentStatus, string> = { open: 'red', confirmed: 'orange', resolved: 'green', dismissed: 'default' };

/** what the desk may do with an incident now: the server decides, this only hides buttons that would be refused */
export function incidentActions(i: Pick<IncidentSummary, 'status' | 'dispatchedAt'>): IncidentAction[] {
  if (i.status === 'open') return ['confirm', 'dismiss'];
  if (i.status === 'confirmed') return i.dispatchedAt ? ['resolve'] : ['dispatch', 'resolve', 'dismiss'];
  return [];
}

export const isIncidentEvent = (e: LiveEvent) => e.type === 'incident.opened' || e.type === 'incident.changed';

/** a live count for a listed incident, without reloading the list; a new incident needs a reload */
export function withLiveCount<T extends Pick<IncidentSummary, 'id' | 'count' | 'status'>>(
  items: T[],
  e: LiveEvent,
): { items: T[]; isKnown: boolean } {
  if (!isIncidentEvent(e) || e.incidentId === undefined) return { items, isKnown: true };
  const i = items.findIndex((x) => x.id === e.incidentId);
  if (i < 0) return { items, isKnown: false };
  const current = items[i]!;
  const count = Math.max(current.count, e.count ?? current.count);
  const status = (e.incidentStatus as T['status'] | undefined) ?? current.status;
  if (count === current.count && status === current.status) return { items, isKnown: true };
  const next = [...items];
  next[i] = { ...current, count, status };
  return { items: next, isKnown: true };
}
