import { sql } from 'kysely';
import { columnTypes, type MigrationUp } from './column-types.js';

// The complaint desk's money and quality: revisits after an unsatisfied survey, refund-first grants with their
// billing outbox and the demo ledger, and quality inspection (forms, sampled tickets, inspections and appeals).
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);

  // 回访: an unsatisfied answer gives the ticket's owner a call to make
  await db.schema
    .createTable('revisits')
    .addColumn('id', 'integer', t.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('survey_id', 'integer', (c) => c.notNull().references('surveys.id').unique())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    // open | done
    .addColumn('status', 'varchar(8)', (c) => c.notNull().defaultTo('open'))
    // resolved | still_unsatisfied | unreachable
    .addColumn('outcome', 'varchar(24)')
    .addColumn('note', 'text')
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('done_at', t.instant)
    .addColumn('done_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('revisits_owner').on('revisits').columns(['owner_id', 'status']).execute();

  // 先退费后查证: money in integer fen, never floats
  await db.schema
    .createTable('refunds')
    .addColumn('id', 'integer', t.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // pending_approval | granted | rejected
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    // waiting (not granted yet) | queued | sent | failed
    .addColumn('billing_state', 'varchar(12)', (c) => c.notNull())
    .addColumn('billing_ref', 'varchar(120)')
    // null until the later verification: confirmed | not_confirmed
    .addColumn('verification', 'varchar(16)')
    .addColumn('verification_note', 'text')
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('requested_role', 'varchar(16)', (c) => c.notNull())
    .addColumn('credit_level', 'integer', (c) => c.notNull())
    .addColumn('limit_fen', 'integer', (c) => c.notNull())
    // why it waited for a supervisor, space-separated: over_limit low_credit
    .addColumn('approval_reasons', 'varchar(40)', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decision_note', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('decided_at', t.instant)
    .addColumn('sent_at', t.instant)
    .addColumn('verified_at', t.instant)
    .addColumn('verified_by', 'integer', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('refunds_ticket').on('refunds').column('ticket_id').execute();
  await db.schema.createIndex('refunds_customer').on('refunds').column('customer_id').execute();
  await db.schema.createIndex('refunds_created').on('refunds').columns(['created_at', 'status']).execute();

  // one row per refund to send; the idempotency key goes to billing so a resend after a crash is applied once
  await db.schema
    .createTable('billing_outbox')
    .addColumn('id', 'integer', t.id)
    .addColumn('refund_id', 'integer', (c) => c.notNull().references('refunds.id').unique())
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull().unique())
    // queued | sending | sent | failed
    .addColumn('state', 'varchar(12)', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.instant)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('sent_at', t.instant)
    .execute();
  await db.schema
    .createIndex('billing_outbox_due')
    .on('billing_outbox')
    .column('next_attempt_at')
    .where(sql.ref('next_attempt_at'), 'is not', null)
    .execute();

  // the demo's billing system: what the built-in ledger adapter credits
  await db.schema
    .createTable('billing_ledger')
    .addColumn('id', 'integer', t.id)
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('ticket_number', 'varchar(32)', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();

  // 质检: forms with weighted items, the sampled tickets, and inspections with their one appeal
  await db.schema
    .createTable('inspection_forms')
    .addColumn('id', 'integer', t.id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // JSON [{key, labelZh, labelEn, weight}]
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // a standard form to start from; administrators edit it or add their own
  await db
    .insertInto('inspection_forms')
    .values({
      name: '投诉处理质检标准 / Complaint handling standard',
      items: JSON.stringify([
        { key: 'courtesy', labelZh: '服务态度与礼貌用语', labelEn: 'Courtesy and manner', weight: 15 },
        { key: 'accuracy', labelZh: '业务解答准确', labelEn: 'Accurate answers', weight: 25 },
        { key: 'process', labelZh: '处理流程规范', labelEn: 'Standard handling process', weight: 25 },
        { key: 'timeliness', labelZh: '答复及时', labelEn: 'Timely answer', weight: 20 },
        { key: 'record', labelZh: '工单记录完整', labelEn: 'Complete ticket record', weight: 15 },
      ]),
      is_active: 1,
      version: 1,
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  await db.schema
    .createTable('inspection_samples')
    .addColumn('id', 'integer', t.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id'))
    .addColumn('agent_id', 'integer', (c) => c.references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    // ISO week, e.g. 2026-W48
    .addColumn('week', 'varchar(8)', (c) => c.notNull())
    // share | repeat | unsatisfied
    .addColumn('reason', 'varchar(12)', (c) => c.notNull())
    .addColumn('seed', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('inspection_samples_ticket_week', ['ticket_id', 'week'])
    .execute();
  await db.schema.createIndex('inspection_samples_week').on('inspection_samples').columns(['week', 'agent_id']).execute();
  await db.schema
    .createTable('inspections')
    .addColumn('id', 'integer', t.id)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').unique())
    .addColumn('form_id', 'integer', (c) => c.notNull().references('inspection_forms.id'))
    .addColumn('inspector_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('agent_id', 'integer', (c) => c.references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    // local month of the inspection, YYYY-MM
    .addColumn('month', 'varchar(7)', (c) => c.notNull())
    // JSON [{key, score}] and the weighted total in hundredths of a point (0–10000)
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    // scored | appealed | decided
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('appeal_reason', 'text')
    .addColumn('appealed_at', t.instant)
    .addColumn('decider_id', 'integer', (c) => c.references('users.id'))
    // upheld | revised
    .addColumn('decision', 'varchar(8)')
    .addColumn('decision_note', 'text')
    .addColumn('decided_items', 'text')
    .addColumn('final_score', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('decided_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('inspections_agent').on('inspections').columns(['agent_id', 'month']).execute();
  await db.schema.createIndex('inspections_month').on('inspections').columns(['month', 'unit_id']).execute();
};
