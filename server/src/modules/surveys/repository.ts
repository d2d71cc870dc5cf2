import type { Kysely, Selectable, Transaction } from 'kysely';
import { toIso, toIsoOrNull, type Db } from '../../db/dialect.js';
import type { Database, SurveyTable } from '../../db/schema.js';
import type { Revisit, RevisitOutcome, Survey } from '../../../../contracts/surveys.js';
import { parseSurveySettings, SURVEY_SETTINGS_KEY } from './settings.js';
import type { SurveySettings } from '../../../../contracts/surveys.js';

type Conn = Kysely<Database> | Transaction<Database>;
export type SurveyRow = Selectable<SurveyTable>;

export const surveyView = (r: SurveyRow): Survey => ({
  id: r.id,
  ticketId: r.ticket_id,
  channel: r.channel as Survey['channel'],
  status: r.status as Survey['status'],
  score: r.score,
  comment: r.comment,
  answeredVia: r.answered_via as Survey['answeredVia'],
  sentAt: toIso(r.sent_at),
  answeredAt: toIsoOrNull(r.answered_at),
  expiresAt: toIso(r.expires_at),
});

export function createSurveyRepository(db: Db) {
  const k = db.kysely;
  return {
    connection: k,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    async settings(c: Conn = k): Promise<SurveySettings> {
      const r = await c.selectFrom('system_settings').select('value').where('key', '=', SURVEY_SETTINGS_KEY).executeTakeFirst();
      return parseSurveySettings(r?.value);
    },
    async saveSettings(s: SurveySettings, at: string): Promise<void> {
      const value = JSON.stringify(s);
      await k
        .insertInto('system_settings')
        .values({ key: SURVEY_SETTINGS_KEY, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
        .execute();
    },

    customerContact: (c: Conn, customerId: number) =>
      c.selectFrom('customers').select(['phone', 'language']).where('id', '=', customerId).executeTakeFirst(),

    /** the survey row for this ticket, created once; null when it already existed (a ticket closed again) */
    async createOnce(
      trx: Transaction<Database>,
      s: { ticketId: number; customerId: number; channel: 'sms' | 'web'; at: string; expiresAt: string },
      replyCodeFor: (id: number) => string,
    ): Promise<{ id: number; replyCode: string } | null> {
      const r = await trx
        .insertInto('surveys')
        .values({ ticket_id: s.ticketId, customer_id: s.customerId, channel: s.channel, sent_at: s.at, expires_at: s.expiresAt })
        .onConflict((oc) => oc.column('ticket_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!r) return null;
      const replyCode = replyCodeFor(r.id);
      await trx.updateTable('surveys').set({ reply_code: replyCode }).where('id', '=', r.id).execute();
      return { id: r.id, replyCode };
    },

    byTicket: (ticketId: number, c: Conn = k) => c.selectFrom('surveys').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst(),
    byReplyCode: (code: string) =>
      k
        .selectFrom('surveys as s')
        .innerJoin('customers as c', 'c.id', 's.customer_id')
        .selectAll('s')
        .select('c.phone')
        .where('s.reply_code', '=', code)
        .executeTakeFirst(),

    async expire(trx: Transaction<Database>, id: number): Promise<void> {
      await trx.updateTable('surveys').set({ status: 'expired' }).where('id', '=', id).where('status', '=', 'pending').execute();
    },
    /** records the answer if the survey is still pending; false when someone answered first */
    async recordAnswer(
      trx: Transaction<Database>,
      id: number,
      a: { score: number; comment: string | null; via: string; at: string },
    ): Promise<boolean> {
      const r = await trx
        .updateTable('surveys')
        .set({ status: 'answered', score: a.score, comment: a.comment, answered_via: a.via, answered_at: a.at })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    ticketFacts: (ticketId: number, c: Conn = k) =>
      c.selectFrom('tickets').select(['id', 'number', 'owner_id', 'status']).where('id', '=', ticketId).executeTakeFirst(),

    async insertRevisit(
      trx: Transaction<Database>,
      r: { ticketId: number; surveyId: number; ownerId: number | null; score: number; at: string },
    ) {
      await trx
        .insertInto('revisits')
        .values({ ticket_id: r.ticketId, survey_id: r.surveyId, owner_id: r.ownerId, score: r.score, created_at: r.at })
        .execute();
    },

    async insertEvent(
      trx: Transaction<Database>,
      e: { ticketId: number; action: string; status: string; actorId: number | null; note: string | null; data: object; at: string },
    ) {
      await trx
        .insertInto('ticket_events')
        .values({
          ticket_id: e.ticketId,
          action: e.action,
          from_status: e.status,
          to_status: e.status,
          actor_id: e.actorId,
          unit_id: null,
          note: e.note,
          data: JSON.stringify(e.data),
          at: e.at,
        })
        .execute();
    },

    async listRevisits(f: { ownerId?: number; status?: 'open' | 'done'; id?: number }): Promise<Revisit[]> {
      let q = k
        .selectFrom('revisits as r')
        .innerJoin('tickets as t', 't.id', 'r.ticket_id')
        .innerJoin('surveys as s', 's.id', 'r.survey_id')
        .leftJoin('users as u', 'u.id', 'r.owner_id')
        .select([
          'r.id',
          'r.ticket_id',
          't.number',
          't.status as ticket_status',
          't.category_code',
          'r.owner_id',
          'u.display_name',
          'r.score',
          's.comment',
          'r.status',
          'r.outcome',
          'r.note',
          'r.reopened',
          'r.created_at',
          'r.done_at',
        ])
        .orderBy('r.status', 'desc')
        .orderBy('r.created_at', 'asc')
        .orderBy('r.id', 'asc')
        .limit(500);
      if (f.ownerId !== undefined) q = q.where('r.owner_id', '=', f.ownerId);
      if (f.status) q = q.where('r.status', '=', f.status);
      if (f.id !== undefined) q = q.where('r.id', '=', f.id);
      const rows = await q.execute();
      return rows.map((r) => ({
        id: r.id,
        ticket: { id: r.ticket_id, number: r.number, status: r.ticket_status, categoryCode: r.category_code },
        owner: r.owner_id !== null ? { id: r.owner_id, name: r.display_name ?? '' } : null,
        score: r.score,
        comment: r.comment,
        status: r.status as Revisit['status'],
        outcome: r.outcome as RevisitOutcome | null,
        note: r.note,
        reopened: r.reopened === 1,
        createdAt: toIso(r.created_at),
        doneAt: toIsoOrNull(r.done_at),
      }));
    },
    revisit: (id: number) => k.selectFrom('revisits').selectAll().where('id', '=', id).executeTakeFirst(),

    async completeRevisit(
      trx: Transaction<Database>,
      id: number,
      d: { outcome: RevisitOutcome; note: string; reopened: boolean; by: number; at: string },
    ): Promise<boolean> {
      const r = await trx
        .updateTable('revisits')
        .set({ status: 'done', outcome: d.outcome, note: d.note, reopened: d.reopened ? 1 : 0, done_by: d.by, done_at: d.at })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
export type SurveyRepository = ReturnType<typeof createSurveyRepository>;
