import type { Clock } from '../../clock.js';
import type { BillingAdapter } from './billing.js';
import type { RefundRepository } from './repository.js';

export interface BillingSenderOptions {
  repo: RefundRepository;
  clock: Clock;
  adapter: BillingAdapter;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** how long a claimed send is left alone before another sweep takes it as abandoned */
  leaseSeconds?: number;
  batch?: number;
}

// billing's error text may echo the request; a full number never reaches the audit screen
const masked = (error: string) => error.replace(/(1[3-9][0-9])[0-9]{4}([0-9]{4})/g, '$1****$2');

// The outbox sweep: every granted refund reaches billing, however long billing is down, and a resend after a crash
// carries the same idempotency key. Nothing is given up: retries back off up to the ceiling and continue.
export function createBillingSender({
  repo,
  clock,
  adapter,
  retryBaseSeconds,
  retryMaxSeconds,
  leaseSeconds = 120,
  batch = 20,
}: BillingSenderOptions) {
  const backoffMs = (attempts: number) => Math.min(retryBaseSeconds * 2 ** Math.max(0, attempts - 1), retryMaxSeconds) * 1000;
  return {
    adapter: adapter.name,
    /** sends what is due; returns how many billing accepted */
    async sweep(): Promise<number> {
      const now = clock.now();
      const claimed = await repo.claimDue(now.toISOString(), new Date(now.getTime() + leaseSeconds * 1000).toISOString(), batch);
      let sent = 0;
      for (const s of claimed) {
        const result = await adapter.send({
          idempotencyKey: s.idempotencyKey,
          refundId: s.refundId,
          ticketNumber: s.ticketNumber,
          customerPhone: s.customerPhone,
          amountFen: s.amountFen,
          reason: s.reason,
        });
        const at = clock.now().toISOString();
        if (result.kind === 'sent') {
          await repo.transaction(async (trx) => {
            await repo.markSent(trx, s, result.reference, at);
            await repo.insertEvent(trx, {
              ticketId: s.ticketId,
              action: 'refund.sent',
              actorId: null,
              note: null,
              data: { refundId: s.refundId, amount: s.amountFen, reference: result.reference },
              at,
            });
          });
          sent++;
        } else if (result.kind === 'retry') {
          await repo.markRetry(s, masked(result.error), new Date(clock.now().getTime() + backoffMs(s.attempts)).toISOString());
        } else {
          await repo.transaction(async (trx) => {
            await repo.markFailed(trx, s, masked(result.error));
            await repo.insertEvent(trx, {
              ticketId: s.ticketId,
              action: 'refund.failed',
              actorId: null,
              note: masked(result.error),
              data: { refundId: s.refundId, amount: s.amountFen },
              at,
            });
          });
        }
      }
      return sent;
    },
  };
}
export type BillingSender = ReturnType<typeof createBillingSender>;
