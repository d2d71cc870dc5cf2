import { sql, type CompiledQuery, type ExpressionBuilder, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { TicketStatus } from '../../../../contracts/tickets.js';
import type { Db } from '../../db/dialect.js';
import { count, escapeLike, likeOperator } from '../../db/dialect.js';
import type { Database, TicketTable } from '../../db/schema.js';

export type Conn = Db['kysely'] | Transaction<Database>;
export type TicketPatch = Omit<Updateable<TicketTable>, 'id' | 'number' | 'version' | 'created_at'>;

export interface TicketFilter {
  status?: TicketStatus;
  categoryCode?: string;
  unitId?: number;
  ownerId?: number;
  customerId?: number;
  channel?: string;
  sla?: 'warning' | 'overdue' | 'problem' | 'breaching';
  from?: string;
  to?: string;
  q?: string;
  // department staff see what is or was with their unit, nothing else
  visibleToUnitId?: number;
}

export function createTicketRepository(db: Db) {
  const k = db.kysely;

  const detailQuery = (c: Conn) =>
    c
      .selectFrom('tickets as t')
      .innerJoin('customers as cu', 'cu.id', 't.customer_id')
      .innerJoin('categories as cat', 'cat.code', 't.category_code')
      .leftJoin('categories as pcat', 'pcat.code', 'cat.parent_code')
      .leftJoin('users as ow', 'ow.id', 't.owner_id')
      .leftJoin('org_units as owu', 'owu.id', 't.owner_unit_id')
      .leftJoin('org_units as hu', 'hu.id', 't.handling_unit_id')
      .leftJoin('users as hus', 'hus.id', 't.handling_user_id')
      .selectAll('t')
      .select([
        'cu.phone as customer_phone',
        'cu.name as customer_name',
        'cu.level as customer_level',
        'cat.name_zh as category_name_zh',
        'cat.name_en as category_name_en',
        'pcat.name_zh as parent_category_name_zh',
        'ow.display_name as owner_name',
        'owu.code as owner_unit_code',
        'owu.name as owner_unit_name',
        'owu.name_en as owner_unit_name_en',
        'hu.code as handling_unit_code',
        'hu.name as handling_unit_name',
        'hu.name_en as handling_unit_name_en',
        'hus.display_name as handling_user_name',
      ]);

  const summaryQuery = (c: Conn) =>
    c
      .selectFrom('tickets as t')
      .innerJoin('customers as cu', 'cu.id', 't.customer_id')
      .innerJoin('categories as cat', 'cat.code', 't.category_code')
      .leftJoin('users as ow', 'ow.id', 't.owner_id')
      .leftJoin('org_units as hu', 'hu.id', 't.handling_unit_id')
      .select([
        't.id',
        't.number',
        't.status',
        't.channel',
        't.category_code',
        't.description',
        't.priority',
        't.owner_id',
        't.handling_unit_id',
        't.resolution',
        't.created_at',
        't.updated_at',
        't.version',
        't.sla_state',
        't.sla_started_at',
        't.sla_reply_due_at',
        't.sla_paused_at',
        't.replied_at',
        't.answered_at',
        't.answer_due_at',
        't.legal_due_at',
        't.is_repeat',
        't.incident_id',
        'cu.phone as customer_phone',
        'cu.level as customer_level',
        'cat.name_zh as category_name_zh',
        'cat.name_en as category_name_en',
        'ow.display_name as owner_name',
        'hu.code as handling_unit_code',
        'hu.name as handling_unit_name',
        'hu.name_en as handling_unit_name_en',
      ]);

  function applyFilter<Q extends { where: (...a: any[]) => Q }>(q: Q, f: TicketFilter, withStatus: boolean): Q {
    let r = q;
    if (withStatus && f.status) r = r.where('t.status', '=', f.status);
    if (f.categoryCode)
      r =
        f.categoryCode.length === 2
          ? r.where('t.category_code', 'like', `${f.categoryCode}%`)
          : r.where('t.category_code', '=', f.categoryCode);
    if (f.unitId !== undefined) r = r.where('t.handling_unit_id', '=', f.unitId);
    if (f.ownerId !== undefined) r = r.where('t.owner_id', '=', f.ownerId);
    if (f.customerId !== undefined) r = r.where('t.customer_id', '=', f.customerId);
    if (f.channel) r = r.where('t.channel', '=', f.channel);
    if (f.sla === 'breaching') r = r.where('t.sla_state', 'in', ['warning', 'overdue', 'problem']);
    else if (f.sla) r = r.where('t.sla_state', '=', f.sla);
    if (f.from) r = r.where('t.created_at', '>=', f.from);
    if (f.to) r = r.where('t.created_at', '<', f.to);
    if (f.q) {
      const pattern = `%${escapeLike(f.q)}%`;
      const op = likeOperator(db.dialect);
      r = r.where((eb: ExpressionBuilder<any, any>) =>
        eb.or([eb('t.number', '=', f.q!.toUpperCase()), eb(sql`t.description`, op, sql`${pattern} escape '\\'`)]),
      );
    }
    if (f.visibleToUnitId !== undefined) {
      const unitId = f.visibleToUnitId;
      r = r.where((eb: ExpressionBuilder<any, any>) =>
        eb.or([
          eb('t.handling_unit_id', '=', unitId),
          eb.exists(
            eb.selectFrom('ticket_events as e').select('e.id').whereRef('e.ticket_id', '=', 't.id').where('e.unit_id', '=', unitId),
          ),
        ]),
      );
    }
    return r;
  }

  let detailById: ReturnType<ReturnType<typeof detailQuery>['compile']> | undefined;
  let revisionById: CompiledQuery<{ row_rev: number }> | undefined;
  const insertTicketByColumns = new Map<string, CompiledQuery<{ id: number }>>();
  let insertEventCompiled: CompiledQuery | undefined;

  return {
    connection: k as Conn,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    async nextSequence(trx: Conn, day: string): Promise<number> {
      const r = await trx
        .insertInto('ticket_number_seq')
        .values({ day, last: 1 })
        .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('ticket_number_seq.last', '+', 1) })))
        .returning('last')
        .executeTakeFirstOrThrow();
      return r.last;
    },

    async insertTicket(trx: Conn, row: Insertable<TicketTable>): Promise<number> {
      // intake's hottest statement: compiled once per column set, then run with each row's values in column order
      // Kysely leaves out undefined values, so they stay out of the column set too
      const columns = (Object.keys(row) as (keyof typeof row)[]).filter((c) => row[c] !== undefined);
      const key = columns.join(',');
      let compiled = insertTicketByColumns.get(key);
      if (!compiled) {
        compiled = trx.insertInto('tickets').values(row).returning('id').compile();
        insertTicketByColumns.set(key, compiled);
      }
      const r = await trx.executeQuery({ ...compiled, parameters: columns.map((c) => row[c]) } as typeof compiled);
      return r.rows[0]!.id;
    },

    async insertEvent(
      trx: Conn,
      e: {
        ticketId: number;
        action: string;
        from: string | null;
        to: string | null;
        actorId: number | null;
        unitId?: number | null;
        note?: string | null;
        data?: Record<string, unknown>;
        at: string;
      },
    ) {
      const values = [e.ticketId, e.action, e.from, e.to, e.actorId, e.unitId ?? null, e.note ?? null, JSON.stringify(e.data ?? {}), e.at];
      // every move writes one: compiled once, run with each event's values in this column order
      insertEventCompiled ??= trx
        .insertInto('ticket_events')
        .values({
          ticket_id: 0,
          action: '',
          from_status: null,
          to_status: null,
          actor_id: null,
          unit_id: null,
          note: null,
          data: '',
          at: '',
        })
        .compile();
      await trx.executeQuery({ ...insertEventCompiled, parameters: values });
    },

    async findDetail(c: Conn, id: number) {
      if (c !== k) return detailQuery(c).where('t.id', '=', id).executeTakeFirst();
      // the hottest read: built and compiled once, run with each id
      detailById ??= detailQuery(k).where('t.id', '=', 0).compile();
      return (await k.executeQuery({ ...detailById, parameters: [id] } as typeof detailById)).rows[0];
    },

    /** the ticket's revision, which every UPDATE changes (migration 0011); undefined when there is no such ticket */
    async revisionOf(id: number): Promise<number | undefined> {
      revisionById ??= k.selectFrom('tickets').select('row_rev').where('id', '=', 0).compile();
      return (await k.executeQuery({ ...revisionById, parameters: [id] } as typeof revisionById)).rows[0]?.row_rev;
    },

    async findIdByNumber(number: string): Promise<number | undefined> {
      return (await k.selectFrom('tickets').select('id').where('number', '=', number).executeTakeFirst())?.id;
    },

    async updateTicket(trx: Conn, id: number, version: number, patch: TicketPatch): Promise<boolean> {
      const r = await trx
        .updateTable('tickets')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async wasWithUnit(ticketId: number, unitId: number): Promise<boolean> {
      const r = await k
        .selectFrom('ticket_events')
        .select('id')
        .where('ticket_id', '=', ticketId)
        .where('unit_id', '=', unitId)
        .limit(1)
        .executeTakeFirst();
      return !!r;
    },

    async listEvents(ticketId: number) {
      return k
        .selectFrom('ticket_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_id')
        .leftJoin('org_units as o', 'o.id', 'u.unit_id')
        .select([
          'e.id',
          'e.ticket_id',
          'e.action',
          'e.from_status',
          'e.to_status',
          'e.note',
          'e.data',
          'e.at',
          'e.actor_id',
          'u.display_name as actor_name',
          'o.id as actor_unit_id',
          'o.code as actor_unit_code',
          'o.name as actor_unit_name',
          'o.name_en as actor_unit_name_en',
        ])
        .where('e.ticket_id', '=', ticketId)
        .orderBy('e.id')
        .execute();
    },

    async list(filter: TicketFilter, limit: number, beforeId?: number) {
      let q = applyFilter(summaryQuery(k), filter, true);
      if (beforeId !== undefined) q = q.where('t.id', '<', beforeId);
      return q
        .orderBy('t.id', 'desc')
        .limit(limit + 1)
        .execute();
    },

    /** Soonest clock change first (the "about to breach" queue); only tickets whose clocks run. */
    async listByDue(filter: TicketFilter, limit: number, after?: { at: string; id: number }) {
      let q = applyFilter(summaryQuery(k), filter, true).select('t.sla_next_at').where('t.sla_next_at', 'is not', null);
      if (after) {
        q = q.where((eb) =>
          eb.or([eb('t.sla_next_at', '>', after.at), eb.and([eb('t.sla_next_at', '=', after.at), eb('t.id', '>', after.id)])]),
        );
      }
      return q
        .orderBy('t.sla_next_at')
        .orderBy('t.id')
        .limit(limit + 1)
        .execute();
    },

    async countByStatus(filter: TicketFilter): Promise<Map<string, number>> {
      const q = applyFilter(k.selectFrom('tickets as t').select(['t.status', (e) => e.fn.countAll().as('n')]), filter, false);
      const rows = await q.groupBy('t.status').execute();
      return new Map(rows.map((r) => [r.status, count(r.n as number)]));
    },

    /** the group-complaint incidents a customer's tickets belong to, newest first (the customer at a glance) */
    async customerIncidents(customerId: number) {
      return k
        .selectFrom('incidents as i')
        .select(['i.id', 'i.status', 'i.area_label', 'i.category_code', 'i.child_count', 'i.opened_at', 'i.result'])
        .where('i.id', 'in', (eb) =>
          eb
            .selectFrom('tickets as t')
            .select('t.incident_id')
            .where('t.customer_id', '=', customerId)
            .where('t.incident_id', 'is not', null),
        )
        .orderBy('i.id', 'desc')
        .limit(20)
        .execute();
    },

    async customerSurveys(customerId: number) {
      return k
        .selectFrom('surveys as s')
        .innerJoin('tickets as t', 't.id', 's.ticket_id')
        .select(['s.ticket_id', 't.number', 's.status', 's.score', 's.comment', 's.sent_at', 's.answered_at'])
        .where('s.customer_id', '=', customerId)
        .orderBy('s.id', 'desc')
        .limit(20)
        .execute();
    },

    async customerRefunds(customerId: number) {
      return k
        .selectFrom('refunds as r')
        .innerJoin('tickets as t', 't.id', 'r.ticket_id')
        .select(['r.id', 'r.ticket_id', 't.number', 'r.amount_fen', 'r.status', 'r.billing_state', 'r.verification', 'r.created_at'])
        .where('r.customer_id', '=', customerId)
        .orderBy('r.id', 'desc')
        .limit(20)
        .execute();
    },

    async findIdempotencyKey(userId: number, key: string) {
      return k
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'ticket_id'])
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst();
    },

    async insertIdempotencyKey(trx: Conn, row: { userId: number; key: string; requestHash: string; ticketId: number; at: string }) {
      await trx
        .insertInto('idempotency_keys')
        .values({ user_id: row.userId, key: row.key, request_hash: row.requestHash, ticket_id: row.ticketId, created_at: row.at })
        .execute();
    },
  };
}
export type TicketRepository = ReturnType<typeof createTicketRepository>;
export type TicketDetailRow = NonNullable<Awaited<ReturnType<TicketRepository['findDetail']>>>;
export type TicketSummaryRow = Awaited<ReturnType<TicketRepository['list']>>[number];
export type TicketEventRow = Awaited<ReturnType<TicketRepository['listEvents']>>[number];
