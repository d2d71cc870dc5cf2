import type { Kysely, Selectable, Transaction } from 'kysely';
import type { IncidentSettings } from '../../../../contracts/incidents.js';
import { shareRows, type Db } from '../../db/dialect.js';
import { updateVersioned } from '../../db/versioned.js';
import type { Database } from '../../db/schema.js';
import type { IncidentRuleTable } from './tables.js';

type Conn = Kysely<Database> | Transaction<Database>;
export type RuleRow = Selectable<IncidentRuleTable>;
export const INCIDENT_SETTINGS_KEY = 'incidents.settings';
export const defaultIncidentSettings: IncidentSettings = {
  smsLanguage: 'zh-CN',
  smsTemplateZh: '【客服中心】您反映的{area}{category}问题已处理完毕：{result}。如仍有问题请回复或致电10086。工单号{number}',
  smsTemplateEn:
    'Customer Service: the {category} problem you reported at {area} has been fixed: {result}. Reply or call 10086 if it persists. Ref {number}',
};

export function createIncidentRepository(db: Db) {
  const k = db.kysely;

  const incidentQuery = (c: Conn) =>
    c
      .selectFrom('incidents as i')
      .innerJoin('incident_rules as r', 'r.id', 'i.rule_id')
      .innerJoin('categories as cat', 'cat.code', 'i.category_code')
      .leftJoin('org_units as u', 'u.id', 'i.unit_id')
      .selectAll('i')
      .select([
        'r.name as rule_name',
        'r.threshold as rule_threshold',
        'r.window_minutes as rule_window_minutes',
        'cat.name_zh as category_name_zh',
        'cat.name_en as category_name_en',
        'u.code as unit_code',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
      ]);

  return {
    connection: k,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    // ---- rules ----
    activeRules: (c: Conn) => c.selectFrom('incident_rules').selectAll().where('is_active', '=', 1).orderBy('id').execute(),
    listRules: () => k.selectFrom('incident_rules').selectAll().orderBy('id').execute(),
    findRule: (id: number) => k.selectFrom('incident_rules').selectAll().where('id', '=', id).executeTakeFirst(),
    async insertRule(row: Omit<RuleRow, 'id'>): Promise<number> {
      return (await k.insertInto('incident_rules').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    async updateRule(id: number, version: number, patch: Partial<Omit<RuleRow, 'id' | 'version'>>): Promise<boolean> {
      return updateVersioned(k, 'incident_rules', id, version, patch);
    },

    // ---- windows: counted per (rule, area), one row each ----
    /**
     * Counts a complaint into its window. The upsert locks the window row until commit (PostgreSQL), so complaints of
     * one area are counted one after another and exactly one of them sees the threshold crossed.
     */
    async bumpWindow(trx: Conn, ruleId: number, areaKey: string, at: string) {
      return trx
        .insertInto('incident_windows')
        .values({ rule_id: ruleId, area_key: areaKey, incident_id: null, counted_from: null, hits: 1, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['rule_id', 'area_key']).doUpdateSet((eb) => ({ hits: eb('incident_windows.hits', '+', 1), updated_at: at })),
        )
        .returning(['incident_id', 'counted_from'])
        .executeTakeFirstOrThrow();
    },
    async insertHit(trx: Conn, ruleId: number, areaKey: string, ticketId: number, at: string) {
      await trx.insertInto('incident_hits').values({ rule_id: ruleId, area_key: areaKey, ticket_id: ticketId, at }).execute();
    },
    /** the complaints in the window, newest first, at most `limit`: an index range, whatever the history holds */
    async windowTickets(trx: Conn, ruleId: number, areaKey: string, since: string, limit: number): Promise<number[]> {
      const rows = await trx
        .selectFrom('incident_hits')
        .select('ticket_id')
        .where('rule_id', '=', ruleId)
        .where('area_key', '=', areaKey)
        .where('at', '>', since)
        .orderBy('at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.ticket_id);
    },
    async setWindowIncident(trx: Conn, ruleId: number, areaKey: string, incidentId: number | null, countedFrom: string | null) {
      await trx
        .updateTable('incident_windows')
        .set({ incident_id: incidentId, ...(countedFrom ? { counted_from: countedFrom } : {}) })
        .where('rule_id', '=', ruleId)
        .where('area_key', '=', areaKey)
        .execute();
    },

    // ---- incidents ----
    /** a new live incident, or undefined when one is live for this rule and area already (the unique live_key) */
    async insertIncident(
      trx: Conn,
      i: { ruleId: number; areaKey: string; areaLabel: string; areaLevel: string; categoryCode: string; at: string },
    ): Promise<number | undefined> {
      const r = await trx
        .insertInto('incidents')
        .values({
          rule_id: i.ruleId,
          area_key: i.areaKey,
          area_label: i.areaLabel,
          area_level: i.areaLevel,
          category_code: i.categoryCode,
          status: 'open',
          live_key: `${i.ruleId}|${i.areaKey}`,
          child_count: 0,
          opened_at: i.at,
          version: 1,
          updated_at: i.at,
        })
        .onConflict((oc) => oc.column('live_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return r?.id;
    },
    liveIncident: (trx: Conn, ruleId: number, areaKey: string) =>
      trx.selectFrom('incidents').select('id').where('live_key', '=', `${ruleId}|${areaKey}`).executeTakeFirst(),
    /** links the tickets not yet in any incident; returns the incident's new count */
    async link(
      trx: Conn,
      incidentId: number,
      ticketIds: number[],
      at: string,
    ): Promise<{ count: number; linked: number; status: string; unitId: number | null }> {
      const r = await trx
        .updateTable('tickets')
        .set({ incident_id: incidentId })
        .where('id', 'in', ticketIds)
        .where('incident_id', 'is', null)
        .executeTakeFirst();
      const linked = Number(r.numUpdatedRows);
      const i = await trx
        .updateTable('incidents')
        .set((eb) => ({ child_count: eb('child_count', '+', linked), updated_at: at }))
        .where('id', '=', incidentId)
        .returning(['child_count', 'status', 'unit_id'])
        .executeTakeFirstOrThrow();
      return { count: i.child_count, linked, status: i.status, unitId: i.unit_id };
    },
    /** the window's live incident, read without locking the window: a complaint joining a live incident waits on nobody */
    peekWindow: (trx: Conn, ruleId: number, areaKey: string) =>
      trx
        .selectFrom('incident_windows')
        .select('incident_id')
        .where('rule_id', '=', ruleId)
        .where('area_key', '=', areaKey)
        .executeTakeFirst(),
    /**
     * Joins the ticket to the incident if it is still live. The shared lock on the incident row keeps it live until this
     * commits (the desk's resolve or dismiss waits for the joiners, and they for it), without joiners waiting on each other.
     */
    async joinLive(trx: Conn, incidentId: number, ticketId: number): Promise<{ status: string; unitId: number | null } | null> {
      const i = await shareRows(
        db.dialect,
        trx.selectFrom('incidents').select(['status', 'unit_id']).where('id', '=', incidentId),
      ).executeTakeFirst();
      if (!i || (i.status !== 'open' && i.status !== 'confirmed')) return null;
      await trx
        .updateTable('tickets')
        .set({ incident_id: incidentId })
        .where('id', '=', ticketId)
        .where('incident_id', 'is', null)
        .execute();
      return { status: i.status, unitId: i.unit_id };
    },
    /** the count kept on the incident, from its children: after joins, which do not touch the incident row */
    recount: (id: number) =>
      k
        .updateTable('incidents')
        .set((eb) => ({
          child_count: eb
            .selectFrom('tickets')
            .select((e) => e.fn.countAll<number>().as('n'))
            .where('incident_id', '=', id),
        }))
        .where('id', '=', id)
        .returning(['child_count', 'status', 'unit_id'])
        .executeTakeFirst(),
    incidentStatus: (trx: Conn, id: number) => trx.selectFrom('incidents').select(['status']).where('id', '=', id).executeTakeFirst(),

    findIncident: (id: number, c: Conn = k) => incidentQuery(c).where('i.id', '=', id).executeTakeFirst(),
    listIncidents: (status: string | undefined, limit: number) => {
      let q = incidentQuery(k);
      if (status) q = q.where('i.status', '=', status);
      return q.orderBy('i.id', 'desc').limit(limit).execute();
    },
    async updateIncident(trx: Conn, id: number, version: number, patch: Record<string, unknown>): Promise<boolean> {
      return updateVersioned(trx, 'incidents', id, version, patch);
    },
    children: (id: number, c: Conn = k) =>
      c
        .selectFrom('tickets as t')
        .innerJoin('customers as cu', 'cu.id', 't.customer_id')
        .select(['t.id', 't.number', 't.status', 't.category_code', 't.is_repeat', 't.created_at', 't.customer_id', 'cu.phone'])
        .where('t.incident_id', '=', id)
        .orderBy('t.id')
        .execute(),
    firstChild: (id: number) =>
      k.selectFrom('tickets').select(['id', 'number']).where('incident_id', '=', id).orderBy('id').limit(1).executeTakeFirst(),

    // ---- settings ----
    async settings(c: Conn = k): Promise<IncidentSettings> {
      const r = await c.selectFrom('system_settings').select('value').where('key', '=', INCIDENT_SETTINGS_KEY).executeTakeFirst();
      return { ...defaultIncidentSettings, ...(r ? (JSON.parse(r.value) as Partial<IncidentSettings>) : {}) };
    },
    async saveSettings(s: IncidentSettings, at: string): Promise<void> {
      const value = JSON.stringify(s);
      await k
        .insertInto('system_settings')
        .values({ key: INCIDENT_SETTINGS_KEY, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
        .execute();
    },
  };
}
export type IncidentRepository = ReturnType<typeof createIncidentRepository>;
export type IncidentRow = NonNullable<Awaited<ReturnType<IncidentRepository['findIncident']>>>;
export type ChildRow = Awaited<ReturnType<IncidentRepository['children']>>[number];
