import { sql } from 'kysely';
import { columnTypes, type MigrationUp } from './column-types.js';

// Customers helping themselves (DOMAIN.md §5): one-time sign-in codes and customer sessions (apart from staff
// sessions), images customers attach to their complaints, API tokens for IVR platforms and other systems, and the
// index that makes "my open complaints by phone" — the hottest read of IVR and SMS — one short index range.
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);
  const binary = dialect === 'postgres' ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('customer_otps')
    .addColumn('phone', 'varchar(20)', (c) => c.primaryKey())
    // sha256 of salt + code: a copy of the table does not hand out valid codes
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('salt', 'varchar(32)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customer_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('phone', 'varchar(20)', (c) => c.notNull())
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_sessions_expiry').on('customer_sessions').column('expires_at').execute();

  await db.schema
    .createTable('ticket_attachments')
    .addColumn('id', 'integer', t.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('event_id', 'integer', (c) => c.references('ticket_events.id'))
    .addColumn('mime', 'varchar(40)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_attachments_ticket').on('ticket_attachments').columns(['ticket_id', 'id']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', t.id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    // the first characters, so an admin can tell tokens apart without the secret
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    // JSON array of scopes
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_used_at', t.instant)
    .addColumn('revoked_at', t.instant)
    .execute();

  // a customer's open complaints: the few rows of one customer that are not closed
  await db.schema
    .createIndex('tickets_customer_open')
    .on('tickets')
    .columns(['customer_id', 'status'])
    .where(sql.ref('status'), '<>', 'closed')
    .execute();
};
