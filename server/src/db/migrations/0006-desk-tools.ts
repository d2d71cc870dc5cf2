import { sql } from 'kysely';
import { columnTypes, type MigrationUp } from './column-types.js';

// The complaint desk's tools: specialist skill groups and their callback queue, reply templates, and the
// knowledge base (published cases and business operations' articles) with a substring search index per database.
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('skill_groups')
    .addColumn('id', 'integer', t.id)
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    // NULL: every day 9:00–22:00, closed on public holidays
    .addColumn('calendar_id', 'integer', (c) => c.references('calendars.id'))
    .addColumn('retry_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('retry_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('skill_group_members')
    .addColumn('skill_group_id', 'integer', (c) => c.notNull().references('skill_groups.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('skill_group_members_pk', ['skill_group_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('callbacks')
    .addColumn('id', 'integer', t.id)
    .addColumn('skill_group_id', 'integer', (c) => c.notNull().references('skill_groups.id'))
    .addColumn('customer_phone', 'varchar(20)', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('topic', 'varchar(200)', (c) => c.notNull())
    .addColumn('notes', 'text')
    // the language of the SMS sent when every attempt failed: zh-CN | en
    .addColumn('language', 'varchar(8)', (c) => c.notNull().defaultTo('zh-CN'))
    // open (waiting in the queue) | taken (a specialist is calling) | solved | ticketed | unreached
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', t.instant, (c) => c.notNull())
    .addColumn('booked_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('taken_by', 'integer', (c) => c.references('users.id'))
    .addColumn('taken_at', t.instant)
    .addColumn('closed_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callbacks_queue').on('callbacks').columns(['skill_group_id', 'state', 'due_at']).execute();
  await db.schema.createIndex('callbacks_ticket').on('callbacks').column('ticket_id').execute();

  await db.schema
    .createTable('callback_attempts')
    .addColumn('id', 'integer', t.id)
    .addColumn('callback_id', 'integer', (c) => c.notNull().references('callbacks.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    // reached_solved | reached_ticket | no_answer
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callback_attempts_callback').on('callback_attempts').column('callback_id').execute();

  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'integer', t.id)
    // NULL: for every category; a first-level code (2 digits) covers its children
    .addColumn('category_code', 'varchar(8)', (c) => c.references('categories.code'))
    // first_answer | progress | final_answer | sms
    .addColumn('situation', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reply_templates_category').on('reply_templates').columns(['category_code', 'situation']).execute();

  // Cases (a resolved ticket, personal data removed, reviewed by the desk) and articles (business operations) share
  // one table so one index searches both.
  await db.schema
    .createTable('knowledge_entries')
    .addColumn('id', 'integer', t.id)
    // case | article
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    // draft | proposed | published | rejected | archived
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('category_code', 'varchar(8)', (c) => c.references('categories.code'))
    .addColumn('source_ticket_id', 'integer', (c) => c.references('tickets.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('reviewer_id', 'integer', (c) => c.references('users.id'))
    .addColumn('review_note', 'text')
    .addColumn('published_at', t.instant)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_entries_status').on('knowledge_entries').columns(['kind', 'status']).execute();
  await db.schema.createIndex('knowledge_entries_ticket').on('knowledge_entries').column('source_ticket_id').execute();

  if (dialect === 'postgres') {
    // Installed once per database, in public, so every schema (and each test's own schema) finds it qualified as
    // public.*; the advisory lock keeps two migrating processes from racing on CREATE EXTENSION.
    await sql`select pg_advisory_xact_lock(7300006)`.execute(db);
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
    // fastupdate off: entries are written a few a day and read all day; a pending list would make the planner
    // price the index above a sequential scan until the next vacuum
    await sql`create index knowledge_entries_trgm on knowledge_entries using gin ((title || ' ' || body) public.gin_trgm_ops) with (fastupdate = off)`.execute(
      db,
    );
  } else {
    // trigram tokens make any substring of 3+ characters findable, Chinese included, without word segmentation
    await sql`create virtual table knowledge_fts using fts5(title, body, content='knowledge_entries', content_rowid='id', tokenize='trigram')`.execute(
      db,
    );
    await sql`create trigger knowledge_fts_ai after insert on knowledge_entries begin
      insert into knowledge_fts(rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
    await sql`create trigger knowledge_fts_ad after delete on knowledge_entries begin
      insert into knowledge_fts(knowledge_fts, rowid, title, body) values ('delete', old.id, old.title, old.body); end`.execute(db);
    await sql`create trigger knowledge_fts_au after update of title, body on knowledge_entries begin
      insert into knowledge_fts(knowledge_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
      insert into knowledge_fts(rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
  }

  // the data-service specialists of DOMAIN.md §8 (members are added by an administrator), and one general reply
  // template per situation for administrators to adapt
  const now = new Date().toISOString();
  await db
    .insertInto('skill_groups')
    .values({ code: 'DATA', name: '数据业务专席', name_en: 'Data services', created_at: now, updated_at: now })
    .execute();
  const general = (situation: string, name: string, body: string) => ({
    category_code: null,
    situation,
    name,
    body,
    created_at: now,
    updated_at: now,
  });
  await db
    .insertInto('reply_templates')
    .values([
      general('first_answer', '通用受理答复', '{customerName}您好，您反映的问题已受理，工单号{ticketNumber}，我们将于{dueAt}前给您答复。'),
      general('progress', '通用进度答复', '{customerName}您好，您的工单{ticketNumber}正在处理中，我们将于{dueAt}前答复您处理结果。'),
      general(
        'final_answer',
        '通用最终答复',
        '{customerName}您好，关于您反映的问题（工单号{ticketNumber}），处理结果如下：{result}。感谢您的理解与支持。',
      ),
      general('sms', '通用短信', '【客服中心】{customerName}您好，您的工单{ticketNumber}已处理：{result}。如有疑问请拨打10086。'),
    ])
    .execute();
};
