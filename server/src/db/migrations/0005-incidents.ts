import { columnTypes, type MigrationUp } from './column-types.js';

// Group complaints (DOMAIN.md §7): the admin's rules, the incidents they raise, and the sliding windows they count in.
// A window is one row per (rule, area): locking it serialises the complaints of one area, so two complaints crossing
// the threshold at once make one incident; its hits are read by an index range, never by scanning tickets.
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('incident_rules')
    .addColumn('id', 'integer', t.id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // a first-level code covers all its sub-categories
    .addColumn('category_code', 'varchar(4)', (c) => c.notNull())
    // compound | district | cell
    .addColumn('area_level', 'varchar(12)', (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('window_minutes', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'integer', t.id)
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('incident_rules.id'))
    .addColumn('area_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('area_label', 'varchar(200)', (c) => c.notNull())
    .addColumn('area_level', 'varchar(12)', (c) => c.notNull())
    .addColumn('category_code', 'varchar(4)', (c) => c.notNull())
    // open | confirmed | resolved | dismissed
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    // "<rule>|<area>" while open or confirmed, null after: at most one live incident per rule and area
    .addColumn('live_key', 'varchar(220)', (c) => c.unique())
    .addColumn('child_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('opened_at', t.instant, (c) => c.notNull())
    .addColumn('confirmed_at', t.instant)
    .addColumn('confirmed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('dispatched_at', t.instant)
    .addColumn('dispatched_by', 'integer', (c) => c.references('users.id'))
    .addColumn('resolved_at', t.instant)
    .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
    .addColumn('result', 'text')
    .addColumn('dismissed_at', t.instant)
    .addColumn('dismissed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'id']).execute();

  await db.schema
    .createTable('incident_windows')
    .addColumn('rule_id', 'integer', (c) => c.notNull())
    .addColumn('area_key', 'varchar(200)', (c) => c.notNull())
    // the live incident every later match joins; null while counting
    .addColumn('incident_id', 'integer')
    // hits before this instant belong to an incident already closed and are not counted again
    .addColumn('counted_from', t.instant)
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_windows_pk', ['rule_id', 'area_key'])
    .execute();

  await db.schema
    .createTable('incident_hits')
    .addColumn('id', 'integer', t.id)
    .addColumn('rule_id', 'integer', (c) => c.notNull())
    .addColumn('area_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_hits_window').on('incident_hits').columns(['rule_id', 'area_key', 'at']).execute();

  // the repeat complaint rate reads one month of tickets by acceptance time (tickets_created); repeat screening reads
  // one caller's tickets (tickets_customer): both indexed already

  // the migration's own time: the default rule exists from the moment the schema does
  const now = new Date().toISOString();
  await db
    .insertInto('incident_rules')
    .values({
      name: '基础通信：同一小区 30 分钟 5 宗',
      category_code: '01',
      area_level: 'compound',
      threshold: 5,
      window_minutes: 30,
      is_active: 1,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
};
