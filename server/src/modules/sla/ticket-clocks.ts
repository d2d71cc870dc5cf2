import { openTimeBetween, type BusinessCalendar } from './calendar.js';
import {
  answerDeadline,
  deadlineAdvanced,
  deadlineStateAt,
  legalDeadline,
  nextDeadlineInstant,
  nextReplyInstant,
  replyAdvanced,
  replyClock,
  replyOutcome,
  replyStateAt,
  type Deadline,
  type DeadlineState,
  type ReplyClock,
  type ReplyOutcome,
  type ReplyState,
} from './clocks.js';
import type { SlaLimits } from './policy.js';

// A ticket's three clocks as one value, and how each move of the loop changes them. Pure: calendars,
// limits and "now" come in as arguments.
//   reply  — dispatch → the department's reply (48 h / 72 h), in the handling unit's open hours; pauses when suspended
//   answer — acceptance → the customer is answered (the policy's overall limit), in the owner unit's open hours; pauses
//   legal  — acceptance → 15 calendar days, or the regulator's deadline; never pauses
//   accept — an appeal forwarded by the regulator must be taken up (dispatched or answered) within 5 working days

export interface TicketClocks {
  policyId: number | null;
  limits: SlaLimits;
  reply: (ReplyClock & { startedAt: Date }) | null;
  replyState: ReplyState;
  outcome: ReplyOutcome | null;
  pausedMs: number;
  pausedAt: Date | null;
  answer: Deadline | null;
  answerState: DeadlineState;
  answerPausedMs: number;
  legal: Deadline | null;
  legalState: DeadlineState;
  accept: Deadline | null;
  acceptState: DeadlineState;
  acceptedAt: Date;
  repliedAt: Date | null;
  answeredAt: Date | null;
}

export function atAcceptance(args: {
  acceptedAt: Date;
  policyId: number | null;
  limits: SlaLimits;
  answerCalendar: BusinessCalendar;
  legalDueAt: Date;
  acceptDueAt?: Date | null;
}): TicketClocks {
  return {
    policyId: args.policyId,
    limits: args.limits,
    reply: null,
    replyState: 'none',
    outcome: null,
    pausedMs: 0,
    pausedAt: null,
    answer: answerDeadline(args.answerCalendar, args.acceptedAt, args.limits, 0),
    answerState: 'ok',
    answerPausedMs: 0,
    legal: legalDeadline(args.acceptedAt, args.legalDueAt, args.limits.warnPercent),
    legalState: 'ok',
    accept: args.acceptDueAt ? legalDeadline(args.acceptedAt, args.acceptDueAt, args.limits.warnPercent) : null,
    acceptState: 'ok',
    acceptedAt: args.acceptedAt,
    repliedAt: null,
    answeredAt: null,
  };
}

/**
 * Dispatch, re-dispatch after a return, and transfer. The first dispatch starts the reply clock under the policy
 * chosen now; later ones keep its start and limits — the customer has been waiting since the first dispatch,
 * however the order travelled inside — and recompute the instants in the new unit's calendar.
 */
export function onDispatch(
  c: TicketClocks,
  at: Date,
  unitCalendar: BusinessCalendar,
  policy?: { id: number | null; limits: SlaLimits },
): TicketClocks {
  const first = c.reply === null;
  const limits = first && policy ? policy.limits : c.limits;
  const startedAt = first ? at : c.reply!.startedAt;
  const reply = { ...replyClock(unitCalendar, startedAt, limits, c.pausedMs), startedAt };
  return {
    ...c,
    policyId: first && policy ? policy.id : c.policyId,
    limits,
    reply,
    replyState: first ? replyStateAt(reply, at) : c.replyState,
  };
}

export function onReply(c: TicketClocks, at: Date): TicketClocks {
  if (!c.reply) return { ...c, repliedAt: at };
  return { ...c, repliedAt: at, outcome: replyOutcome(c.reply, at) };
}

export function onSuspend(c: TicketClocks, at: Date): TicketClocks {
  return c.pausedAt ? c : { ...c, pausedAt: at };
}

/** The open time spent suspended moves every running deadline later by as much. */
export function onResume(c: TicketClocks, at: Date, unitCalendar: BusinessCalendar, answerCalendar: BusinessCalendar): TicketClocks {
  if (!c.pausedAt) return c;
  const pausedMs = c.pausedMs + (c.reply && !c.repliedAt ? openTimeBetween(unitCalendar, c.pausedAt, at) : 0);
  const answerPausedMs = c.answerPausedMs + openTimeBetween(answerCalendar, c.pausedAt, at);
  const reply =
    c.reply && !c.repliedAt
      ? { ...replyClock(unitCalendar, c.reply.startedAt, c.limits, pausedMs), startedAt: c.reply.startedAt }
      : c.reply;
  const answer = c.answer ? answerDeadline(answerCalendar, c.acceptedAt, c.limits, answerPausedMs) : null;
  return { ...c, pausedAt: null, pausedMs, answerPausedMs, reply, answer };
}

export function onAnswer(c: TicketClocks, at: Date): TicketClocks {
  return { ...c, answeredAt: at };
}

/** A reopened complaint is a new round: the reply and answer clocks start again; the legal one does not. */
export function onReopen(c: TicketClocks, at: Date, answerCalendar: BusinessCalendar): TicketClocks {
  return {
    ...c,
    reply: null,
    replyState: 'none',
    outcome: null,
    pausedMs: 0,
    pausedAt: null,
    answer: answerDeadline(answerCalendar, at, c.limits, 0),
    answerState: 'ok',
    answerPausedMs: 0,
    acceptedAt: at,
    repliedAt: null,
    answeredAt: null,
  };
}

export type ClockTransition =
  | { clock: 'reply'; from: ReplyState; to: Exclude<ReplyState, 'none' | 'ok'> }
  | { clock: 'answer' | 'legal' | 'accept'; from: DeadlineState; to: Exclude<DeadlineState, 'ok'> };

const replyRunning = (c: TicketClocks) => c.reply !== null && c.repliedAt === null && c.answeredAt === null && c.pausedAt === null;
const answerRunning = (c: TicketClocks) => c.answer !== null && c.answeredAt === null && c.pausedAt === null;
const legalRunning = (c: TicketClocks) => c.legal !== null && c.answeredAt === null;
// taken up once it first travels to a department or is answered
const acceptRunning = (c: TicketClocks) => c.accept !== null && c.answeredAt === null && c.reply === null;

/** What has fired by `now` that was not recorded yet, and the clocks with it recorded. */
export function fireDue(c: TicketClocks, now: Date): { clocks: TicketClocks; fired: ClockTransition[] } {
  const fired: ClockTransition[] = [];
  let next = c;
  if (replyRunning(c)) {
    const to = replyStateAt(c.reply!, now);
    if (replyAdvanced(c.replyState, to) && to !== 'ok') {
      fired.push({ clock: 'reply', from: c.replyState, to });
      next = { ...next, replyState: to };
    }
  }
  if (answerRunning(c)) {
    const to = deadlineStateAt(c.answer!, now);
    if (deadlineAdvanced(c.answerState, to) && to !== 'ok') {
      fired.push({ clock: 'answer', from: c.answerState, to });
      next = { ...next, answerState: to };
    }
  }
  if (legalRunning(c)) {
    const to = deadlineStateAt(c.legal!, now);
    if (deadlineAdvanced(c.legalState, to) && to !== 'ok') {
      fired.push({ clock: 'legal', from: c.legalState, to });
      next = { ...next, legalState: to };
    }
  }
  if (acceptRunning(c)) {
    const to = deadlineStateAt(c.accept!, now);
    if (deadlineAdvanced(c.acceptState, to) && to !== 'ok') {
      fired.push({ clock: 'accept', from: c.acceptState, to });
      next = { ...next, acceptState: to };
    }
  }
  return { clocks: next, fired };
}

/** The earliest instant at which some running clock changes state: what the scheduler waits for. */
export function nextInstant(c: TicketClocks): Date | null {
  const candidates = [
    replyRunning(c) ? nextReplyInstant(c.reply!, c.replyState === 'none' ? 'ok' : c.replyState) : null,
    answerRunning(c) ? nextDeadlineInstant(c.answer!, c.answerState) : null,
    legalRunning(c) ? nextDeadlineInstant(c.legal!, c.legalState) : null,
    acceptRunning(c) ? nextDeadlineInstant(c.accept!, c.acceptState) : null,
  ].filter((d): d is Date => d !== null);
  return candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
}

const worstRank = { ok: 0, warning: 1, overdue: 2, problem: 3 } as const;
export type SlaState = keyof typeof worstRank;

/** The worst of the three clocks: what a queue colours and a board counts. */
export function combinedState(c: Pick<TicketClocks, 'replyState' | 'answerState' | 'legalState' | 'acceptState'>): SlaState {
  const states: SlaState[] = [c.replyState === 'none' ? 'ok' : c.replyState, c.answerState, c.legalState, c.acceptState];
  return states.reduce((a, b) => (worstRank[b] > worstRank[a] ? b : a), 'ok');
}
