import { columnTypes, type MigrationUp } from './column-types.js';

// The SMS link: the customer's language for messages, the keywords of inbound commands and the templates of
// replies and notifications (both editable by administrators), each submitted part by the gateway's id (so a
// delivery receipt finds its message), and the inbound log (so a redelivered message is handled once).
export const up: MigrationUp = async (db, dialect) => {
  const t = columnTypes(dialect);
  await db.schema
    .alterTable('customers')
    .addColumn('language', 'varchar(8)', (c) => c.notNull().defaultTo('zh-CN'))
    .execute();

  await db.schema
    .createTable('sms_keywords')
    .addColumn('id', 'integer', t.id)
    .addColumn('command', 'varchar(16)', (c) => c.notNull())
    .addColumn('keyword', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sms_templates')
    .addColumn('key', 'varchar(32)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('sms_templates_pk', ['key', 'language'])
    .execute();

  await db.schema
    .createTable('sms_parts')
    .addColumn('gateway_id', 'varchar(72)', (c) => c.primaryKey())
    .addColumn('outbox_id', 'integer', (c) => c.notNull().references('sms_outbox.id'))
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sms_parts_outbox').on('sms_parts').column('outbox_id').execute();

  await db.schema
    .createTable('sms_inbound')
    .addColumn('id', 'integer', t.id)
    .addColumn('gateway_key', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('phone', 'varchar(21)', (c) => c.notNull())
    .addColumn('destination', 'varchar(21)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('command', 'varchar(16)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(32)')
    .addColumn('received_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sms_inbound_received').on('sms_inbound').column('received_at').execute();

  const now = new Date().toISOString();
  const keywords: [string, string][] = [
    ['progress', 'CX'],
    ['progress', '查询'],
    ['add_info', 'BC'],
    ['add_info', '补充'],
    ['file', 'TS'],
    ['file', '投诉'],
  ];
  await db
    .insertInto('sms_keywords')
    .values(keywords.map(([command, keyword]) => ({ command, keyword, created_at: now })))
    .execute();

  // {number} ticket number, {due} local due time, {answer} the answer given, {status} and {unit} where it stands
  const templates: [string, string, string][] = [
    [
      'accepted',
      '您的投诉已受理，工单号{number}，我们将在{due}前答复您。回复CX查询进度，回复“BC 内容”补充信息。',
      'Your complaint {number} has been accepted; we will answer by {due}. Reply CX for its progress, or BC followed by your text to add information.',
    ],
    [
      'replied',
      '您的投诉{number}已有处理部门的回复，客服将尽快答复您。回复CX查询进度。',
      'The department handling complaint {number} has replied; we will answer you shortly. Reply CX for its progress.',
    ],
    ['answered', '您的投诉{number}已答复：{answer}', 'Our answer to complaint {number}: {answer}'],
    // {when}: "预计11月25日 18:00前答复" / "answer due 25 Nov 18:00", or "we will answer soon" when no time is set yet
    ['progress', '投诉{number}：{status}，由{unit}处理，{when}。', 'Complaint {number}: {status}, with {unit}; {when}.'],
    [
      'help',
      '回复CX查询投诉进度；回复“BC 内容”补充投诉信息；回复“TS 内容”提出新投诉。',
      'Reply CX for the progress of your complaints; BC followed by your text to add information; TS followed by your text to file a new complaint.',
    ],
    [
      'no_open',
      '您目前没有处理中的投诉。回复“TS 内容”可提出新投诉。',
      'You have no open complaint. Reply TS followed by your text to file one.',
    ],
    ['info_added', '您的补充信息已加入投诉{number}，感谢！', 'Your information has been added to complaint {number}. Thank you.'],
    [
      'filed',
      '您的投诉已受理，工单号{number}，我们会尽快与您联系。',
      'Your complaint has been filed as {number}; we will be in touch soon.',
    ],
    ['survey_recorded', '感谢您的评价！', 'Thank you for your rating.'],
    ['survey_already', '您已评价过此投诉，感谢！', 'You have already rated this complaint. Thank you.'],
    ['survey_expired', '此次评价已截止，感谢您的关注。', 'This survey has closed. Thank you all the same.'],
    [
      'unavailable',
      '抱歉，暂时无法处理您的短信，请稍后再试或拨打10086。',
      'Sorry, we cannot handle your message now; please try again later or call 10086.',
    ],
  ];
  await db
    .insertInto('sms_templates')
    .values(
      templates.flatMap(([key, zh, en]) => [
        { key, language: 'zh-CN', text: zh, updated_at: now },
        { key, language: 'en', text: en, updated_at: now },
      ]),
    )
    .execute();
};
