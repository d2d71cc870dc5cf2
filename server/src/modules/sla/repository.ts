import type { Selectable, Transaction, Updateable } from 'kysely';
import { claimRows, type Db } from '../../db/dialect.js';
import { updateVersioned } from '../../db/versioned.js';
import { insertNotifications } from '../notifications/index.js';
import type { Database, TicketTable } from '../../db/schema.js';
import type { BusinessCalendar, OpenHours } from './calendar.js';
import type { SlaPolicy } from './policy.js';

type Conn = Db['kysely'] | Transaction<Database>;

export interface CalendarRow {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  weekly: (OpenHours | null)[] | null;
  observesHolidays: boolean;
  version: number;
}

export interface HolidayRow {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface EscalationRuleRow {
  id: number;
  name: string;
  onState: 'overdue' | 'problem';
  categoryCode: string | null;
  raisePriority: boolean;
  reassignUnitId: number | null;
  isActive: boolean;
  version: number;
}

// What the sweep reads of a due ticket: its clocks and who is to be told.
export type DueTicket = Selectable<TicketTable>;

export function createSlaRepository(db: Db) {
  const k = db.kysely;

  const toCalendar = (r: Selectable<Database['calendars']>): CalendarRow => ({
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    weekly: r.weekly ? (JSON.parse(r.weekly) as (OpenHours | null)[]) : null,
    observesHolidays: r.observes_holidays === 1,
    version: r.version,
  });
  const toPolicy = (r: Selectable<Database['sla_policies']>): SlaPolicy & { version: number } => ({
    id: r.id,
    name: r.name,
    categoryCode: r.category_code,
    customerLevel: r.customer_level,
    priority: r.priority,
    replyMinutes: r.reply_minutes,
    problemMinutes: r.problem_minutes,
    warnPercent: r.warn_percent,
    answerMinutes: r.answer_minutes,
    isActive: r.is_active === 1,
    version: r.version,
  });
  const toRule = (r: Selectable<Database['escalation_rules']>): EscalationRuleRow => ({
    id: r.id,
    name: r.name,
    onState: r.on_state as EscalationRuleRow['onState'],
    categoryCode: r.category_code,
    raisePriority: r.raise_priority === 1,
    reassignUnitId: r.reassign_unit_id,
    isActive: r.is_active === 1,
    version: r.version,
  });

  return {
    connection: k as Conn,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    // policies
    listPolicies: async () => (await k.selectFrom('sla_policies').selectAll().orderBy('id').execute()).map(toPolicy),
    findPolicy: async (id: number) => {
      const r = await k.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toPolicy(r);
    },
    insertPolicy: async (row: Omit<Selectable<Database['sla_policies']>, 'id'>) =>
      (await k.insertInto('sla_policies').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updatePolicy: async (id: number, version: number, patch: Updateable<Database['sla_policies']>) =>
      updateVersioned(k, 'sla_policies', id, version, patch),
    deletePolicy: async (id: number) =>
      Number((await k.deleteFrom('sla_policies').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1,
    policyInUse: async (id: number) =>
      !!(await k.selectFrom('tickets').select('id').where('sla_policy_id', '=', id).limit(1).executeTakeFirst()),

    // calendars and the national holiday list
    listCalendars: async () => (await k.selectFrom('calendars').selectAll().orderBy('id').execute()).map(toCalendar),
    findCalendar: async (by: { id?: number; code?: string }) => {
      let q = k.selectFrom('calendars').selectAll();
      if (by.id !== undefined) q = q.where('id', '=', by.id);
      if (by.code !== undefined) q = q.where('code', '=', by.code);
      const r = await q.executeTakeFirst();
      return r && toCalendar(r);
    },
    insertCalendar: async (row: Omit<Selectable<Database['calendars']>, 'id'>) =>
      (await k.insertInto('calendars').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updateCalendar: async (id: number, version: number, patch: Updateable<Database['calendars']>) =>
      updateVersioned(k, 'calendars', id, version, patch),
    deleteCalendar: async (id: number) => {
      await k.deleteFrom('calendars').where('id', '=', id).execute();
    },
    calendarInUse: async (id: number) =>
      !!(await k.selectFrom('org_units').select('id').where('calendar_id', '=', id).limit(1).executeTakeFirst()),
    unitCalendarId: async (unitId: number) =>
      (await k.selectFrom('org_units').select('calendar_id').where('id', '=', unitId).executeTakeFirst())?.calendar_id ?? null,

    listHolidays: async (): Promise<HolidayRow[]> =>
      (await k.selectFrom('holidays').select(['date', 'kind', 'name']).orderBy('date').execute()) as HolidayRow[],
    putHoliday: async (h: HolidayRow, now: string) => {
      await k
        .insertInto('holidays')
        .values({ ...h, updated_at: now })
        .onConflict((oc) => oc.column('date').doUpdateSet({ kind: h.kind, name: h.name, updated_at: now }))
        .execute();
    },
    deleteHoliday: async (date: string) =>
      Number((await k.deleteFrom('holidays').where('date', '=', date).executeTakeFirst()).numDeletedRows) === 1,

    // escalation rules
    listRules: async () => (await k.selectFrom('escalation_rules').selectAll().orderBy('id').execute()).map(toRule),
    insertRule: async (row: Omit<Selectable<Database['escalation_rules']>, 'id'>) =>
      (await k.insertInto('escalation_rules').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updateRule: async (id: number, version: number, patch: Updateable<Database['escalation_rules']>) =>
      updateVersioned(k, 'escalation_rules', id, version, patch),
    deleteRule: async (id: number) =>
      Number((await k.deleteFrom('escalation_rules').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1,

    // the sweep
    async claimDue(trx: Conn, now: string, limit: number): Promise<DueTicket[]> {
      // two server processes never fire the same transition: each skips rows the other holds
      return claimRows(
        db.dialect,
        trx.selectFrom('tickets').selectAll().where('sla_next_at', '<=', now).orderBy('sla_next_at').limit(limit),
      ).execute();
    },
    async updateClocks(trx: Conn, id: number, columns: Updateable<TicketTable>, bumpVersion: boolean) {
      let q = trx.updateTable('tickets').set(columns).where('id', '=', id);
      if (bumpVersion) q = q.set((eb) => ({ version: eb('version', '+', 1) }));
      await q.execute();
    },
    async insertEvent(
      trx: Conn,
      e: { ticketId: number; action: string; status: string; data: Record<string, unknown>; unitId?: number | null; at: string },
    ) {
      await trx
        .insertInto('ticket_events')
        .values({
          ticket_id: e.ticketId,
          action: e.action,
          from_status: e.status,
          to_status: e.status,
          actor_id: null,
          unit_id: e.unitId ?? null,
          note: null,
          data: JSON.stringify(e.data),
          at: e.at,
        })
        .execute();
    },
    /** Active members of a unit and the supervisors of it and the units above it. */
    async peopleToTell(trx: Conn, unitId: number | null, alsoUserId: number | null): Promise<number[]> {
      const ids = new Set<number>();
      if (alsoUserId !== null) ids.add(alsoUserId);
      if (unitId !== null) {
        const members = await trx.selectFrom('users').select('id').where('unit_id', '=', unitId).where('is_active', '=', 1).execute();
        members.forEach((m) => ids.add(m.id));
        for (let u: number | null = unitId, depth = 0; u !== null && depth < 10; depth++) {
          const sup = await trx
            .selectFrom('users')
            .select('id')
            .where('unit_id', '=', u)
            .where('is_supervisor', '=', 1)
            .where('is_active', '=', 1)
            .execute();
          sup.forEach((s) => ids.add(s.id));
          u = (await trx.selectFrom('org_units').select('parent_id').where('id', '=', u).executeTakeFirst())?.parent_id ?? null;
        }
      }
      return [...ids];
    },
    insertNotifications,
    customerLevelOf: async (customerId: number) =>
      (await k.selectFrom('customers').select('level').where('id', '=', customerId).executeTakeFirst())?.level ?? 'normal',
  };
}
export type SlaRepository = ReturnType<typeof createSlaRepository>;

export function toBusinessCalendar(timeZone: string, cal: CalendarRow | undefined, holidays: HolidayRow[]): BusinessCalendar {
  if (!cal || cal.weekly === null) return { timeZone, weekly: null, holidays: [], workdays: [] };
  return {
    timeZone,
    weekly: cal.weekly,
    holidays: cal.observesHolidays ? holidays.filter((h) => h.kind === 'holiday').map((h) => h.date) : [],
    workdays: cal.observesHolidays ? holidays.filter((h) => h.kind === 'workday').map((h) => h.date) : [],
  };
}
