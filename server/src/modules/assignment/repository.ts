import type { Selectable, Transaction } from 'kysely';
import { claimRows, type Db } from '../../db/dialect.js';
import { count, toIso } from '../../db/dialect.js';
import type { Database, TicketTable } from '../../db/schema.js';
import type { AssignmentMode, Presence } from './assignee.js';

type Conn = Db['kysely'] | Transaction<Database>;
const WITH_PERSON = ['dispatched', 'processing', 'suspended'];

export interface UnitAssignment {
  unitId: number;
  code: string;
  name: string;
  nameEn: string;
  mode: AssignmentMode;
  cap: number | null;
  takeTimeoutMinutes: number;
}

export interface MemberRow {
  userId: number;
  name: string;
  presence: Presence;
  lastAssignedAt: Date | null;
  open: number;
  waiting: number; // assigned, not yet taken
  skills: string[];
}

export function createAssignmentRepository(db: Db) {
  const k = db.kysely;
  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    async unit(by: { id?: number; code?: string }): Promise<UnitAssignment | undefined> {
      let q = k
        .selectFrom('org_units')
        .select(['id', 'code', 'name', 'name_en', 'assignment_mode', 'max_open_per_person', 'take_timeout_minutes']);
      if (by.id !== undefined) q = q.where('id', '=', by.id);
      if (by.code !== undefined) q = q.where('code', '=', by.code);
      const r = await q.executeTakeFirst();
      return (
        r && {
          unitId: r.id,
          code: r.code,
          name: r.name,
          nameEn: r.name_en,
          mode: r.assignment_mode as AssignmentMode,
          cap: r.max_open_per_person,
          takeTimeoutMinutes: r.take_timeout_minutes,
        }
      );
    },

    /** Active members of a unit with what they carry now. */
    async members(unitId: number, c: Conn = k): Promise<MemberRow[]> {
      const users = await c
        .selectFrom('users')
        .select(['id', 'display_name', 'presence', 'last_assigned_at'])
        .where('unit_id', '=', unitId)
        .where('is_active', '=', 1)
        .orderBy('id')
        .execute();
      if (users.length === 0) return [];
      const ids = users.map((u) => u.id);
      const [loads, skills] = await Promise.all([
        c
          .selectFrom('tickets')
          .select([
            'handling_user_id',
            (e) => e.fn.countAll().as('open'),
            (e) => e.fn.sum<number>(e.case().when('status', '=', 'dispatched').then(1).else(0).end()).as('waiting'),
          ])
          .where('handling_user_id', 'in', ids)
          .where('status', 'in', WITH_PERSON)
          .groupBy('handling_user_id')
          .execute(),
        c.selectFrom('user_skills').select(['user_id', 'category_code']).where('user_id', 'in', ids).execute(),
      ]);
      return users.map((u) => {
        const load = loads.find((l) => l.handling_user_id === u.id);
        return {
          userId: u.id,
          name: u.display_name,
          presence: u.presence as Presence,
          lastAssignedAt: u.last_assigned_at ? new Date(toIso(u.last_assigned_at)) : null,
          open: count(load?.open as number | undefined),
          waiting: count(load?.waiting),
          skills: skills.filter((s) => s.user_id === u.id).map((s) => s.category_code),
        };
      });
    },

    async markAssigned(userId: number, at: string) {
      await k.updateTable('users').set({ last_assigned_at: at }).where('id', '=', userId).execute();
    },

    async dueChecks(now: string, limit: number): Promise<Selectable<TicketTable>[]> {
      return k
        .selectFrom('tickets')
        .selectAll()
        .where('assign_check_at', '<=', now)
        .orderBy('assign_check_at')
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    /**
     * Lock the row only if it is still as it was read: another process that got there first changed
     * assign_check_at (or holds the lock), and this one then leaves it alone.
     */
    async claimUnchanged(trx: Conn, t: { id: number; assign_check_at: string | Date | null; version: number }): Promise<boolean> {
      const q = claimRows(
        db.dialect,
        trx
          .selectFrom('tickets')
          .select('id')
          .where('id', '=', t.id)
          .where('version', '=', t.version)
          .where('assign_check_at', '=', t.assign_check_at),
      );
      return !!(await q.executeTakeFirst());
    },

    async setAssignment(
      trx: Conn,
      ticketId: number,
      a: { userId: number | null; assignedAt: string | null; checkAt: string | null; bump: boolean },
    ) {
      let q = trx
        .updateTable('tickets')
        .set({ handling_user_id: a.userId, assigned_at: a.assignedAt, assign_check_at: a.checkAt })
        .where('id', '=', ticketId);
      if (a.bump) q = q.set((eb) => ({ version: eb('version', '+', 1) }));
      await q.execute();
    },

    async insertEvent(
      trx: Conn,
      e: { ticketId: number; action: string; status: string; actorId: number | null; data: Record<string, unknown>; at: string },
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
          note: null,
          data: JSON.stringify(e.data),
          at: e.at,
        })
        .execute();
    },

    async setPresence(userId: number, presence: Presence) {
      await k.updateTable('users').set({ presence }).where('id', '=', userId).execute();
    },

    /** Orders waiting for this person to take them are looked at again now. */
    async recheckWaitingFor(userId: number, now: string) {
      await k
        .updateTable('tickets')
        .set({ assign_check_at: now })
        .where('handling_user_id', '=', userId)
        .where('status', '=', 'dispatched')
        .execute();
    },

    async ticket(id: number) {
      return k.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async user(id: number) {
      return k.selectFrom('users').select(['id', 'display_name', 'unit_id', 'is_active']).where('id', '=', id).executeTakeFirst();
    },
  };
}
export type AssignmentRepository = ReturnType<typeof createAssignmentRepository>;
