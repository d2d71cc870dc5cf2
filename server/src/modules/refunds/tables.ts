import type { Generated } from 'kysely';

type Instant = string | Date;

// Refund-first grants, their billing outbox and the demo ledger (migration 0007). Money is integer fen.
export interface RefundTable {
  id: Generated<number>;
  ticket_id: number;
  customer_id: number;
  amount_fen: number;
  reason: string;
  /** pending_approval | granted | rejected */
  status: string;
  /** waiting | queued | sent | failed */
  billing_state: string;
  billing_ref: string | null;
  /** confirmed | not_confirmed */
  verification: string | null;
  verification_note: string | null;
  requested_by: number;
  requested_role: string;
  credit_level: number;
  limit_fen: number;
  approval_reasons: string;
  decided_by: number | null;
  decision_note: string | null;
  created_at: Instant;
  decided_at: Instant | null;
  sent_at: Instant | null;
  verified_at: Instant | null;
  verified_by: number | null;
  version: Generated<number>;
}

export interface BillingOutboxTable {
  id: Generated<number>;
  refund_id: number;
  idempotency_key: string;
  /** queued | sending | sent | failed */
  state: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: Instant | null;
  last_error: string | null;
  created_at: Instant;
  sent_at: Instant | null;
}

export interface BillingLedgerTable {
  id: Generated<number>;
  idempotency_key: string;
  customer_id: number;
  amount_fen: number;
  ticket_number: string;
  at: Instant;
}

export interface RefundTables {
  refunds: RefundTable;
  billing_outbox: BillingOutboxTable;
  billing_ledger: BillingLedgerTable;
}
