import type { SlaState, TicketSla } from '../../../../contracts/tickets.js';
import { toIsoOrNull } from '../../db/dialect.js';

type Instant = string | Date | null;

interface ClockColumns {
  sla_state: string;
  reply_state: string;
  sla_outcome: string | null;
  sla_policy_id: number | null;
  sla_limits: string | null;
  sla_started_at: Instant;
  sla_warn_at: Instant;
  sla_reply_due_at: Instant;
  sla_problem_at: Instant;
  sla_paused_ms: number | string;
  sla_paused_at: Instant;
  answer_state: string;
  answer_warn_at: Instant;
  answer_due_at: Instant;
  legal_state: string;
  legal_due_at: Instant;
  regulator_accept_due_at: Instant;
  accept_state: string;
  replied_at: Instant;
  answered_at: Instant;
}

const DEFAULT_POLICY = { name: 'default', replyMinutes: 2880, problemMinutes: 4320, warnPercent: 75, answerMinutes: 4320 };

/** The deadline a ticket is racing now: the department's reply while it runs, then the answer, then the legal one. */
export function currentDue(
  r: Pick<ClockColumns, 'sla_started_at' | 'replied_at' | 'answered_at' | 'sla_reply_due_at' | 'answer_due_at' | 'legal_due_at'>,
) {
  if (r.answered_at) return null;
  if (r.sla_started_at && !r.replied_at) return toIsoOrNull(r.sla_reply_due_at);
  return toIsoOrNull(r.answer_due_at ?? r.legal_due_at);
}

export function slaView(r: ClockColumns): TicketSla {
  const limits = r.sla_limits ? (JSON.parse(r.sla_limits) as typeof DEFAULT_POLICY) : DEFAULT_POLICY;
  return {
    state: r.sla_state as SlaState,
    policy: {
      id: r.sla_policy_id,
      name: limits.name ?? 'default',
      replyMinutes: limits.replyMinutes,
      problemMinutes: limits.problemMinutes,
      warnPercent: limits.warnPercent,
      answerMinutes: limits.answerMinutes,
    },
    replyState: r.reply_state as TicketSla['replyState'],
    outcome: r.sla_outcome as TicketSla['outcome'],
    warnAt: toIsoOrNull(r.sla_warn_at),
    replyDueAt: toIsoOrNull(r.sla_reply_due_at),
    problemAt: toIsoOrNull(r.sla_problem_at),
    answerState: r.answer_state as SlaState,
    answerWarnAt: toIsoOrNull(r.answer_warn_at),
    answerDueAt: toIsoOrNull(r.answer_due_at),
    legalState: r.legal_state as SlaState,
    legalDueAt: toIsoOrNull(r.legal_due_at),
    regulatorAcceptDueAt: toIsoOrNull(r.regulator_accept_due_at),
    acceptState: r.regulator_accept_due_at ? (r.accept_state as SlaState) : null,
    pausedMs: Number(r.sla_paused_ms),
    paused: r.sla_paused_at !== null,
    dueAt: currentDue(r),
  };
}
