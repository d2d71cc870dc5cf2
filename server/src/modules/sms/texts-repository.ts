import { toIso, type Db } from '../../db/dialect.js';
import type { Conn } from './repository.js';

// Keywords of inbound commands and templates of outgoing texts, both edited by administrators.
export function createSmsTextsRepository({ kysely: db, transaction }: Db) {
  return {
    async keywords() {
      return db.selectFrom('sms_keywords').select(['id', 'command', 'keyword']).orderBy('command').orderBy('id').execute();
    },
    async keywordByText(keyword: string) {
      return db.selectFrom('sms_keywords').select('id').where('keyword', '=', keyword).executeTakeFirst();
    },
    async addKeyword(command: string, keyword: string, at: Date) {
      return db
        .insertInto('sms_keywords')
        .values({ command, keyword, created_at: at.toISOString() })
        .onConflict((oc) => oc.column('keyword').doNothing())
        .returning(['id', 'command', 'keyword'])
        .executeTakeFirst();
    },
    async keywordById(id: number) {
      return db.selectFrom('sms_keywords').select(['id', 'command', 'keyword']).where('id', '=', id).executeTakeFirst();
    },
    async deleteKeyword(id: number) {
      await db.deleteFrom('sms_keywords').where('id', '=', id).execute();
    },
    async templates() {
      const rows = await db.selectFrom('sms_templates').selectAll().orderBy('key').orderBy('language').execute();
      return rows.map((r) => ({ key: r.key, language: r.language, text: r.text, updatedAt: toIso(r.updated_at) }));
    },
    async template(key: string, language: string, c: Conn = db) {
      return (await c.selectFrom('sms_templates').select('text').where('key', '=', key).where('language', '=', language).executeTakeFirst())
        ?.text;
    },
    async putTemplate(key: string, language: string, text: string, at: Date) {
      const r = await db
        .updateTable('sms_templates')
        .set({ text, updated_at: at.toISOString() })
        .where('key', '=', key)
        .where('language', '=', language)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async customerByPhone(phone: string, c: Conn = db) {
      return c.selectFrom('customers').select(['id', 'language']).where('phone', '=', phone).executeTakeFirst();
    },
    /** false when this message was handled before (the gateway delivered it again) */
    async logInbound(row: { gateway_key: string; phone: string; destination: string; text: string; command: string; received_at: string }) {
      const r = await db
        .insertInto('sms_inbound')
        .values({ ...row, outcome: null })
        .onConflict((oc) => oc.column('gateway_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id ?? null;
    },
    async setInboundOutcome(c: Conn, id: number, outcome: string) {
      await c.updateTable('sms_inbound').set({ outcome }).where('id', '=', id).execute();
    },
    async recordContact(c: Conn, row: { customer_id: number | null; phone: string; ticket_id: number | null; at: string }) {
      await c
        .insertInto('customer_contacts')
        .values({ ...row, channel: 'sms', kind: 'self_service_query' })
        .execute();
    },
    async ticketIdByNumber(number: string) {
      return (await db.selectFrom('tickets').select('id').where('number', '=', number).executeTakeFirst())?.id ?? null;
    },
    async inboundFrom(phone: string, limit: number) {
      const rows = await db.selectFrom('sms_inbound').selectAll().where('phone', '=', phone).orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ ...r, received_at: toIso(r.received_at) }));
    },
    transaction: <T>(fn: (trx: Conn) => Promise<T>) => transaction(fn),
  };
}
export type SmsTextsRepository = ReturnType<typeof createSmsTextsRepository>;
