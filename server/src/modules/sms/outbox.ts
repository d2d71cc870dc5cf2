import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database } from '../../db/schema.js';

export type SmsPurpose = 'otp' | 'notification' | 'reply' | 'survey' | 'callback' | 'incident' | 'command';

export interface OutgoingSms {
  phone: string;
  text: string;
  purpose: SmsPurpose;
  ticketId?: number;
  /** appended to the service number, so the customer's reply comes back to it (surveys) */
  senderExtension?: string;
  /** the same key enqueued twice (a retry, a replayed step) stores one message */
  dedupeKey?: string;
  /** not sent before this instant (quiet hours, a callback's retry) */
  notBefore?: Date;
}

// Every message to a customer is a row first: written in the caller's transaction, it survives a crash and is sent
// by the dispatcher later, however long the gateway is down. Sending is the dispatcher's business, not the caller's.
export function createSmsOutbox({ clock, sender }: { clock: Clock; sender: string }) {
  return {
    /** stores the message in `conn` (pass the transaction that makes it due); returns its outbox id */
    async enqueue(conn: Kysely<Database>, sms: OutgoingSms): Promise<number> {
      const now = clock.now();
      const values = {
        phone: sms.phone,
        sender: sender + (sms.senderExtension ?? ''),
        text: sms.text,
        purpose: sms.purpose,
        ticket_id: sms.ticketId ?? null,
        dedupe_key: sms.dedupeKey ?? null,
        not_before: (sms.notBefore ?? now).toISOString(),
        next_attempt_at: (sms.notBefore ?? now).toISOString(),
        created_at: now.toISOString(),
      };
      // ON CONFLICT rather than catching the violation: on PostgreSQL a failed insert would abort the caller's transaction
      const r = await conn
        .insertInto('sms_outbox')
        .values(values)
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (r) return r.id;
      const earlier = await conn.selectFrom('sms_outbox').select('id').where('dedupe_key', '=', sms.dedupeKey!).executeTakeFirstOrThrow();
      return earlier.id;
    },
  };
}
export type SmsOutbox = ReturnType<typeof createSmsOutbox>;
