import type { Clock } from '../../clock.js';
import { splitMessage } from './encoding.js';
import { SubmitError, type SmsGateway } from './gateway.js';
import { isDeferrable, quietUntil, type QuietHours } from './quiet-hours.js';
import type { ClaimDecision, OutboxRow, SmsRepository } from './repository.js';

// Sends what the outbox holds. Each row is claimed (FOR UPDATE SKIP LOCKED on PostgreSQL, so two processes never
// take the same one) and marked 'sending' with its attempt and a lease before the gateway sees it. What happens
// when the outcome of a submit is unknown (a crash between submit and the update, or no answer from the centre)
// depends on the purpose: a one-time code is sent again (a second code is harmless, a missing one locks the
// customer out); anything else is marked failed rather than risk a duplicate (docs/DECISIONS.md).
export interface DispatcherOptions {
  repo: SmsRepository;
  clock: Clock;
  gateway: () => SmsGateway | null;
  timeZone: string;
  quietHours: QuietHours | null;
  log: { warn(o: object, m: string): void; info(o: object, m: string): void };
  /** longer than the slowest submit (CMPP: 60 s × 3 resends), so a slow link is never taken for a crash */
  leaseMs?: number;
  batch?: number;
  /** told the gateway's ids once they are stored (a receipt may have raced ahead of them) */
  afterSent?: (ids: string[]) => Promise<void>;
}

const MINUTE = 60_000;
// a code nobody can use any more is not worth sending
const OTP_USEFUL_MS = 10 * MINUTE;
const OTP_LEASE_MS = 90_000;
const GIVE_UP_MS = 48 * 60 * MINUTE;
export const backoffMs = (attempts: number) => Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 30 * MINUTE);

export function createDispatcher({
  repo,
  clock,
  gateway,
  timeZone,
  quietHours,
  log,
  leaseMs = 10 * MINUTE,
  batch = 50,
  afterSent,
}: DispatcherOptions) {
  type Counts = { sent: number; failed: number; retried: number };
  let running: Promise<Counts> | null = null;
  let followUp: Promise<Counts> | null = null;

  const tooOld = (row: OutboxRow, now: Date) =>
    now.getTime() - Date.parse(row.createdAt) > (row.purpose === 'otp' ? OTP_USEFUL_MS : GIVE_UP_MS);

  function decide(row: OutboxRow, now: Date): ClaimDecision {
    if (tooOld(row, now))
      return { kind: 'fail', error: row.purpose === 'otp' ? 'code expired before it could be sent' : 'gave up after 48 h' };
    if (row.state === 'sending' && row.purpose !== 'otp') {
      // the lease ran out with no recorded outcome: the process died after (or during) the submit
      return { kind: 'fail', error: 'outcome unknown: interrupted during submit; not resent to avoid a duplicate' };
    }
    if (isDeferrable(row.purpose)) {
      const until = quietUntil(now, timeZone, quietHours);
      if (until) return { kind: 'defer', until };
    }
    // a code's lease is short: waiting out a long one would leave the customer without a usable code
    return { kind: 'send', leaseUntil: new Date(now.getTime() + (row.purpose === 'otp' ? Math.min(leaseMs, OTP_LEASE_MS) : leaseMs)) };
  }

  async function submitOne(link: SmsGateway, row: OutboxRow) {
    try {
      const ids = await link.submit({ to: row.phone, from: row.sender, parts: splitMessage(row.text, row.id) });
      await repo.markSent(row, ids, clock.now());
      await afterSent?.(ids);
      return 'sent' as const;
    } catch (err) {
      const e = err instanceof SubmitError ? err : new SubmitError(err instanceof Error ? err.message : String(err), 'unknown');
      const now = clock.now();
      if (e.outcome === 'rejected' || (e.outcome === 'unknown' && row.purpose !== 'otp')) {
        await repo.markFailed(row, e.outcome === 'unknown' ? `outcome unknown: ${e.message}; not resent to avoid a duplicate` : e.message);
        log.warn({ outboxId: row.id, outcome: e.outcome, error: e.message }, 'SMS not sent');
        return 'failed' as const;
      }
      await repo.markRetry(row, new Date(now.getTime() + backoffMs(row.attempts)), e.message);
      return 'retried' as const;
    }
  }

  async function pass() {
    const counts = { sent: 0, failed: 0, retried: 0 };
    const link = gateway();
    // while the link is down nothing is claimed: the rows wait, no attempt is spent
    if (!link || link.state() !== 'up') return counts;
    for (;;) {
      const rows = await repo.claimDue(clock.now(), batch, (row) => decide(row, clock.now()));
      if (rows.length === 0) break;
      // submitted together: the client keeps its own window of unacknowledged submits
      const results = await Promise.all(rows.map((row) => submitOne(link, row)));
      for (const r of results) counts[r] += 1;
      if (rows.length < batch || link.state() !== 'up') break;
    }
    return counts;
  }

  const dispatch = (): Promise<Counts> => {
    if (!running) {
      running = pass().finally(() => {
        running = null;
      });
      return running;
    }
    // a pass already under way may have claimed before the latest rows were written: one more follows it
    followUp ??= running.then(() => {
      followUp = null;
      return dispatch();
    });
    return followUp;
  };

  return {
    /** one pass over what is due; a call during a pass gets the pass that follows it */
    dispatch,
  };
}
export type SmsDispatcher = ReturnType<typeof createDispatcher>;
