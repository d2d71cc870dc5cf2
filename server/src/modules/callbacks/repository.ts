import type { Selectable, Transaction, Updateable } from 'kysely';
import { count, toIso, toIsoOrNull, type Db } from '../../db/dialect.js';
import { updateVersioned } from '../../db/versioned.js';
import type { Database } from '../../db/schema.js';
import type { OpenHours } from '../sla/index.js';
import type { CallbackTable, SkillGroupTable } from './tables.js';

type Conn = Db['kysely'] | Transaction<Database>;

export interface CallbackRow {
  id: number;
  groupId: number;
  groupCode: string;
  groupName: string;
  groupNameEn: string;
  retryAttempts: number;
  customerPhone: string;
  customerName: string | null;
  ticketId: number | null;
  ticketNumber: string | null;
  topic: string;
  notes: string | null;
  language: string;
  state: string;
  attempts: number;
  dueAt: string;
  bookedBy: { id: number; displayName: string };
  takenBy: { id: number; displayName: string } | null;
  createdAt: string;
  closedAt: string | null;
  version: number;
}

export interface AttemptRow {
  callbackId: number;
  attempt: number;
  outcome: string;
  note: string | null;
  actor: { id: number; displayName: string };
  at: string;
}

export function createCallbackRepository(db: Db) {
  const k = db.kysely;

  const callbackQuery = (c: Conn) =>
    c
      .selectFrom('callbacks as cb')
      .innerJoin('skill_groups as g', 'g.id', 'cb.skill_group_id')
      .innerJoin('users as b', 'b.id', 'cb.booked_by')
      .leftJoin('users as tk', 'tk.id', 'cb.taken_by')
      .leftJoin('tickets as t', 't.id', 'cb.ticket_id')
      .leftJoin('customers as cu', 'cu.id', 'cb.customer_id')
      .select([
        'cb.id',
        'cb.skill_group_id',
        'g.code as group_code',
        'g.name as group_name',
        'g.name_en as group_name_en',
        'g.retry_attempts',
        'cb.customer_phone',
        'cu.name as customer_name',
        'cb.ticket_id',
        't.number as ticket_number',
        'cb.topic',
        'cb.notes',
        'cb.language',
        'cb.state',
        'cb.attempts',
        'cb.due_at',
        'cb.booked_by',
        'b.display_name as booked_by_name',
        'cb.taken_by',
        'tk.display_name as taken_by_name',
        'cb.created_at',
        'cb.closed_at',
        'cb.version',
      ]);
  type Raw = Awaited<ReturnType<ReturnType<typeof callbackQuery>['executeTakeFirstOrThrow']>>;
  const toCallback = (r: Raw): CallbackRow => ({
    id: r.id,
    groupId: r.skill_group_id,
    groupCode: r.group_code,
    groupName: r.group_name,
    groupNameEn: r.group_name_en,
    retryAttempts: r.retry_attempts,
    customerPhone: r.customer_phone,
    customerName: r.customer_name ?? null,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number ?? null,
    topic: r.topic,
    notes: r.notes,
    language: r.language,
    state: r.state,
    attempts: r.attempts,
    dueAt: toIso(r.due_at),
    bookedBy: { id: r.booked_by, displayName: r.booked_by_name },
    takenBy: r.taken_by !== null ? { id: r.taken_by, displayName: r.taken_by_name ?? '' } : null,
    createdAt: toIso(r.created_at),
    closedAt: toIsoOrNull(r.closed_at),
    version: r.version,
  });

  return {
    kysely: k,
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    // skill groups
    listGroups: () => k.selectFrom('skill_groups').selectAll().orderBy('code').execute(),
    findGroup: (by: { id?: number; code?: string }) => {
      let q = k.selectFrom('skill_groups').selectAll();
      if (by.id !== undefined) q = q.where('id', '=', by.id);
      if (by.code !== undefined) q = q.where('code', '=', by.code);
      return q.executeTakeFirst();
    },
    membersOf: async (groupIds: number[]) => {
      if (groupIds.length === 0) return [];
      return k
        .selectFrom('skill_group_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.skill_group_id', 'u.id', 'u.display_name'])
        .where('m.skill_group_id', 'in', groupIds)
        .orderBy('u.id')
        .execute();
    },
    isMember: async (groupId: number, userId: number) =>
      !!(await k
        .selectFrom('skill_group_members')
        .select('user_id')
        .where('skill_group_id', '=', groupId)
        .where('user_id', '=', userId)
        .executeTakeFirst()),
    hasMembers: async (groupId: number) =>
      !!(await k.selectFrom('skill_group_members').select('user_id').where('skill_group_id', '=', groupId).limit(1).executeTakeFirst()),
    existingUserIds: async (ids: number[]) =>
      ids.length === 0 ? [] : (await k.selectFrom('users').select('id').where('id', 'in', ids).execute()).map((r) => r.id),
    insertGroup: async (trx: Conn, row: Omit<Selectable<SkillGroupTable>, 'id' | 'version' | 'is_active'>) =>
      (await trx.insertInto('skill_groups').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updateGroup: async (trx: Conn, id: number, version: number, patch: Updateable<SkillGroupTable>) =>
      updateVersioned(trx, 'skill_groups', id, version, patch),
    setMembers: async (trx: Conn, groupId: number, userIds: number[]) => {
      await trx.deleteFrom('skill_group_members').where('skill_group_id', '=', groupId).execute();
      if (userIds.length > 0)
        await trx
          .insertInto('skill_group_members')
          .values(userIds.map((user_id) => ({ skill_group_id: groupId, user_id })))
          .execute();
    },

    // the calendar a skill group names, and the national holiday list (SLA tables)
    findCalendar: async (by: { id?: number; code?: string }) => {
      let q = k.selectFrom('calendars').select(['id', 'code', 'weekly', 'observes_holidays']);
      if (by.id !== undefined) q = q.where('id', '=', by.id);
      if (by.code !== undefined) q = q.where('code', '=', by.code);
      const r = await q.executeTakeFirst();
      return (
        r && {
          id: r.id,
          code: r.code,
          weekly: r.weekly ? (JSON.parse(r.weekly) as (OpenHours | null)[]) : null,
          observesHolidays: r.observes_holidays === 1,
        }
      );
    },
    nationalDays: async () => {
      const rows = await k.selectFrom('holidays').select(['date', 'kind']).execute();
      return {
        holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
        workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.date),
      };
    },

    // who and what a booking refers to
    customerByPhone: (phone: string) => k.selectFrom('customers').select(['id', 'name']).where('phone', '=', phone).executeTakeFirst(),
    /** what the live stream says of a ticket whose timeline changed */
    ticketHeadline: (id: number) =>
      k.selectFrom('tickets').select(['id', 'number', 'status', 'handling_unit_id']).where('id', '=', id).executeTakeFirst(),
    ticketByNumber: (number: string) =>
      k.selectFrom('tickets').select(['id', 'number', 'status', 'customer_id']).where('number', '=', number).executeTakeFirst(),

    // callbacks
    insertCallback: async (
      trx: Conn,
      row: Omit<Selectable<CallbackTable>, 'id' | 'version' | 'attempts' | 'language'> & { language: string },
    ) => (await trx.insertInto('callbacks').values(row).returning('id').executeTakeFirstOrThrow()).id,
    findCallback: async (c: Conn, id: number) => {
      const r = await callbackQuery(c).where('cb.id', '=', id).executeTakeFirst();
      return r && toCallback(r);
    },
    listCallbacks: async (f: { groupId?: number; states: string[]; ticketId?: number; limit: number }) => {
      let q = callbackQuery(k).where('cb.state', 'in', f.states);
      if (f.groupId !== undefined) q = q.where('cb.skill_group_id', '=', f.groupId);
      if (f.ticketId !== undefined) q = q.where('cb.ticket_id', '=', f.ticketId);
      return (await q.orderBy('cb.due_at').orderBy('cb.id').limit(f.limit).execute()).map(toCallback);
    },
    countOpen: async (groupId: number) =>
      count(
        (
          await k
            .selectFrom('callbacks')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('skill_group_id', '=', groupId)
            .where('state', 'in', ['open', 'taken'])
            .executeTakeFirstOrThrow()
        ).n as string | number,
      ),
    updateCallback: async (trx: Conn, id: number, version: number, patch: Updateable<CallbackTable>) =>
      updateVersioned(trx, 'callbacks', id, version, patch),
    insertAttempt: (
      trx: Conn,
      a: { callbackId: number; attempt: number; outcome: string; note: string | null; actorId: number; at: string },
    ) =>
      trx
        .insertInto('callback_attempts')
        .values({ callback_id: a.callbackId, attempt: a.attempt, outcome: a.outcome, note: a.note, actor_id: a.actorId, at: a.at })
        .execute(),
    attemptsOf: async (callbackIds: number[]): Promise<AttemptRow[]> => {
      if (callbackIds.length === 0) return [];
      const rows = await k
        .selectFrom('callback_attempts as a')
        .innerJoin('users as u', 'u.id', 'a.actor_id')
        .select(['a.callback_id', 'a.attempt', 'a.outcome', 'a.note', 'a.actor_id', 'u.display_name', 'a.at'])
        .where('a.callback_id', 'in', callbackIds)
        .orderBy('a.callback_id')
        .orderBy('a.attempt')
        .execute();
      return rows.map((r) => ({
        callbackId: r.callback_id,
        attempt: r.attempt,
        outcome: r.outcome,
        note: r.note,
        actor: { id: r.actor_id, displayName: r.display_name },
        at: toIso(r.at),
      }));
    },

    // the customer's ticket's timeline: an event of its own kind, append-only like every other
    appendTicketEvent: (
      trx: Conn,
      e: { ticketId: number; actorId: number; note: string | null; data: Record<string, unknown>; at: string },
    ) =>
      trx
        .insertInto('ticket_events')
        .values({
          ticket_id: e.ticketId,
          action: 'callback',
          from_status: null,
          to_status: null,
          actor_id: e.actorId,
          unit_id: null,
          note: e.note,
          data: JSON.stringify(e.data),
          at: e.at,
        })
        .execute(),
  };
}
export type CallbackRepository = ReturnType<typeof createCallbackRepository>;
