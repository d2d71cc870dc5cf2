import { CompiledQuery, sql, type Transaction } from 'kysely';
import type { Db } from '../../db/dialect.js';
import { claimRows, count, lockUntilCommit, upsertAddingSql } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { addDays, addMonths } from './periods.js';
import { MEASURES, NONE, nonZero, splitKey, type Entries, type TicketSnapshot, type TicketStatsRow } from './contribution.js';

export type Conn = Db['kysely'] | Transaction<Database>;
export type Sums = Record<(typeof MEASURES)[number], number>;

const KEYS = ['dim', 'value', 'day'] as const;
const MONTH_KEYS = ['dim', 'value', 'month'] as const;
const BATCH_ROWS = 500;
// pg_advisory_xact_lock key of the rollups
const ROLLUP_LOCK = 7_000_001;

// the ticket columns the figures read, as one select list
const TICKET_COLUMNS = [
  't.id',
  't.customer_id',
  't.channel',
  't.category_code',
  't.created_at',
  't.status',
  't.owner_id',
  't.owner_unit_id',
  't.handling_unit_id',
  't.is_intercepted',
  't.is_solved',
  't.is_repeat',
  't.is_over_level',
  't.sla_started_at',
  't.sla_outcome',
  't.reply_state',
  't.answered_at',
  't.closed_at',
] as const;
export type TicketStatsRowWithId = TicketStatsRow & { id: number; customer_id: number };

const sumList = MEASURES.map((m) => `sum(${m}) as ${m}`).join(', ');

// A period as the days before its first whole month, the whole months, and the days after them.
function splitMonths(from: string, to: string): { days: [string, string][]; months: [string, string] | null } {
  const firstFull = from.endsWith('-01') ? from.slice(0, 7) : addMonths(`${from.slice(0, 7)}-01`, 1).slice(0, 7);
  const afterTo = addDays(to, 1);
  const lastFull = afterTo.endsWith('-01') ? to.slice(0, 7) : addMonths(`${to.slice(0, 7)}-01`, -1).slice(0, 7);
  if (firstFull > lastFull) return { days: [[from, to]], months: null };
  const days: [string, string][] = [];
  if (from < `${firstFull}-01`) days.push([from, addDays(`${firstFull}-01`, -1)]);
  const tailStart = addMonths(`${lastFull}-01`, 1);
  if (tailStart <= to) days.push([tailStart, to]);
  return { days, months: [firstFull, lastFull] };
}

export function createStatsRepository(db: Db) {
  const k = db.kysely;
  const upserts = new Map<string, string>();
  const compiled = new Map<string, CompiledQuery>();
  const once = (key: string, build: () => CompiledQuery) => {
    let q = compiled.get(key);
    if (!q) compiled.set(key, (q = build()));
    return q;
  };

  const toSums = (r: Record<string, unknown>): Sums => Object.fromEntries(MEASURES.map((m) => [m, count(r[m] as number)])) as Sums;

  return {
    dialect: db.dialect,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    /**
     * Adds the entries to the daily rollups and their months to the monthly ones, in key order so that concurrent
     * transactions lock rows in the same order.
     */
    async apply(c: Transaction<Database>, entries: Entries) {
      if (entries.size === 0) return;
      // every change adds to the same few rows (today's total, this month's): one lock before any of them, held to
      // the commit, so transactions that add several times (a sweep batch) never wait on each other in a cycle
      await lockUntilCommit(db.dialect, c, ROLLUP_LOCK);
      const months: Entries = new Map();
      for (const [key, v] of entries) {
        const mkey = key.slice(0, key.length - 3);
        const cur = months.get(mkey);
        if (!cur) months.set(mkey, [...v]);
        else for (let i = 0; i < v.length; i++) cur[i]! += v[i]!;
      }
      for (const [table, keys, rows] of [
        ['stats_daily', KEYS, entries],
        ['stats_monthly', MONTH_KEYS, nonZero(months)],
      ] as const) {
        const sorted = [...rows.keys()].sort();
        for (let i = 0; i < sorted.length; i += BATCH_ROWS) {
          const chunk = sorted.slice(i, i + BATCH_ROWS);
          const shape = `${table}:${chunk.length}`;
          let text = upserts.get(shape);
          if (!text) upserts.set(shape, (text = upsertAddingSql(db.dialect, table, keys, MEASURES, chunk.length)));
          const params: unknown[] = [];
          for (const key of chunk) params.push(...splitKey(key), ...rows.get(key)!);
          await c.executeQuery(CompiledQuery.raw(text, params));
        }
      }
    },

    async snapshot(c: Conn, ticketId: number): Promise<TicketSnapshot | undefined> {
      const q = once('snapshot', () => k.selectFrom('stats_tickets').selectAll().where('ticket_id', '=', 0).compile());
      return (await c.executeQuery<TicketSnapshot>({ ...q, parameters: [ticketId] } as CompiledQuery<TicketSnapshot>)).rows[0];
    },

    /** The facts a ticket is counted under from now on, as its customer and category stand now. */
    async freshSnapshot(c: Conn, customerId: number, categoryCode: string): Promise<TicketSnapshot> {
      const cu = once('customer', () => k.selectFrom('customers').select(['level', 'home_area']).where('id', '=', 0).compile());
      const cat = once('category', () => k.selectFrom('categories').select('regulator_class').where('code', '=', '').compile());
      const customer = (await c.executeQuery<{ level: string; home_area: string | null }>({ ...cu, parameters: [customerId] } as never))
        .rows[0];
      const category = (await c.executeQuery<{ regulator_class: string }>({ ...cat, parameters: [categoryCode] } as never)).rows[0];
      return {
        category_code: categoryCode,
        customer_level: customer?.level ?? 'normal',
        branch: customer?.home_area || NONE,
        regulator_class: category?.regulator_class ?? 'customer_service',
        has_repeat_call: 0,
        survey_answered_at: null,
        survey_score: null,
      };
    },

    async insertSnapshot(c: Conn, ticketId: number, s: TicketSnapshot) {
      const q = once('insertSnapshot', () =>
        k
          .insertInto('stats_tickets')
          .values({
            ticket_id: 0,
            category_code: '',
            customer_level: '',
            branch: '',
            regulator_class: '',
            has_repeat_call: 0,
            survey_answered_at: null,
            survey_score: null,
          })
          .compile(),
      );
      await c.executeQuery({
        ...q,
        parameters: [
          ticketId,
          s.category_code,
          s.customer_level,
          s.branch,
          s.regulator_class,
          s.has_repeat_call,
          s.survey_answered_at ?? null,
          s.survey_score,
        ],
      });
    },

    async updateSnapshot(
      c: Conn,
      ticketId: number,
      patch: Partial<Pick<TicketSnapshot, 'has_repeat_call' | 'survey_answered_at' | 'survey_score' | 'category_code' | 'regulator_class'>>,
    ) {
      await c.updateTable('stats_tickets').set(patch).where('ticket_id', '=', ticketId).execute();
    },

    async ticket(c: Conn, id: number): Promise<TicketStatsRowWithId | undefined> {
      const q = once('ticket', () => k.selectFrom('tickets as t').select(TICKET_COLUMNS).where('t.id', '=', 0).compile());
      return (await c.executeQuery<TicketStatsRowWithId>({ ...q, parameters: [id] } as never)).rows[0];
    },

    /** Whether any contact or finished survey waits to be counted: two probes of small partial indexes. */
    async hasUncounted(): Promise<boolean> {
      const q = once('uncounted', () =>
        CompiledQuery.raw(
          `select 1 as x where exists (select 1 from customer_contacts where stats_counted = 0)
             or exists (select 1 from surveys where stats_counted = 0 and status <> 'pending')`,
        ),
      );
      return (await k.executeQuery(q)).rows.length > 0;
    },

    // contacts and answered (or expired) surveys not yet counted; rows another process holds are skipped
    async claimContacts(c: Conn, limit: number) {
      return claimRows(
        db.dialect,
        c
          .selectFrom('customer_contacts')
          .select(['id', 'channel', 'kind', 'ticket_id', 'at'])
          .where(sql.ref('stats_counted'), '=', 0)
          .orderBy('id')
          .limit(limit),
      ).execute();
    },
    async markContactsCounted(c: Conn, ids: number[]) {
      if (ids.length) await sql`update customer_contacts set stats_counted = 1 where id in (${sql.join(ids)})`.execute(c);
    },
    async claimSurveys(c: Conn, limit: number) {
      return claimRows(
        db.dialect,
        c
          .selectFrom('surveys')
          .select(['id', 'ticket_id', 'status', 'score', 'answered_at'])
          .where(sql.ref('stats_counted'), '=', 0)
          .where('status', '!=', 'pending')
          .orderBy('id')
          .limit(limit),
      ).execute();
    },
    async markSurveysCounted(c: Conn, ids: number[]) {
      if (ids.length) await sql`update surveys set stats_counted = 1 where id in (${sql.join(ids)})`.execute(c);
    },

    /**
     * Sums over [from, to] (local dates, both included), per value of `dim`, or per day or month for the time dims:
     * whole months from the monthly rollups, the days before and after them from the daily ones.
     */
    async sums(dim: string, from: string, to: string): Promise<Map<string, Sums>> {
      const parts = dim === 'day' ? { days: [[from, to]] as [string, string][], months: null } : splitMonths(from, to);
      const groupDaily = dim === 'day' ? 'day' : dim === 'month' ? 'substr(day, 1, 7)' : 'value';
      const groupMonthly = dim === 'month' ? 'month' : 'value';
      const shape = `${groupDaily}:${parts.days.length}:${parts.months ? 1 : 0}`;
      const q = once(`sums:${shape}`, () => {
        let n = 0;
        const p = () => (db.dialect === 'postgres' ? `$${++n}` : '?');
        const selects = parts.days.map(
          () => `select ${groupDaily} as g, ${MEASURES.join(', ')} from stats_daily where dim = ${p()} and day >= ${p()} and day <= ${p()}`,
        );
        if (parts.months)
          selects.push(
            `select ${groupMonthly} as g, ${MEASURES.join(', ')} from stats_monthly where dim = ${p()} and month >= ${p()} and month <= ${p()}`,
          );
        return CompiledQuery.raw(`select g, ${sumList} from (${selects.join(' union all ')}) x group by g`);
      });
      const stored = dim === 'day' || dim === 'month' ? 'all' : dim;
      const params: unknown[] = [];
      for (const [a, b] of parts.days) params.push(stored, a, b);
      if (parts.months) params.push(stored, ...parts.months);
      const rows = (await k.executeQuery<Record<string, unknown>>({ ...q, parameters: params } as never)).rows;
      return new Map(rows.map((r) => [String(r.g), toSums(r)]));
    },

    async setting(key: string): Promise<string | undefined> {
      return (await k.selectFrom('system_settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
    },
    async putSetting(c: Conn, key: string, value: string, at: string) {
      await c
        .insertInto('system_settings')
        .values({ key, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
        .execute();
    },
    async deleteSetting(c: Conn, key: string) {
      await c.deleteFrom('system_settings').where('key', '=', key).execute();
    },
    async customerCount(): Promise<number> {
      return count(
        (
          await k
            .selectFrom('customers')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n as number,
      );
    },

    // names for the groups
    units: () => k.selectFrom('org_units').select(['id', 'code', 'name', 'name_en']).execute(),
    categories: () => k.selectFrom('categories').select(['code', 'name_zh', 'name_en']).execute(),
    users: (ids: number[]) =>
      ids.length ? k.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute() : Promise.resolve([]),

    // the full scan: every ticket with its facts, a page at a time by id
    async ticketPage(c: Conn, afterId: number, limit: number) {
      return c
        .selectFrom('tickets as t')
        .leftJoin('stats_tickets as st', 'st.ticket_id', 't.id')
        .leftJoin('customers as cu', 'cu.id', 't.customer_id')
        .leftJoin('categories as cat', 'cat.code', 't.category_code')
        .leftJoin('surveys as sv', (j) => j.onRef('sv.ticket_id', '=', 't.id').on('sv.status', '=', 'answered'))
        .select(TICKET_COLUMNS)
        .select([
          'st.ticket_id as st_id',
          'st.customer_level',
          'st.branch',
          'st.regulator_class',
          'cu.level as current_level',
          'cu.home_area as current_branch',
          'cat.regulator_class as current_class',
          'sv.answered_at as survey_answered_at',
          'sv.score as survey_score',
          (e) =>
            e
              .exists(
                e
                  .selectFrom('customer_contacts as cc')
                  .select('cc.id')
                  .whereRef('cc.ticket_id', '=', 't.id')
                  .where('cc.kind', '=', 'repeat_call'),
              )
              .as('has_repeat_call'),
        ])
        .where('t.id', '>', afterId)
        .orderBy('t.id')
        .limit(limit)
        .execute();
    },
    async contactPage(c: Conn, afterId: number, limit: number) {
      return c
        .selectFrom('customer_contacts as cc')
        .leftJoin('stats_tickets as st', 'st.ticket_id', 'cc.ticket_id')
        .select(['cc.id', 'cc.channel', 'cc.kind', 'cc.at', 'st.category_code', 'st.customer_level', 'st.branch'])
        .where('cc.id', '>', afterId)
        .orderBy('cc.id')
        .limit(limit)
        .execute();
    },

    // a rebuild replaces the rollups and brings the recorded facts up to the source tables
    async clearRollups(c: Conn) {
      await c.deleteFrom('stats_daily').execute();
      await c.deleteFrom('stats_monthly').execute();
    },
    async insertMissingSnapshots(c: Conn) {
      await sql`
        insert into stats_tickets (ticket_id, category_code, customer_level, branch, regulator_class)
        select t.id, t.category_code, coalesce(cu.level, 'normal'), coalesce(cu.home_area, ${NONE}), coalesce(cat.regulator_class, 'customer_service')
        from tickets t left join customers cu on cu.id = t.customer_id left join categories cat on cat.code = t.category_code
        where not exists (select 1 from stats_tickets s where s.ticket_id = t.id)`.execute(c);
    },
    async syncRecordedFacts(c: Conn) {
      await sql`
        update stats_tickets set
          has_repeat_call = case when exists (select 1 from customer_contacts cc where cc.ticket_id = stats_tickets.ticket_id and cc.kind = 'repeat_call') then 1 else 0 end,
          survey_answered_at = (select sv.answered_at from surveys sv where sv.ticket_id = stats_tickets.ticket_id and sv.status = 'answered'),
          survey_score = (select sv.score from surveys sv where sv.ticket_id = stats_tickets.ticket_id and sv.status = 'answered')`.execute(
        c,
      );
      await sql`update customer_contacts set stats_counted = 1 where stats_counted = 0`.execute(c);
      await sql`update surveys set stats_counted = 1 where stats_counted = 0 and status <> 'pending'`.execute(c);
    },
  };
}
export type StatsRepository = ReturnType<typeof createStatsRepository>;
