import { sql } from 'kysely';
import { columnTypes, type MigrationUp } from './column-types.js';

// Time limits: business calendars and the national holiday list, SLA policies, escalation rules,
// the clocks each ticket runs under, and in-app notifications.
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('calendars')
    .addColumn('id', 'integer', t.id)
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    // JSON: seven {open, close} in minutes (null for a closed weekday), Sunday first; NULL: round the clock
    .addColumn('weekly', 'text')
    .addColumn('observes_holidays', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  // One national list: public holidays and the weekend days worked in exchange (调休).
  await db.schema
    .createTable('holidays')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('org_units')
    .addColumn('calendar_id', 'integer', (c) => c.references('calendars.id'))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('is_supervisor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'integer', t.id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('category_code', 'varchar(8)', (c) => c.references('categories.code'))
    .addColumn('customer_level', 'varchar(16)')
    .addColumn('priority', 'varchar(8)')
    .addColumn('reply_minutes', 'integer', (c) => c.notNull())
    .addColumn('problem_minutes', 'integer', (c) => c.notNull())
    .addColumn('warn_percent', 'integer', (c) => c.notNull())
    .addColumn('answer_minutes', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('escalation_rules')
    .addColumn('id', 'integer', t.id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('on_state', 'varchar(16)', (c) => c.notNull())
    .addColumn('category_code', 'varchar(8)', (c) => c.references('categories.code'))
    .addColumn('raise_priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reassign_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  // one column per statement: SQLite's ALTER TABLE adds one at a time. [name, type, default when NOT NULL]
  const clockColumns: [string, 'instant' | 'text' | 'integer' | 'bigint' | 'varchar(16)', string | number | null][] = [
    // the worst of the three clocks, for queues and boards: ok | warning | overdue | problem
    ['sla_state', 'varchar(16)', 'ok'],
    ['reply_state', 'varchar(16)', 'none'],
    ['sla_policy_id', 'integer', null],
    ['sla_limits', 'text', null],
    ['sla_started_at', 'instant', null],
    ['sla_warn_at', 'instant', null],
    ['sla_reply_due_at', 'instant', null],
    ['sla_problem_at', 'instant', null],
    ['sla_paused_ms', 'bigint', 0],
    ['sla_paused_at', 'instant', null],
    ['sla_outcome', 'varchar(16)', null],
    ['answer_started_at', 'instant', null],
    ['answer_due_at', 'instant', null],
    ['answer_warn_at', 'instant', null],
    ['answer_state', 'varchar(16)', 'ok'],
    ['answer_paused_ms', 'bigint', 0],
    ['legal_due_at', 'instant', null],
    ['legal_warn_at', 'instant', null],
    ['legal_state', 'varchar(16)', 'ok'],
    ['regulator_accept_due_at', 'instant', null],
    ['accept_warn_at', 'instant', null],
    ['accept_state', 'varchar(16)', 'ok'],
    ['sla_next_at', 'instant', null],
  ];
  for (const [name, type, fallback] of clockColumns) {
    await db.schema
      .alterTable('tickets')
      .addColumn(name, type === 'instant' ? t.instant : type, (c) => (fallback === null ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  // the sweep reads only what falls due, however many tickets are open
  await db.schema
    .createIndex('tickets_sla_next')
    .on('tickets')
    .column('sla_next_at')
    .where(sql.ref('sla_next_at'), 'is not', null)
    .execute();
  // the supervisor board counts clock states per unit
  await db.schema
    .createIndex('tickets_unit_sla')
    .on('tickets')
    .columns(['handling_unit_id', 'sla_state'])
    .where(sql.ref('handling_unit_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', t.id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
};
