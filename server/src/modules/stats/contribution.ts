import { toIso } from '../../db/dialect.js';
import { offsetMs } from './periods.js';

// What one ticket (or one contact) adds to the rollups: pure, so the live update, the rebuild and the tests share it.
// A figure counts by one day (DOMAIN.md §10, docs/DECISIONS.md): volume and its marks by acceptance, the reply clock's
// figures by the day it started (first dispatch), closes by close day, handling time by answer day, surveys by the
// day the customer answered, contacts by their own day. Every figure also counts under each dimension's value, so a
// `by` is one indexed range per dimension.

export const MEASURES = [
  'volume',
  'intercepted',
  'repeat_complaints',
  'repeat_calls',
  'over_level',
  'vol_network_quality',
  'vol_charges_dispute',
  'vol_customer_service',
  'ol_network_quality',
  'ol_charges_dispute',
  'ol_customer_service',
  'dispatched',
  'overdue',
  'problem',
  'closed',
  'resolved',
  'answered',
  'handling_ms',
  'surveys',
  'satisfied',
  'self_service_queries',
  'progress_queries',
] as const;
export type Measure = (typeof MEASURES)[number];
export const M = Object.fromEntries(MEASURES.map((m, i) => [m, i])) as Record<Measure, number>;

export const DIMS = ['all', 'channel', 'category', 'category1', 'unit', 'branch', 'agent', 'level'] as const;
export type Dim = (typeof DIMS)[number];
export const NONE = 'none';

type Instant = string | Date | null | undefined;

/** The ticket columns the figures read. */
export interface TicketStatsRow {
  channel: string;
  category_code: string;
  created_at: string | Date;
  status: string;
  owner_id: number | null;
  owner_unit_id: number | null;
  handling_unit_id: number | null;
  is_intercepted: number;
  is_solved: number | null;
  is_repeat?: number | null;
  is_over_level: number;
  sla_started_at?: Instant;
  sla_outcome?: string | null;
  reply_state?: string | null;
  answered_at?: Instant;
  closed_at?: Instant;
}

/** What the figures know of a ticket beyond its row (table stats_tickets). */
export interface TicketSnapshot {
  category_code: string;
  customer_level: string;
  branch: string;
  regulator_class: string;
  has_repeat_call: number;
  survey_answered_at: Instant;
  survey_score: number | null;
}

export interface ContactStatsRow {
  channel: string;
  kind: string;
  at: string | Date;
}

/** A satisfied answer: 4 or 5 on the survey's 1–5 scale. */
export const SATISFIED_FROM = 4;

/** (dimension, value, day) → the measures, in MEASURES order. */
export type Entries = Map<string, number[]>;
export const entryKey = (dim: Dim, value: string, day: string) => `${dim}\t${value}\t${day}`;
export const splitKey = (key: string) => key.split('\t') as [Dim, string, string];

// Local days in the organisation's zone. Asking Intl is the slow part, so the zone's offset is remembered per UTC
// hour (asked at both ends of the hour; an hour with a change in it is asked per instant).
export function localDays(timeZone: string) {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const offsets = new Map<string, number>();
  return (at: string | Date): string => {
    const iso = toIso(at);
    const hour = iso.slice(0, 13);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const start = Date.parse(`${hour}:00:00.000Z`);
      const [a, b] = [offsetMs(timeZone, start), offsetMs(timeZone, start + 3_599_999)];
      offset = a === b ? a : Number.NaN;
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(hour, offset);
    }
    if (Number.isNaN(offset)) return f.format(new Date(iso));
    return new Date(Date.parse(iso) + offset).toISOString().slice(0, 10);
  };
}
export type DayOf = ReturnType<typeof localDays>;

const ms = (v: string | Date) => (v instanceof Date ? v.getTime() : Date.parse(v));

/** The reply clock's outcome as DOMAIN.md §3 counts it: by when it was replied, or where it stands while unreplied. */
export function replyOutcome(t: Pick<TicketStatsRow, 'sla_outcome' | 'reply_state'>): 'overdue' | 'problem' | null {
  const o = t.sla_outcome ?? (t.reply_state === 'overdue' || t.reply_state === 'problem' ? t.reply_state : null);
  return o === 'overdue' || o === 'problem' ? o : null;
}

/** The per-day measures of one ticket: [day, measure index, amount][]. */
export function ticketMeasures(t: TicketStatsRow, s: TicketSnapshot, dayOf: DayOf): [string, number, number][] {
  const out: [string, number, number][] = [];
  const accepted = dayOf(t.created_at);
  out.push([accepted, M.volume, 1]);
  if (t.is_intercepted === 1) out.push([accepted, M.intercepted, 1]);
  if (t.is_repeat === 1) out.push([accepted, M.repeat_complaints, 1]);
  if (s.has_repeat_call === 1) out.push([accepted, M.repeat_calls, 1]);
  const cls = s.regulator_class as 'network_quality' | 'charges_dispute' | 'customer_service';
  const volClass = M[`vol_${cls}` as Measure];
  if (volClass !== undefined) out.push([accepted, volClass, 1]);
  if (t.is_over_level === 1) {
    out.push([accepted, M.over_level, 1]);
    const olClass = M[`ol_${cls}` as Measure];
    if (olClass !== undefined) out.push([accepted, olClass, 1]);
  }
  if (t.sla_started_at) {
    const day = dayOf(t.sla_started_at);
    out.push([day, M.dispatched, 1]);
    const o = replyOutcome(t);
    if (o) out.push([day, M[o], 1]);
  }
  if (t.status === 'closed' && t.closed_at) {
    const day = dayOf(t.closed_at);
    out.push([day, M.closed, 1]);
    if (t.is_solved === 1) out.push([day, M.resolved, 1]);
  }
  if (t.answered_at) {
    const day = dayOf(t.answered_at);
    out.push([day, M.answered, 1]);
    out.push([day, M.handling_ms, Math.max(0, ms(t.answered_at) - ms(t.created_at))]);
  }
  if (s.survey_answered_at && s.survey_score !== null) {
    const day = dayOf(s.survey_answered_at);
    out.push([day, M.surveys, 1]);
    if (s.survey_score >= SATISFIED_FROM) out.push([day, M.satisfied, 1]);
  }
  return out;
}

/** The value a ticket counts under in each dimension. */
export function ticketDims(t: TicketStatsRow, s: TicketSnapshot): [Dim, string][] {
  const unit = t.handling_unit_id ?? t.owner_unit_id;
  return [
    ['all', ''],
    ['channel', t.channel],
    ['category', t.category_code],
    ['category1', t.category_code.slice(0, 2)],
    ['unit', unit === null ? NONE : String(unit)],
    ['branch', s.branch || NONE],
    ['agent', t.owner_id === null ? NONE : String(t.owner_id)],
    ['level', s.customer_level || NONE],
  ];
}

// A contact counts under its own channel and its complaint's category, branch and level; a progress query belongs
// to no unit or agent.
export function contactDims(
  c: ContactStatsRow,
  s: Pick<TicketSnapshot, 'category_code' | 'customer_level' | 'branch'> | null,
): [Dim, string][] {
  return [
    ['all', ''],
    ['channel', c.channel],
    ['category', s?.category_code ?? NONE],
    ['category1', s ? s.category_code.slice(0, 2) : NONE],
    ['unit', NONE],
    ['branch', s?.branch || NONE],
    ['agent', NONE],
    ['level', s?.customer_level || NONE],
  ];
}

export function contactMeasures(c: ContactStatsRow, dayOf: DayOf): [string, number, number][] {
  if (!PROGRESS_KINDS.includes(c.kind)) return [];
  const day = dayOf(c.at);
  const out: [string, number, number][] = [[day, M.progress_queries, 1]];
  if (c.kind === 'self_service_query') out.push([day, M.self_service_queries, 1]);
  return out;
}

export function addTo(acc: Entries, dims: [Dim, string][], measures: [string, number, number][], sign: 1 | -1) {
  for (const [dim, value] of dims)
    for (const [day, m, n] of measures) {
      const key = entryKey(dim, value, day);
      let v = acc.get(key);
      if (!v) acc.set(key, (v = new Array<number>(MEASURES.length).fill(0)));
      v[m]! += sign * n;
    }
}

export function mergeInto(acc: Entries, more: Entries) {
  for (const [k, v] of more) {
    const cur = acc.get(k);
    if (!cur) acc.set(k, [...v]);
    else for (let i = 0; i < v.length; i++) cur[i]! += v[i]!;
  }
}

/** Drops entries whose measures all cancelled out. */
export function nonZero(acc: Entries): Entries {
  for (const [k, v] of acc) if (v.every((n) => n === 0)) acc.delete(k);
  return acc;
}

/** A progress query is a contact of one of these kinds; a self-service one was answered without an agent. */
export const PROGRESS_KINDS = ['self_service_query', 'repeat_call'];
