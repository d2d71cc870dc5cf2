import type { Selectable, Updateable } from 'kysely';
import { toIso } from '../../db/dialect.js';
import type { TicketTable } from '../../db/schema.js';
import type { DeadlineState, ReplyOutcome, ReplyState } from './clocks.js';
import { DEFAULT_LIMITS, type SlaLimits } from './policy.js';
import { combinedState, nextInstant, type TicketClocks } from './ticket-clocks.js';

// A ticket's clocks as stored in its row, and back. The row keeps every instant, so the scheduler and the
// queues compare timestamps and never recompute calendars.

type Row = Pick<
  Selectable<TicketTable>,
  | 'created_at'
  | 'replied_at'
  | 'answered_at'
  | 'sla_policy_id'
  | 'sla_limits'
  | 'sla_started_at'
  | 'sla_warn_at'
  | 'sla_reply_due_at'
  | 'sla_problem_at'
  | 'reply_state'
  | 'sla_outcome'
  | 'sla_paused_ms'
  | 'sla_paused_at'
  | 'answer_started_at'
  | 'answer_warn_at'
  | 'answer_due_at'
  | 'answer_state'
  | 'answer_paused_ms'
  | 'legal_warn_at'
  | 'legal_due_at'
  | 'legal_state'
  | 'regulator_accept_due_at'
  | 'accept_warn_at'
  | 'accept_state'
>;

const date = (v: string | Date | null): Date | null => (v === null ? null : new Date(toIso(v)));

export function clocksFromRow(r: Row): TicketClocks {
  const startedAt = date(r.sla_started_at);
  return {
    policyId: r.sla_policy_id,
    limits: r.sla_limits ? (JSON.parse(r.sla_limits) as SlaLimits) : DEFAULT_LIMITS,
    reply: startedAt
      ? { startedAt, warnAt: date(r.sla_warn_at)!, dueAt: date(r.sla_reply_due_at)!, problemAt: date(r.sla_problem_at)! }
      : null,
    replyState: r.reply_state as ReplyState,
    outcome: r.sla_outcome as ReplyOutcome | null,
    pausedMs: Number(r.sla_paused_ms),
    pausedAt: date(r.sla_paused_at),
    answer: r.answer_due_at ? { warnAt: date(r.answer_warn_at)!, dueAt: date(r.answer_due_at)! } : null,
    answerState: r.answer_state as DeadlineState,
    answerPausedMs: Number(r.answer_paused_ms),
    legal: r.legal_due_at ? { warnAt: date(r.legal_warn_at)!, dueAt: date(r.legal_due_at)! } : null,
    legalState: r.legal_state as DeadlineState,
    accept: r.regulator_accept_due_at ? { warnAt: date(r.accept_warn_at)!, dueAt: date(r.regulator_accept_due_at)! } : null,
    acceptState: r.accept_state as DeadlineState,
    acceptedAt: date(r.answer_started_at) ?? date(r.created_at)!,
    repliedAt: date(r.replied_at),
    answeredAt: date(r.answered_at),
  };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function columnsFromClocks(c: TicketClocks): Updateable<TicketTable> {
  return {
    sla_policy_id: c.policyId,
    sla_limits: JSON.stringify(c.limits),
    sla_started_at: iso(c.reply?.startedAt),
    sla_warn_at: iso(c.reply?.warnAt),
    sla_reply_due_at: iso(c.reply?.dueAt),
    sla_problem_at: iso(c.reply?.problemAt),
    reply_state: c.replyState,
    sla_outcome: c.outcome,
    sla_paused_ms: c.pausedMs,
    sla_paused_at: iso(c.pausedAt),
    answer_started_at: iso(c.acceptedAt),
    answer_warn_at: iso(c.answer?.warnAt),
    answer_due_at: iso(c.answer?.dueAt),
    answer_state: c.answerState,
    answer_paused_ms: c.answerPausedMs,
    legal_warn_at: iso(c.legal?.warnAt),
    legal_due_at: iso(c.legal?.dueAt),
    legal_state: c.legalState,
    regulator_accept_due_at: iso(c.accept?.dueAt),
    accept_warn_at: iso(c.accept?.warnAt),
    accept_state: c.acceptState,
    sla_state: combinedState(c),
    sla_next_at: iso(nextInstant(c)),
  };
}
