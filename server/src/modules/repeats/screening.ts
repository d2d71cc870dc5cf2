import type { EarlierTicket, RepeatSettings } from '../../../../contracts/incidents.js';
import type { Priority, TicketStatus } from '../../../../contracts/tickets.js';
import { Priorities } from '../../../../contracts/tickets.js';
import { isSet, toIso, toIsoOrNull } from '../../db/dialect.js';
import type { EarlierRow } from './repository.js';

// Pure: is a new complaint a repeat (DOMAIN.md §6), of which earlier tickets, at what priority?
// The same problem is the same second-level category, or the same first level where the administrator says so.

export const sameProblem = (a: string, b: string, s: RepeatSettings) =>
  a === b || (a.slice(0, 2) === b.slice(0, 2) && s.firstLevelCategories.includes(a.slice(0, 2)));

export function raiseBy(p: Priority, step: number): Priority {
  return Priorities[Math.min(Priorities.indexOf(p) + step, Priorities.length - 1)]!;
}

export interface RepeatMatch {
  isRepeat: boolean;
  /** the earlier tickets it repeats: the same problem within the window or still open, then any other open one */
  earlier: EarlierRow[];
  open: EarlierRow[];
  /** the ticket a repeat follows: the newest of the same problem, else the newest open one */
  follows: EarlierRow | null;
}

export function matchRepeat(rows: EarlierRow[], categoryCode: string | null, at: Date, s: RepeatSettings): RepeatMatch {
  const since = at.getTime() - s.windowDays * 86_400_000;
  const open = rows.filter((r) => r.status !== 'closed');
  const same = categoryCode
    ? rows.filter(
        (r) => sameProblem(r.category_code, categoryCode, s) && (r.status !== 'closed' || new Date(toIso(r.created_at)).getTime() >= since),
      )
    : [];
  const earlier = [...same, ...open.filter((r) => !same.includes(r))];
  return { isRepeat: earlier.length > 0, earlier, open, follows: same[0] ?? open[0] ?? null };
}

export function earlierTicket(r: EarlierRow): EarlierTicket {
  return {
    id: r.id,
    number: r.number,
    status: r.status as TicketStatus,
    categoryCode: r.category_code,
    createdAt: toIso(r.created_at),
    closedAt: toIsoOrNull(r.closed_at),
    resolution: r.resolution,
    answer: r.answer,
    owner: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    handlingUnit:
      r.handling_unit_id !== null && r.handling_unit_code !== null
        ? { id: r.handling_unit_id, code: r.handling_unit_code, name: r.handling_unit_name ?? '', nameEn: r.handling_unit_name_en ?? '' }
        : null,
    isRepeat: isSet(r.is_repeat),
    incidentId: r.incident_id ?? null,
  };
}
