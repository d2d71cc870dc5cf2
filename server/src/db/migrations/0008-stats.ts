import { sql } from 'kysely';
import { columnTypes, type MigrationUp } from './column-types.js';

// Figures from rollups (issue 7): one row per (dimension, value, local day) with every count a figure needs, kept
// in step with the tickets inside their own transactions; the facts about a ticket fixed when it was accepted; and a
// mark on contacts and survey answers once they are counted, so each is counted exactly once.
const MEASURES = [
  'volume',
  'intercepted',
  'repeat_complaints',
  'repeat_calls',
  'over_level',
  'vol_network_quality',
  'vol_charges_dispute',
  'vol_customer_service',
  'ol_network_quality',
  'ol_charges_dispute',
  'ol_customer_service',
  'dispatched',
  'overdue',
  'problem',
  'closed',
  'resolved',
  'answered',
  'handling_ms',
  'surveys',
  'satisfied',
  'self_service_queries',
  'progress_queries',
];

// an order replied late or unreplied past its limit; the drill-down repeats this text so the index serves it
const BREACHED = "(sla_outcome in ('overdue', 'problem') or (sla_outcome is null and reply_state in ('overdue', 'problem')))";

export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);
  let daily = db.schema
    .createTable('stats_daily')
    // all | channel | category | category1 | unit | branch | agent | level
    .addColumn('dim', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'varchar(40)', (c) => c.notNull())
    // the organisation's local date, YYYY-MM-DD
    .addColumn('day', 'varchar(10)', (c) => c.notNull());
  for (const m of MEASURES) daily = daily.addColumn(m, 'bigint', (c) => c.notNull().defaultTo(0));
  await daily.addPrimaryKeyConstraint('stats_daily_pk', ['dim', 'day', 'value']).execute();
  // the same per local month (YYYY-MM), so a long period reads a row per month, not per day
  let monthly = db.schema
    .createTable('stats_monthly')
    .addColumn('dim', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'varchar(40)', (c) => c.notNull())
    .addColumn('month', 'varchar(7)', (c) => c.notNull());
  for (const m of MEASURES) monthly = monthly.addColumn(m, 'bigint', (c) => c.notNull().defaultTo(0));
  await monthly.addPrimaryKeyConstraint('stats_monthly_pk', ['dim', 'month', 'value']).execute();

  await db.schema
    .createTable('stats_tickets')
    .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id'))
    .addColumn('category_code', 'varchar(8)', (c) => c.notNull())
    // the customer's level and home branch, and the category's regulator class, when the complaint was accepted
    .addColumn('customer_level', 'varchar(12)', (c) => c.notNull())
    .addColumn('branch', 'varchar(32)', (c) => c.notNull())
    .addColumn('regulator_class', 'varchar(20)', (c) => c.notNull())
    // what other modules recorded about it, as counted so far
    .addColumn('has_repeat_call', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('survey_answered_at', t.instant)
    .addColumn('survey_score', 'integer')
    .execute();

  // contacts and survey answers not yet in the rollups: a small partial index the catch-up claims from
  await db.schema
    .alterTable('customer_contacts')
    .addColumn('stats_counted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('customer_contacts_uncounted')
    .on('customer_contacts')
    .column('id')
    .where(sql.ref('stats_counted'), '=', 0)
    .execute();
  await db.schema
    .alterTable('surveys')
    .addColumn('stats_counted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('surveys_uncounted').on('surveys').column('id').where(sql.ref('stats_counted'), '=', 0).execute();
  await db.schema.createIndex('customer_contacts_ticket').on('customer_contacts').columns(['ticket_id', 'kind']).execute();

  await db.schema
    .createIndex('stats_tickets_survey')
    .on('stats_tickets')
    .column('survey_answered_at')
    .where(sql.ref('survey_answered_at'), 'is not', null)
    .execute();

  // drill-down walks the day a figure counts by, newest first; the rare figures have small indexes of their own
  await sql`create index tickets_breached on tickets (sla_started_at) where ${sql.raw(BREACHED)}`.execute(db);
  await sql`create index tickets_repeat on tickets (created_at) where is_repeat = 1`.execute(db);
  await sql`create index tickets_over_level on tickets (created_at) where is_over_level = 1`.execute(db);
  for (const col of ['sla_started_at', 'closed_at', 'answered_at'])
    await db.schema.createIndex(`tickets_${col}`).on('tickets').column(col).where(sql.ref(col), 'is not', null).execute();

  // a database with tickets from before the rollups: their facts now, their rollups built at the next start
  await sql`
    insert into stats_tickets (ticket_id, category_code, customer_level, branch, regulator_class)
    select t.id, t.category_code, coalesce(cu.level, 'normal'), coalesce(cu.home_area, 'none'), coalesce(cat.regulator_class, 'customer_service')
    from tickets t left join customers cu on cu.id = t.customer_id left join categories cat on cat.code = t.category_code`.execute(db);
  await sql`
    insert into system_settings (key, value, updated_at)
    select 'stats.rebuild', 'pending', ${new Date().toISOString()} where exists (select 1 from tickets)`.execute(db);
};
