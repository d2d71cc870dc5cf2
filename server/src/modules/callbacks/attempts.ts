// What an attempt's outcome does to a callback, pure. No answer is retried per the skill group's policy (e.g. 3
// attempts 30 minutes apart); after the last one the customer gets an SMS instead.

export const CallbackOutcomes = ['reached_solved', 'reached_ticket', 'no_answer'] as const;
export type CallbackOutcome = (typeof CallbackOutcomes)[number];
export type CallbackState = 'open' | 'taken' | 'solved' | 'ticketed' | 'unreached';

export interface RetryPolicy {
  /** calls in all, the first included */
  attempts: number;
  /** open-time minutes between two calls */
  minutes: number;
}

export type AttemptEffect =
  | { state: 'solved' | 'ticketed'; closed: true; sendSms: false }
  | { state: 'open'; closed: false; retryInMinutes: number; sendSms: false }
  | { state: 'unreached'; closed: true; sendSms: true };

/** `attempt` is the number of this call, 1 for the first. */
export function afterAttempt(policy: RetryPolicy, attempt: number, outcome: CallbackOutcome): AttemptEffect {
  if (outcome === 'reached_solved') return { state: 'solved', closed: true, sendSms: false };
  if (outcome === 'reached_ticket') return { state: 'ticketed', closed: true, sendSms: false };
  if (attempt < policy.attempts) return { state: 'open', closed: false, retryInMinutes: policy.minutes, sendSms: false };
  return { state: 'unreached', closed: true, sendSms: true };
}

export const isClosedState = (s: string) => s === 'solved' || s === 'ticketed' || s === 'unreached';
