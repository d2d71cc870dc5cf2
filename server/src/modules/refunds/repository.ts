import type { Kysely, Transaction } from 'kysely';
import type { Refund, RefundPolicy } from '../../../../contracts/refunds.js';
import { claimRows, count, toIso, toIsoOrNull, type Db } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { parseRefundPolicy, REFUND_POLICY_KEY } from './policy.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface RefundFilter {
  status?: string;
  billingState?: string;
  verification?: string;
  ticketNumber?: string;
  ticketId?: number;
  requestedBy?: number;
  from?: string;
  to?: string;
  id?: number;
}

export interface NewRefund {
  ticketId: number;
  customerId: number;
  amountFen: number;
  reason: string;
  granted: boolean;
  approvalReasons: string[];
  requestedBy: number;
  requestedRole: string;
  creditLevel: number;
  limitFen: number;
  at: string;
}

export interface ClaimedSend {
  outboxId: number;
  refundId: number;
  idempotencyKey: string;
  attempts: number;
  ticketId: number;
  ticketNumber: string;
  customerPhone: string;
  amountFen: number;
  reason: string;
}

export type RefundRow = Omit<Refund, 'customer'> & { customer: { id: number; phone: string } };

export function createRefundRepository(db: Db) {
  const k = db.kysely;

  function select(c: Conn) {
    return c
      .selectFrom('refunds as r')
      .innerJoin('tickets as t', 't.id', 'r.ticket_id')
      .innerJoin('customers as c', 'c.id', 'r.customer_id')
      .leftJoin('users as rq', 'rq.id', 'r.requested_by')
      .leftJoin('users as dc', 'dc.id', 'r.decided_by')
      .leftJoin('billing_outbox as o', 'o.refund_id', 'r.id')
      .selectAll('r')
      .select([
        't.number',
        't.category_code',
        'c.phone',
        'rq.display_name as requester_name',
        'dc.display_name as decider_name',
        'o.last_error',
      ]);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const view = (r: Row): RefundRow => ({
    id: r.id,
    ticket: { id: r.ticket_id, number: r.number, categoryCode: r.category_code },
    customer: { id: r.customer_id, phone: r.phone },
    amount: r.amount_fen,
    reason: r.reason,
    status: r.status as Refund['status'],
    approvalReasons: r.approval_reasons ? (r.approval_reasons.split(' ') as Refund['approvalReasons']) : [],
    billingState: r.billing_state as Refund['billingState'],
    billingRef: r.billing_ref,
    billingError: r.billing_state === 'sent' ? null : r.last_error,
    verification: r.verification as Refund['verification'],
    verificationNote: r.verification_note,
    requestedBy: { id: r.requested_by, name: r.requester_name ?? '' },
    requestedRole: r.requested_role,
    creditLevel: r.credit_level,
    limit: r.limit_fen,
    decidedBy: r.decided_by !== null ? { id: r.decided_by, name: r.decider_name ?? '' } : null,
    decisionNote: r.decision_note,
    createdAt: toIso(r.created_at),
    decidedAt: toIsoOrNull(r.decided_at),
    sentAt: toIsoOrNull(r.sent_at),
    verifiedAt: toIsoOrNull(r.verified_at),
    version: r.version,
  });

  function filtered(c: Conn, f: RefundFilter) {
    let q = select(c);
    if (f.id !== undefined) q = q.where('r.id', '=', f.id);
    if (f.status) q = q.where('r.status', '=', f.status);
    if (f.billingState) q = q.where('r.billing_state', '=', f.billingState);
    if (f.verification === 'none') q = q.where('r.verification', 'is', null);
    else if (f.verification) q = q.where('r.verification', '=', f.verification);
    if (f.ticketNumber) q = q.where('t.number', '=', f.ticketNumber);
    if (f.ticketId !== undefined) q = q.where('r.ticket_id', '=', f.ticketId);
    if (f.requestedBy !== undefined) q = q.where('r.requested_by', '=', f.requestedBy);
    if (f.from) q = q.where('r.created_at', '>=', f.from);
    if (f.to) q = q.where('r.created_at', '<', f.to);
    return q;
  }

  async function queueSend(trx: Transaction<Database>, refundId: number, at: string) {
    await trx
      .insertInto('billing_outbox')
      .values({ refund_id: refundId, idempotency_key: `closeloop-refund-${refundId}`, next_attempt_at: at, created_at: at })
      .execute();
  }

  return {
    connection: k,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    async policy(): Promise<RefundPolicy> {
      const r = await k.selectFrom('system_settings').select('value').where('key', '=', REFUND_POLICY_KEY).executeTakeFirst();
      return parseRefundPolicy(r?.value);
    },
    async savePolicy(p: RefundPolicy, at: string) {
      const value = JSON.stringify(p);
      await k
        .insertInto('system_settings')
        .values({ key: REFUND_POLICY_KEY, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
        .execute();
    },
    /** what this ticket has been refunded or asked for so far, rejected requests aside */
    async ticketTotal(ticketId: number): Promise<number> {
      const r = await k
        .selectFrom('refunds')
        .select((eb) => eb.fn.sum('amount_fen').as('s'))
        .where('ticket_id', '=', ticketId)
        .where('status', '!=', 'rejected')
        .executeTakeFirst();
      return count(r?.s as number | null);
    },
    creditLevel: async (customerId: number) =>
      (await k.selectFrom('customers').select('credit_level').where('id', '=', customerId).executeTakeFirst())?.credit_level,

    async find(f: RefundFilter, limit = 500): Promise<RefundRow[]> {
      const rows = await filtered(k, f).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
      return rows.map(view);
    },
    async totals(f: RefundFilter): Promise<{ total: number; sum: number }> {
      let q = k.selectFrom('refunds as r').innerJoin('tickets as t', 't.id', 'r.ticket_id');
      if (f.status) q = q.where('r.status', '=', f.status);
      if (f.billingState) q = q.where('r.billing_state', '=', f.billingState);
      if (f.verification === 'none') q = q.where('r.verification', 'is', null);
      else if (f.verification) q = q.where('r.verification', '=', f.verification);
      if (f.ticketNumber) q = q.where('t.number', '=', f.ticketNumber);
      if (f.requestedBy !== undefined) q = q.where('r.requested_by', '=', f.requestedBy);
      if (f.from) q = q.where('r.created_at', '>=', f.from);
      if (f.to) q = q.where('r.created_at', '<', f.to);
      const r = await q.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('r.amount_fen').as('s')]).executeTakeFirstOrThrow();
      return { total: count(r.n as number), sum: count(r.s as number | null) };
    },
    async one(id: number): Promise<RefundRow | undefined> {
      const r = await filtered(k, { id }).executeTakeFirst();
      return r && view(r);
    },
    raw: (id: number) => k.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirst(),

    async insert(trx: Transaction<Database>, r: NewRefund): Promise<number> {
      const row = await trx
        .insertInto('refunds')
        .values({
          ticket_id: r.ticketId,
          customer_id: r.customerId,
          amount_fen: r.amountFen,
          reason: r.reason,
          status: r.granted ? 'granted' : 'pending_approval',
          billing_state: r.granted ? 'queued' : 'waiting',
          approval_reasons: r.approvalReasons.join(' '),
          requested_by: r.requestedBy,
          requested_role: r.requestedRole,
          credit_level: r.creditLevel,
          limit_fen: r.limitFen,
          decided_at: r.granted ? r.at : null,
          created_at: r.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (r.granted) await queueSend(trx, row.id, r.at);
      return row.id;
    },

    /** pending → granted (queued to billing) or rejected; false when someone decided first */
    async decide(trx: Transaction<Database>, id: number, d: { approve: boolean; by: number; note: string | null; at: string }) {
      const r = await trx
        .updateTable('refunds')
        .set((eb) => ({
          status: d.approve ? 'granted' : 'rejected',
          billing_state: d.approve ? 'queued' : 'waiting',
          decided_by: d.by,
          decision_note: d.note,
          decided_at: d.at,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('status', '=', 'pending_approval')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      if (d.approve) await queueSend(trx, id, d.at);
      return true;
    },

    async verify(trx: Transaction<Database>, id: number, v: { result: string; note: string | null; by: number; at: string }) {
      const r = await trx
        .updateTable('refunds')
        .set((eb) => ({
          verification: v.result,
          verification_note: v.note,
          verified_by: v.by,
          verified_at: v.at,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('status', '=', 'granted')
        .where('verification', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** a failed send queued again by the desk after billing's refusal was sorted out */
    async requeue(trx: Transaction<Database>, id: number, at: string) {
      const r = await trx
        .updateTable('billing_outbox')
        .set({ state: 'queued', next_attempt_at: at })
        .where('refund_id', '=', id)
        .where('state', '=', 'failed')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await trx.updateTable('refunds').set({ billing_state: 'queued' }).where('id', '=', id).execute();
      return true;
    },

    async insertEvent(
      trx: Transaction<Database>,
      e: { ticketId: number; action: string; actorId: number | null; note: string | null; data: object; at: string },
    ) {
      const t = await trx.selectFrom('tickets').select('status').where('id', '=', e.ticketId).executeTakeFirstOrThrow();
      await trx
        .insertInto('ticket_events')
        .values({
          ticket_id: e.ticketId,
          action: e.action,
          from_status: t.status,
          to_status: t.status,
          actor_id: e.actorId,
          unit_id: null,
          note: e.note,
          data: JSON.stringify(e.data),
          at: e.at,
        })
        .execute();
    },

    /**
     * Claims due sends: marks them 'sending' with a lease. A process that dies mid-send leaves the row to be claimed
     * again when the lease runs out; the idempotency key makes billing apply it once.
     */
    async claimDue(now: string, leaseUntil: string, limit: number): Promise<ClaimedSend[]> {
      const ids = await db.transaction(async (trx) => {
        const due = await claimRows(
          db.dialect,
          trx
            .selectFrom('billing_outbox')
            .select('id')
            .where('next_attempt_at', '<=', now)
            .where('state', 'in', ['queued', 'sending'])
            .orderBy('next_attempt_at')
            .limit(limit),
        ).execute();
        if (due.length === 0) return [];
        const list = due.map((d) => d.id);
        await trx
          .updateTable('billing_outbox')
          .set((eb) => ({ state: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
          .where('id', 'in', list)
          .execute();
        return list;
      });
      if (ids.length === 0) return [];
      const rows = await k
        .selectFrom('billing_outbox as o')
        .innerJoin('refunds as r', 'r.id', 'o.refund_id')
        .innerJoin('tickets as t', 't.id', 'r.ticket_id')
        .innerJoin('customers as c', 'c.id', 'r.customer_id')
        .select([
          'o.id',
          'o.refund_id',
          'o.idempotency_key',
          'o.attempts',
          'r.ticket_id',
          't.number',
          'c.phone',
          'r.amount_fen',
          'r.reason',
        ])
        .where('o.id', 'in', ids)
        .orderBy('o.id')
        .execute();
      return rows.map((r) => ({
        outboxId: r.id,
        refundId: r.refund_id,
        idempotencyKey: r.idempotency_key,
        attempts: r.attempts,
        ticketId: r.ticket_id,
        ticketNumber: r.number,
        customerPhone: r.phone,
        amountFen: r.amount_fen,
        reason: r.reason,
      }));
    },
    async markSent(trx: Transaction<Database>, s: ClaimedSend, reference: string, at: string) {
      await trx
        .updateTable('billing_outbox')
        .set({ state: 'sent', next_attempt_at: null, sent_at: at, last_error: null })
        .where('id', '=', s.outboxId)
        .execute();
      await trx
        .updateTable('refunds')
        .set({ billing_state: 'sent', billing_ref: reference, sent_at: at })
        .where('id', '=', s.refundId)
        .execute();
    },
    async markRetry(s: ClaimedSend, error: string, nextAt: string) {
      await k
        .updateTable('billing_outbox')
        .set({ state: 'queued', next_attempt_at: nextAt, last_error: error })
        .where('id', '=', s.outboxId)
        .execute();
    },
    async markFailed(trx: Transaction<Database>, s: ClaimedSend, error: string) {
      await trx
        .updateTable('billing_outbox')
        .set({ state: 'failed', next_attempt_at: null, last_error: error })
        .where('id', '=', s.outboxId)
        .execute();
      await trx.updateTable('refunds').set({ billing_state: 'failed' }).where('id', '=', s.refundId).execute();
    },

    /** the built-in ledger: crediting the same key twice credits once */
    async credit(e: { key: string; customerPhone: string; amountFen: number; ticketNumber: string; at: string }): Promise<number> {
      const customer = await k.selectFrom('customers').select('id').where('phone', '=', e.customerPhone).executeTakeFirstOrThrow();
      const r = await k
        .insertInto('billing_ledger')
        .values({ idempotency_key: e.key, customer_id: customer.id, amount_fen: e.amountFen, ticket_number: e.ticketNumber, at: e.at })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (r) return r.id;
      return (await k.selectFrom('billing_ledger').select('id').where('idempotency_key', '=', e.key).executeTakeFirstOrThrow()).id;
    },
  };
}
export type RefundRepository = ReturnType<typeof createRefundRepository>;
