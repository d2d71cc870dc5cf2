import { sql, type Kysely, type Transaction } from 'kysely';
import type { RepeatSettings } from '../../../../contracts/incidents.js';
import { count, type Db } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';

type Conn = Kysely<Database> | Transaction<Database>;
export const REPEAT_SETTINGS_KEY = 'repeats.settings';
export const defaultRepeatSettings: RepeatSettings = { windowDays: 30, priorityStep: 1, firstLevelCategories: [], routeToEarlier: true };
// a caller's tickets worth comparing with a new complaint; more than this many recent ones is not a person but a test rig
const RECENT_LIMIT = 50;

export function createRepeatRepository(db: Db) {
  const k = db.kysely;

  const earlierQuery = (c: Conn) =>
    c
      .selectFrom('tickets as t')
      .leftJoin('users as ow', 'ow.id', 't.owner_id')
      .leftJoin('org_units as hu', 'hu.id', 't.handling_unit_id')
      .select([
        't.id',
        't.number',
        't.status',
        't.category_code',
        't.created_at',
        't.closed_at',
        't.resolution',
        't.answer',
        't.owner_id',
        't.owner_unit_id',
        't.is_repeat',
        't.incident_id',
        'ow.display_name as owner_name',
        'ow.is_active as owner_active',
        'ow.unit_id as owner_user_unit_id',
        't.handling_unit_id',
        'hu.code as handling_unit_code',
        'hu.name as handling_unit_name',
        'hu.name_en as handling_unit_name_en',
      ]);

  return {
    connection: k,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    /** one caller's open tickets and those accepted since `since`, newest first: an index range on tickets_customer */
    async recentOf(customerId: number, since: string) {
      return earlierQuery(k)
        .where('t.customer_id', '=', customerId)
        .where((eb) => eb.or([eb('t.status', '!=', 'closed'), eb('t.created_at', '>=', since)]))
        .orderBy('t.id', 'desc')
        .limit(RECENT_LIMIT)
        .execute();
    },

    async settings(c: Conn = k): Promise<RepeatSettings> {
      const r = await c.selectFrom('system_settings').select('value').where('key', '=', REPEAT_SETTINGS_KEY).executeTakeFirst();
      return { ...defaultRepeatSettings, ...(r ? (JSON.parse(r.value) as Partial<RepeatSettings>) : {}) };
    },
    async saveSettings(s: RepeatSettings, at: string): Promise<void> {
      const value = JSON.stringify(s);
      await k
        .insertInto('system_settings')
        .values({ key: REPEAT_SETTINGS_KEY, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
        .execute();
    },

    // The complaint desk is the active unit whose staff hold the desk role (综援室); the lowest id when there are several.
    async complaintDesk(): Promise<number | undefined> {
      const r = await k
        .selectFrom('org_units as u')
        .innerJoin('users as us', 'us.unit_id', 'u.id')
        .select('u.id')
        .where('us.role', '=', 'desk')
        .where('us.is_active', '=', 1)
        .where('u.is_active', '=', 1)
        .orderBy('u.id')
        .limit(1)
        .executeTakeFirst();
      return r?.id;
    },

    async insertContact(c: Conn, row: { customerId: number | null; phone: string; channel: string; ticketId: number; at: string }) {
      await c
        .insertInto('customer_contacts')
        .values({
          customer_id: row.customerId,
          phone: row.phone,
          channel: row.channel,
          kind: 'repeat_call',
          ticket_id: row.ticketId,
          at: row.at,
        })
        .execute();
    },

    async insertNote(
      c: Conn,
      e: { ticketId: number; actorId: number; status: string; note: string; data: Record<string, unknown>; at: string },
    ) {
      await c
        .insertInto('ticket_events')
        .values({
          ticket_id: e.ticketId,
          action: 'note',
          from_status: e.status,
          to_status: e.status,
          actor_id: e.actorId,
          unit_id: null,
          note: e.note,
          data: JSON.stringify(e.data),
          at: e.at,
        })
        .execute();
    },

    /** complaints and repeats accepted in [from, to), grouped by `by`; an index range on tickets_created */
    async rate(from: string, to: string, by: 'category' | 'unit' | 'branch' | null) {
      const q = k
        .selectFrom('tickets as t')
        .select([(e) => e.fn.countAll().as('complaints'), (e) => e.fn.sum<number | string>('t.is_repeat').as('repeats')])
        .where('t.created_at', '>=', from)
        .where('t.created_at', '<', to);
      if (by === 'category') {
        const key = sql<string>`substr(t.category_code, 1, 2)`;
        const rows = await q.select(key.as('key')).groupBy(key).execute();
        return rows.map((r) => ({ key: r.key, complaints: count(r.complaints), repeats: count(r.repeats) }));
      }
      if (by === 'unit') {
        const rows = await q.leftJoin('org_units as u', 'u.id', 't.owner_unit_id').select('u.code as key').groupBy('u.code').execute();
        return rows.map((r) => ({ key: r.key, complaints: count(r.complaints), repeats: count(r.repeats) }));
      }
      if (by === 'branch') {
        const rows = await q
          .innerJoin('customers as cu', 'cu.id', 't.customer_id')
          .select('cu.home_area as key')
          .groupBy('cu.home_area')
          .execute();
        return rows.map((r) => ({ key: r.key, complaints: count(r.complaints), repeats: count(r.repeats) }));
      }
      const r = await q.executeTakeFirstOrThrow();
      return [{ key: null, complaints: count(r.complaints), repeats: count(r.repeats) }];
    },
  };
}
export type RepeatRepository = ReturnType<typeof createRepeatRepository>;
export type EarlierRow = Awaited<ReturnType<RepeatRepository['recentOf']>>[number];
