import { sql } from 'kysely';
import { columnTypes, type MigrationUp } from './column-types.js';

// Organisation, people, customers, categories and routing, tickets and their append-only events.
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('org_units')
    .addColumn('id', 'integer', t.id)
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', t.id)
    .addColumn('username', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', t.id)
    .addColumn('phone', 'varchar(11)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(50)')
    .addColumn('level', 'varchar(16)', (c) => c.notNull().defaultTo('normal'))
    .addColumn('credit_level', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('home_area', 'varchar(32)')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('categories')
    .addColumn('code', 'varchar(8)', (c) => c.primaryKey())
    .addColumn('parent_code', 'varchar(8)', (c) => c.references('categories.code'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('regulator_class', 'varchar(32)', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('category_code', 'varchar(8)', (c) => c.primaryKey().references('categories.code'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'integer', t.id)
    .addColumn('number', 'varchar(24)', (c) => c.notNull().unique())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('category_code', 'varchar(8)', (c) => c.notNull().references('categories.code'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('location_city', 'varchar(50)')
    .addColumn('location_district', 'varchar(50)')
    .addColumn('location_compound', 'varchar(100)')
    .addColumn('location_address', 'varchar(200)')
    .addColumn('location_cell_id', 'varchar(50)')
    .addColumn('priority', 'varchar(8)', (c) => c.notNull())
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('suspended_from', 'varchar(16)')
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('owner_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('handling_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('handling_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('regulator_ref', 'varchar(64)')
    .addColumn('is_over_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_intercepted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_solved', 'integer')
    .addColumn('resolution', 'text')
    .addColumn('answer', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('dispatched_at', t.instant)
    .addColumn('replied_at', t.instant)
    .addColumn('answered_at', t.instant)
    .addColumn('closed_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('tickets_customer').on('tickets').columns(['customer_id', 'id']).execute();
  await db.schema.createIndex('tickets_status').on('tickets').columns(['status', 'id']).execute();
  // partial indexes: a new complaint has no unit yet and writes no entry, which keeps intake cheap
  await db.schema
    .createIndex('tickets_handling_unit')
    .on('tickets')
    .columns(['handling_unit_id', 'status'])
    .where(sql.ref('handling_unit_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('tickets_owner').on('tickets').columns(['owner_id', 'status']).execute();
  await db.schema.createIndex('tickets_created').on('tickets').column('created_at').execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'integer', t.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('note', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_events_ticket').on('ticket_events').columns(['ticket_id', 'id']).execute();
  await db.schema
    .createIndex('ticket_events_unit')
    .on('ticket_events')
    .columns(['unit_id', 'ticket_id'])
    .where(sql.ref('unit_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('ticket_number_seq')
    .addColumn('day', 'varchar(8)', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('key', 'varchar(128)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('system_settings')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  // Events are history: forbid rewriting it at the database, not only in code.
  if (dialect === 'postgres') {
    await sql`create function ticket_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'ticket_events is append-only'; end $$`.execute(db);
    await sql`create trigger ticket_events_no_change before update or delete on ticket_events
      for each row execute function ticket_events_append_only()`.execute(db);
  } else {
    await sql`create trigger ticket_events_no_update before update on ticket_events
      begin select raise(abort, 'ticket_events is append-only'); end`.execute(db);
    await sql`create trigger ticket_events_no_delete before delete on ticket_events
      begin select raise(abort, 'ticket_events is append-only'); end`.execute(db);
  }
};
