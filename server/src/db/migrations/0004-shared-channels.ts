import { sql } from 'kysely';
import { columnTypes, type MigrationUp } from './column-types.js';

// What several later modules share: the SMS outbox every message to a customer goes through, the satisfaction
// surveys sent after close, the log of contacts that are not complaints (self-service queries, repeat calls), and
// the ticket's marks of a repeat complaint and of the incident it belongs to.
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('sms_outbox')
    .addColumn('id', 'integer', t.id)
    .addColumn('phone', 'varchar(20)', (c) => c.notNull())
    // the source address: the service number, plus an extension when replies must be matched (surveys)
    .addColumn('sender', 'varchar(21)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    // a retried request or a replayed step enqueues the same key again and gets the first message back
    .addColumn('dedupe_key', 'varchar(120)', (c) => c.unique())
    .addColumn('state', 'varchar(12)', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_before', t.instant, (c) => c.notNull())
    .addColumn('next_attempt_at', t.instant)
    .addColumn('last_error', 'text')
    .addColumn('gateway_ids', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('sent_at', t.instant)
    .addColumn('delivered_at', t.instant)
    .execute();
  await db.schema
    .createIndex('sms_outbox_due')
    .on('sms_outbox')
    .columns(['next_attempt_at'])
    .where(sql.ref('next_attempt_at'), 'is not', null)
    .execute();
  await db.schema.createIndex('sms_outbox_ticket').on('sms_outbox').column('ticket_id').execute();

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'integer', t.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    // sent by SMS from the service number plus this extension, so a bare "1"–"5" reply is matched by the number
    .addColumn('reply_code', 'varchar(8)', (c) => c.unique())
    .addColumn('channel', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('score', 'integer')
    .addColumn('comment', 'text')
    .addColumn('answered_via', 'varchar(8)')
    .addColumn('sent_at', t.instant, (c) => c.notNull())
    .addColumn('answered_at', t.instant)
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_customer').on('surveys').columns(['customer_id', 'status']).execute();

  await db.schema
    .createTable('customer_contacts')
    .addColumn('id', 'integer', t.id)
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('phone', 'varchar(20)', (c) => c.notNull())
    // hotline | sms | ivr | web | api
    .addColumn('channel', 'varchar(12)', (c) => c.notNull())
    // self_service_query | repeat_call
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_contacts_at').on('customer_contacts').columns(['at', 'kind']).execute();
  await db.schema.createIndex('customer_contacts_customer').on('customer_contacts').columns(['customer_id', 'at']).execute();

  await db.schema
    .alterTable('tickets')
    .addColumn('is_repeat', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // the earlier tickets' numbers, a JSON array
  await db.schema.alterTable('tickets').addColumn('repeat_of', 'text').execute();
  await db.schema.alterTable('tickets').addColumn('incident_id', 'integer').execute();
  await db.schema
    .createIndex('tickets_incident')
    .on('tickets')
    .column('incident_id')
    .where(sql.ref('incident_id'), 'is not', null)
    .execute();
};
