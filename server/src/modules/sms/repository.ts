import type { Kysely, Selectable } from 'kysely';
import { claimRows, toIso, toIsoOrNull, type Db } from '../../db/dialect.js';
import type { Database, SmsOutboxTable } from '../../db/schema.js';

// The outbox as the dispatcher works it: claim what is due, record what the gateway said, match receipts.
export type OutboxRow = Pick<Selectable<SmsOutboxTable>, 'id' | 'phone' | 'sender' | 'text' | 'purpose' | 'state' | 'attempts'> & {
  createdAt: string;
};

/** What to do with one due row, decided by the dispatcher from the row and the time. */
export type ClaimDecision =
  | { kind: 'send'; leaseUntil: Date }
  | { kind: 'defer'; until: Date }
  | { kind: 'retry'; until: Date; error: string }
  | { kind: 'fail'; error: string };

export function createSmsRepository({ kysely: db, dialect, transaction }: Db) {
  return {
    /** Claims up to `limit` due rows (another process never gets the same ones) and applies each decision. */
    async claimDue(now: Date, limit: number, decide: (row: OutboxRow) => ClaimDecision): Promise<OutboxRow[]> {
      return transaction(async (trx) => {
        const rows = await claimRows(
          dialect,
          trx
            .selectFrom('sms_outbox')
            .select(['id', 'phone', 'sender', 'text', 'purpose', 'state', 'attempts', 'created_at'])
            .where('next_attempt_at', 'is not', null)
            .where('next_attempt_at', '<=', now.toISOString())
            .where('state', 'in', ['queued', 'sending'])
            .orderBy('next_attempt_at')
            .limit(limit),
        ).execute();
        const toSend: OutboxRow[] = [];
        for (const r of rows) {
          const row: OutboxRow = { ...r, createdAt: toIso(r.created_at) };
          const d = decide(row);
          const q = trx.updateTable('sms_outbox').where('id', '=', r.id);
          if (d.kind === 'send') {
            await q.set({ state: 'sending', attempts: r.attempts + 1, next_attempt_at: d.leaseUntil.toISOString() }).execute();
            toSend.push({ ...row, state: 'sending', attempts: r.attempts + 1 });
          } else if (d.kind === 'defer') {
            await q.set({ next_attempt_at: d.until.toISOString() }).execute();
          } else if (d.kind === 'retry') {
            await q.set({ state: 'queued', next_attempt_at: d.until.toISOString(), last_error: d.error }).execute();
          } else {
            await q.set({ state: 'failed', next_attempt_at: null, last_error: d.error }).execute();
          }
        }
        return toSend;
      });
    },

    /** The gateway took it: its ids, so receipts find the message. Ignored if another claim has since taken the row. */
    async markSent(row: OutboxRow, ids: string[], now: Date): Promise<void> {
      await transaction(async (trx) => {
        const r = await trx
          .updateTable('sms_outbox')
          .set({ state: 'sent', gateway_ids: JSON.stringify(ids), sent_at: now.toISOString(), next_attempt_at: null, last_error: null })
          .where('id', '=', row.id)
          .where('attempts', '=', row.attempts)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return;
        await trx
          .insertInto('sms_parts')
          .values(
            ids.map((gateway_id, i) => ({
              gateway_id,
              outbox_id: row.id,
              part: i + 1,
              status: 'submitted',
              updated_at: now.toISOString(),
            })),
          )
          .onConflict((oc) => oc.column('gateway_id').doNothing())
          .execute();
      });
    },

    async markRetry(row: OutboxRow, until: Date, error: string): Promise<void> {
      await db
        .updateTable('sms_outbox')
        .set({ state: 'queued', next_attempt_at: until.toISOString(), last_error: error })
        .where('id', '=', row.id)
        .where('attempts', '=', row.attempts)
        .execute();
    },

    async markFailed(row: OutboxRow, error: string): Promise<void> {
      await db
        .updateTable('sms_outbox')
        .set({ state: 'failed', next_attempt_at: null, last_error: error })
        .where('id', '=', row.id)
        .where('attempts', '=', row.attempts)
        .execute();
    },

    /** A receipt for one part; the message is delivered when every part is, failed when any part failed. False: unknown id. */
    async recordReceipt(gatewayId: string, status: string, now: Date): Promise<boolean> {
      return transaction(async (trx) => {
        const part = await trx.selectFrom('sms_parts').select('outbox_id').where('gateway_id', '=', gatewayId).executeTakeFirst();
        if (!part) return false;
        await trx.updateTable('sms_parts').set({ status, updated_at: now.toISOString() }).where('gateway_id', '=', gatewayId).execute();
        const parts = await trx.selectFrom('sms_parts').select('status').where('outbox_id', '=', part.outbox_id).execute();
        const failedPart = parts.find((p) => p.status !== 'DELIVRD' && p.status !== 'submitted');
        if (failedPart) {
          await trx
            .updateTable('sms_outbox')
            .set({ state: 'failed', last_error: `receipt: ${failedPart.status}` })
            .where('id', '=', part.outbox_id)
            .where('state', 'in', ['sent', 'delivered'])
            .execute();
        } else if (parts.every((p) => p.status === 'DELIVRD')) {
          await trx
            .updateTable('sms_outbox')
            .set({ state: 'delivered', delivered_at: now.toISOString() })
            .where('id', '=', part.outbox_id)
            .where('state', '=', 'sent')
            .execute();
        }
        return true;
      });
    },

    async recent(limit: number) {
      const rows = await db
        .selectFrom('sms_outbox')
        .select([
          'id',
          'phone',
          'sender',
          'text',
          'purpose',
          'state',
          'attempts',
          'last_error',
          'ticket_id',
          'created_at',
          'sent_at',
          'delivered_at',
          'next_attempt_at',
        ])
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        ...r,
        created_at: toIso(r.created_at),
        sent_at: toIsoOrNull(r.sent_at),
        delivered_at: toIsoOrNull(r.delivered_at),
        next_attempt_at: toIsoOrNull(r.next_attempt_at),
      }));
    },
  };
}
export type SmsRepository = ReturnType<typeof createSmsRepository>;
export type Conn = Kysely<Database>;
