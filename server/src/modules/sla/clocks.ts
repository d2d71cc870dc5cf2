import { addOpenTime, type BusinessCalendar } from './calendar.js';
import type { SlaLimits } from './policy.js';

// The instants at which a ticket's clocks warn and breach, and what state a clock is in at a moment. Pure.

export type ReplyState = 'none' | 'ok' | 'warning' | 'overdue' | 'problem';
export type DeadlineState = 'ok' | 'warning' | 'overdue';
export type ReplyOutcome = 'timely' | 'overdue' | 'problem';

export interface ReplyClock {
  warnAt: Date;
  dueAt: Date;
  problemAt: Date;
}

export interface Deadline {
  warnAt: Date;
  dueAt: Date;
}

const MINUTE = 60_000;

/** Dispatch → reply, counted in the handling unit's open hours, shifted by the open time spent suspended. */
export function replyClock(cal: BusinessCalendar, startedAt: Date, limits: SlaLimits, pausedMs: number): ReplyClock {
  const reply = limits.replyMinutes * MINUTE;
  return {
    warnAt: addOpenTime(cal, startedAt, Math.floor((reply * limits.warnPercent) / 100) + pausedMs),
    dueAt: addOpenTime(cal, startedAt, reply + pausedMs),
    problemAt: addOpenTime(cal, startedAt, limits.problemMinutes * MINUTE + pausedMs),
  };
}

/** Acceptance → answer to the customer. */
export function answerDeadline(cal: BusinessCalendar, acceptedAt: Date, limits: SlaLimits, pausedMs: number): Deadline {
  const answer = limits.answerMinutes * MINUTE;
  return {
    warnAt: addOpenTime(cal, acceptedAt, Math.floor((answer * limits.warnPercent) / 100) + pausedMs),
    dueAt: addOpenTime(cal, acceptedAt, answer + pausedMs),
  };
}

/** A legal deadline warns when the same share of its span has passed; it never pauses. */
export function legalDeadline(acceptedAt: Date, dueAt: Date, warnPercent: number): Deadline {
  const span = dueAt.getTime() - acceptedAt.getTime();
  return { warnAt: new Date(acceptedAt.getTime() + Math.floor((span * warnPercent) / 100)), dueAt };
}

/** "Past 48 h an order is overdue, past 72 h a problem order" (DOMAIN.md §3): at the limit itself it is still in time. */
export function replyStateAt(clock: ReplyClock, now: Date): Exclude<ReplyState, 'none'> {
  if (now > clock.problemAt) return 'problem';
  if (now > clock.dueAt) return 'overdue';
  if (now >= clock.warnAt) return 'warning';
  return 'ok';
}

export function deadlineStateAt(d: Deadline, now: Date): DeadlineState {
  if (now > d.dueAt) return 'overdue';
  if (now >= d.warnAt) return 'warning';
  return 'ok';
}

export function replyOutcome(clock: ReplyClock, repliedAt: Date): ReplyOutcome {
  if (repliedAt > clock.problemAt) return 'problem';
  if (repliedAt > clock.dueAt) return 'overdue';
  return 'timely';
}

const replyRank: Record<ReplyState, number> = { none: 0, ok: 1, warning: 2, overdue: 3, problem: 4 };
const deadlineRank: Record<DeadlineState, number> = { ok: 0, warning: 1, overdue: 2 };

/** Clocks only move forward: a transition fires when the state at `now` ranks above the recorded one. */
export const replyAdvanced = (from: ReplyState, to: ReplyState) => replyRank[to] > replyRank[from];
export const deadlineAdvanced = (from: DeadlineState, to: DeadlineState) => deadlineRank[to] > deadlineRank[from];

/** The next instant at which this clock changes state, after `state`; null when nothing is left to fire. */
export function nextReplyInstant(clock: ReplyClock, state: ReplyState): Date | null {
  if (replyRank[state] < replyRank.warning) return clock.warnAt;
  // "past" the limit: one millisecond after it
  if (replyRank[state] < replyRank.overdue) return new Date(clock.dueAt.getTime() + 1);
  if (replyRank[state] < replyRank.problem) return new Date(clock.problemAt.getTime() + 1);
  return null;
}

export function nextDeadlineInstant(d: Deadline, state: DeadlineState): Date | null {
  if (state === 'ok') return d.warnAt;
  if (state === 'warning') return new Date(d.dueAt.getTime() + 1);
  return null;
}
