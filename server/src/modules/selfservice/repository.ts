import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/dialect.js';
import { insertNotifications } from '../notifications/index.js';
import type { Database } from '../../db/schema.js';

type Conn = Db['kysely'] | Transaction<Database>;

export interface ContactRow {
  customer_id: number | null;
  phone: string;
  channel: string;
  kind: string;
  ticket_id: number | null;
  at: string;
}

// The customer-facing timeline: only these moves are ever read for a customer.
const CUSTOMER_ACTIONS = [
  'accept',
  'dispatch',
  'transfer',
  'take',
  'answer',
  'close',
  'resolve',
  'reopen',
  'suspend',
  'resume',
  'customer_info',
  'customer_rating',
];

// Self-service reads and writes. The progress lookup is the hottest read of IVR and SMS: one index range on the
// customer's open tickets (tickets_customer_open) and two small joins, compiled once.
export function createSelfServiceRepository(db: Db) {
  const k = db.kysely;

  // one row per open ticket, or one row with no ticket for a known customer with none open: one query either way
  const openQuery = k
    .selectFrom('customers as cu')
    // a literal, so PostgreSQL matches the partial index's predicate whatever the plan
    .leftJoin('tickets as t', (j) => j.onRef('t.customer_id', '=', 'cu.id').on('t.status', '<>', sql.lit('closed')))
    .leftJoin('org_units as hu', 'hu.id', 't.handling_unit_id')
    .leftJoin('org_units as ow', 'ow.id', 't.owner_unit_id')
    .select([
      'cu.id as customer_id',
      't.id',
      't.number',
      't.status',
      't.created_at',
      't.answer_due_at',
      'hu.name as unit_name',
      'hu.name_en as unit_name_en',
      'ow.name as owner_unit_name',
      'ow.name_en as owner_unit_name_en',
    ])
    .where('cu.phone', '=', '')
    .orderBy('t.id', 'desc')
    .limit(20)
    .compile();
  const phoneAt = openQuery.parameters.indexOf('');
  type OpenRow = {
    customer_id: number;
    id: number;
    number: string;
    status: string;
    created_at: string | Date;
    answer_due_at: string | Date | null;
    unit_name: string | null;
    unit_name_en: string | null;
    owner_unit_name: string | null;
    owner_unit_name_en: string | null;
  };

  return {
    connection: k,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    /** the customer (null when the number is not a customer) and their open tickets, newest first */
    async openTickets(phone: string): Promise<{ customerId: number | null; rows: OpenRow[] }> {
      const r = await k.executeQuery<OpenRow | (Pick<OpenRow, 'customer_id'> & { id: null })>({
        ...openQuery,
        parameters: openQuery.parameters.map((v, i) => (i === phoneAt ? phone : v)),
      } as never);
      return { customerId: r.rows[0]?.customer_id ?? null, rows: r.rows.filter((x): x is OpenRow => x.id !== null) };
    },

    async insertContacts(rows: ContactRow[]) {
      if (rows.length > 0) await k.insertInto('customer_contacts').values(rows).execute();
    },

    /** a ticket of this customer, by number; undefined when there is none or it is someone else's */
    async ticketOf(phone: string, number: string) {
      return k
        .selectFrom('tickets as t')
        .innerJoin('customers as cu', 'cu.id', 't.customer_id')
        .select([
          't.id',
          't.number',
          't.status',
          't.customer_id',
          't.owner_id',
          't.owner_unit_id',
          't.handling_unit_id',
          't.handling_user_id',
        ])
        .where('t.number', '=', number.toUpperCase())
        .where('cu.phone', '=', phone)
        .executeTakeFirst();
    },

    async insertCustomerEvent(
      trx: Conn,
      e: { ticketId: number; action: string; status: string; note: string | null; data: Record<string, unknown>; at: string },
    ): Promise<number> {
      const r = await trx
        .insertInto('ticket_events')
        .values({
          ticket_id: e.ticketId,
          action: e.action,
          from_status: e.status,
          to_status: e.status,
          actor_id: null,
          unit_id: null,
          note: e.note,
          data: JSON.stringify(e.data),
          at: e.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async linkAttachments(trx: Conn, ids: number[], eventId: number) {
      await trx.updateTable('ticket_attachments').set({ event_id: eventId }).where('id', 'in', ids).execute();
    },

    async insertAttachments(trx: Conn, ticketId: number, files: { mime: string; sha256: string; content: Buffer }[], at: string) {
      const ids: number[] = [];
      for (const f of files) {
        const r = await trx
          .insertInto('ticket_attachments')
          .values({
            ticket_id: ticketId,
            event_id: null,
            mime: f.mime,
            size: f.content.length,
            sha256: f.sha256,
            content: f.content,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(r.id);
      }
      return ids;
    },

    async attachment(ticketId: number, id: number) {
      return k
        .selectFrom('ticket_attachments')
        .select(['mime', 'content'])
        .where('ticket_id', '=', ticketId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** who hears that the customer added something: the person working it, else the handling unit, and the owner */
    async recipients(t: {
      owner_id: number | null;
      owner_unit_id: number | null;
      handling_unit_id: number | null;
      handling_user_id: number | null;
    }) {
      const ids = new Set<number>();
      if (t.owner_id) ids.add(t.owner_id);
      if (t.handling_user_id) ids.add(t.handling_user_id);
      else if (t.handling_unit_id || (!t.owner_id && t.owner_unit_id)) {
        const unitId = t.handling_unit_id ?? t.owner_unit_id!;
        const rows = await k.selectFrom('users').select('id').where('unit_id', '=', unitId).where('is_active', '=', 1).limit(200).execute();
        rows.forEach((r) => ids.add(r.id));
      }
      return [...ids];
    },

    insertNotifications,

    async ticketsOf(phone: string) {
      return k
        .selectFrom('customers as cu')
        .innerJoin('tickets as t', 't.customer_id', 'cu.id')
        .innerJoin('categories as cat', 'cat.code', 't.category_code')
        .leftJoin('org_units as hu', 'hu.id', 't.handling_unit_id')
        .leftJoin('org_units as ow', 'ow.id', 't.owner_unit_id')
        .leftJoin('surveys as s', 's.ticket_id', 't.id')
        .select([
          't.id',
          't.number',
          't.status',
          't.description',
          't.answer',
          't.created_at',
          't.answer_due_at',
          'cat.name_zh as category_zh',
          'cat.name_en as category_en',
          'hu.name as unit_name',
          'hu.name_en as unit_name_en',
          'ow.name as owner_unit_name',
          'ow.name_en as owner_unit_name_en',
          's.status as survey_status',
          's.score as survey_score',
          's.comment as survey_comment',
        ])
        .where('cu.phone', '=', phone)
        .orderBy('t.id', 'desc')
        .limit(50)
        .execute();
    },

    async customerEvents(ticketIds: number[]) {
      if (ticketIds.length === 0) return [];
      return k
        .selectFrom('ticket_events')
        .select(['id', 'ticket_id', 'action', 'note', 'data', 'at'])
        .where('ticket_id', 'in', ticketIds)
        .where('action', 'in', CUSTOMER_ACTIONS)
        .orderBy('id')
        .execute();
    },

    async attachmentsOf(ticketIds: number[]) {
      if (ticketIds.length === 0) return [];
      return k.selectFrom('ticket_attachments').select(['id', 'event_id']).where('ticket_id', 'in', ticketIds).orderBy('id').execute();
    },

    async surveyOf(ticketId: number) {
      return k.selectFrom('surveys').select(['id', 'status']).where('ticket_id', '=', ticketId).executeTakeFirst();
    },

    /** answers a pending survey, or records one answered on the web when none was sent; false when already answered */
    async answerSurvey(
      trx: Conn,
      s: { ticketId: number; customerId: number; score: number; comment: string | null; at: string },
    ): Promise<boolean> {
      const updated = await trx
        .updateTable('surveys')
        .set({ status: 'answered', score: s.score, comment: s.comment, answered_via: 'web', answered_at: s.at })
        .where('ticket_id', '=', s.ticketId)
        .where('status', '<>', 'answered')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) > 0) return true;
      const inserted = await trx
        .insertInto('surveys')
        .values({
          ticket_id: s.ticketId,
          customer_id: s.customerId,
          reply_code: null,
          channel: 'web',
          status: 'answered',
          score: s.score,
          comment: s.comment,
          answered_via: 'web',
          sent_at: s.at,
          answered_at: s.at,
          expires_at: s.at,
        })
        .onConflict((oc) => oc.column('ticket_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
export type SelfServiceRepository = ReturnType<typeof createSelfServiceRepository>;
