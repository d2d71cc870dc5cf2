import type { Selectable } from 'kysely';
import type { Clock } from '../../clock.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import type { TicketTable } from '../../db/schema.js';
import { AppError, forbidden, notFound, unprocessable } from '../../errors.js';
import type { Actor } from '../auth/index.js';
import { chooseAssignee, isAvailable, type Member, type Presence } from './assignee.js';
import type { AssignmentRepository, MemberRow, UnitAssignment } from './repository.js';

const MINUTE = 60_000;
const BATCH = 200;
// while nobody is free, look again this often (or at the next opening, when the unit is closed)
const RETRY_MS = 5 * MINUTE;

export interface Duty {
  isOpen(unitId: number, at: Date): Promise<boolean>;
  nextOpening(unitId: number, at: Date): Promise<Date>;
}

export interface Arrival {
  handling_user_id: number | null;
  assigned_at: string | null;
  assign_check_at: string | null;
  assignedTo: { id: number; name: string } | null;
}

const asMembers = (rows: MemberRow[], onDuty: boolean): (Member & { name: string })[] => rows.map((r) => ({ ...r, onDuty }));

// Fair automatic assignment inside a unit (push), or none (pull); and the sweep that takes back an order nobody took
// in time or whose assignee left, and gives it to someone else, each with an event.
export function createAssignmentService(deps: {
  repo: AssignmentRepository;
  clock: Clock;
  duty: Duty;
  /** told after an assignment changed, so the unit's and the people's screens refresh */
  onChange: (change: { ticketId: number; number: string; status: string; unitIds: number[]; userIds: number[] }) => void;
  onPresence?: (userId: number) => void;
}) {
  const { repo, clock, duty } = deps;

  async function pick(unit: UnitAssignment, categoryCode: string, at: Date, exclude: number | null) {
    const onDuty = await duty.isOpen(unit.unitId, at);
    const members = asMembers(await repo.members(unit.unitId), onDuty).filter((m) => m.userId !== exclude);
    const chosen = chooseAssignee(members, unit.mode, unit.cap, categoryCode) as (Member & { name: string }) | null;
    const retryAt = onDuty ? new Date(at.getTime() + RETRY_MS) : await duty.nextOpening(unit.unitId, at);
    return { chosen, retryAt };
  }

  // Decide outside any transaction (lookups), then apply only if the row is still as read: exactly once,
  // whichever process gets there first.
  async function recheck(t: Selectable<TicketTable>, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const unit = t.handling_unit_id === null ? undefined : await repo.unit({ id: t.handling_unit_id });
    type Plan = {
      userId: number | null;
      assignedAt: string | null;
      checkAt: string | null;
      bump: boolean;
      events: { action: string; data: Record<string, unknown> }[];
    };
    let plan: Plan;
    if (t.status !== 'dispatched' || !unit || unit.mode === 'pull') {
      plan = { userId: t.handling_user_id, assignedAt: null, checkAt: null, bump: false, events: [] };
    } else {
      const onDuty = await duty.isOpen(unit.unitId, now);
      const events: Plan['events'] = [];
      let previous: number | null = null;
      if (t.handling_user_id !== null) {
        const me = asMembers(await repo.members(unit.unitId), onDuty).find((m) => m.userId === t.handling_user_id);
        const due = t.assigned_at ? new Date(toIso(t.assigned_at)).getTime() + unit.takeTimeoutMinutes * MINUTE : now.getTime();
        if (me && isAvailable({ ...me, open: 0 }, null) && due > now.getTime()) {
          plan = {
            userId: t.handling_user_id,
            assignedAt: toIsoOrNull(t.assigned_at),
            checkAt: new Date(due).toISOString(),
            bump: false,
            events,
          };
          return apply(t, plan);
        }
        const reason = !me ? 'left_unit' : me.presence !== 'online' ? me.presence : !onDuty ? 'off_duty' : 'not_taken';
        events.push({ action: 'unassign', data: { userId: t.handling_user_id, reason } });
        previous = t.handling_user_id;
      }
      const { chosen, retryAt } = await pick(unit, t.category_code, now, previous);
      if (chosen) {
        events.push({ action: 'assign', data: { userId: chosen.userId, userName: chosen.name, mode: unit.mode } });
        plan = {
          userId: chosen.userId,
          assignedAt: at,
          checkAt: new Date(now.getTime() + unit.takeTimeoutMinutes * MINUTE).toISOString(),
          bump: true,
          events,
        };
      } else {
        plan = { userId: null, assignedAt: null, checkAt: retryAt.toISOString(), bump: previous !== null, events };
      }
    }
    return apply(t, plan);

    async function apply(row: Selectable<TicketTable>, p: Plan): Promise<boolean> {
      const applied = await repo.transaction(async (trx) => {
        if (!(await repo.claimUnchanged(trx, row))) return false;
        await repo.setAssignment(trx, row.id, p);
        for (const e of p.events)
          await repo.insertEvent(trx, { ticketId: row.id, action: e.action, status: row.status, actorId: null, data: e.data, at });
        return true;
      });
      if (!applied || p.events.length === 0) return false;
      const assigned = p.events.find((e) => e.action === 'assign');
      if (assigned) await repo.markAssigned(assigned.data.userId as number, at);
      deps.onChange({
        ticketId: row.id,
        number: row.number,
        status: row.status,
        unitIds: row.handling_unit_id === null ? [] : [row.handling_unit_id],
        userIds: [row.handling_user_id, p.userId].filter((u): u is number => u !== null),
      });
      return true;
    }
  }

  return {
    /** An order arrives at a unit (dispatch, transfer): who gets it, and when to look again. */
    async onArrival(unitId: number, categoryCode: string, at: Date): Promise<Arrival> {
      const unit = await repo.unit({ id: unitId });
      if (!unit || unit.mode === 'pull') return { handling_user_id: null, assigned_at: null, assign_check_at: null, assignedTo: null };
      const { chosen, retryAt } = await pick(unit, categoryCode, at, null);
      if (!chosen) return { handling_user_id: null, assigned_at: null, assign_check_at: retryAt.toISOString(), assignedTo: null };
      return {
        handling_user_id: chosen.userId,
        assigned_at: at.toISOString(),
        assign_check_at: new Date(at.getTime() + unit.takeTimeoutMinutes * MINUTE).toISOString(),
        assignedTo: { id: chosen.userId, name: chosen.name },
      };
    },

    afterAssigned: (userId: number, at: Date) => repo.markAssigned(userId, at.toISOString()),

    /** Orders assigned but not taken in time, or whose assignee went away or off duty, go back and out again. */
    async sweep(now: Date = clock.now()): Promise<number> {
      const at = now.toISOString();
      let moved = 0;
      for (;;) {
        const rows = await repo.dueChecks(at, BATCH);
        for (const t of rows) if (await recheck(t, now)) moved++;
        if (rows.length < BATCH) return moved;
      }
    },

    async setPresence(actor: Actor, presence: Presence) {
      await repo.setPresence(actor.id, presence);
      deps.onPresence?.(actor.id);
      if (presence !== 'online') await repo.recheckWaitingFor(actor.id, clock.now().toISOString());
    },

    async workload(actor: Actor, unitCode: string) {
      const unit = await repo.unit({ code: unitCode });
      if (!unit) throw notFound('unit.not_found', `No unit with code ${unitCode}`);
      if (actor.role === 'handler' && actor.unit.id !== unit.unitId)
        throw forbidden('auth.forbidden', 'Department staff see their own unit’s workload');
      const onDuty = await duty.isOpen(unit.unitId, clock.now());
      const members = await repo.members(unit.unitId);
      return {
        unit: { id: unit.unitId, code: unit.code, name: unit.name, nameEn: unit.nameEn },
        mode: unit.mode,
        maxOpenPerPerson: unit.cap,
        takeTimeoutMinutes: unit.takeTimeoutMinutes,
        onDuty,
        members: members.map((m) => ({
          user: { id: m.userId, name: m.name },
          presence: m.presence,
          open: m.open,
          waiting: m.waiting,
          skills: m.skills,
        })),
      };
    },

    /** A supervisor moves an order to a named person in the unit that holds it. */
    async reassign(actor: Actor, ticketId: number, userId: number) {
      const t = await repo.ticket(ticketId);
      if (!t) throw notFound('ticket.not_found', `No ticket ${ticketId}`);
      if (actor.role === 'handler' && !(actor.isSupervisor && actor.unit.id === t.handling_unit_id)) {
        throw forbidden('ticket.not_handling_unit', 'Only a supervisor of the unit holding the order reassigns it');
      }
      if (!['dispatched', 'processing', 'suspended'].includes(t.status) || t.handling_unit_id === null) {
        throw new AppError(409, 'ticket.invalid_transition', `The ticket is ${t.status}: only an order with a unit can be reassigned`);
      }
      const user = await repo.user(userId);
      if (!user || user.is_active !== 1 || user.unit_id !== t.handling_unit_id) {
        throw unprocessable('user.not_found', 'Choose an active member of the unit holding the order', { field: 'body.userId' });
      }
      const unit = (await repo.unit({ id: t.handling_unit_id }))!;
      const now = clock.now();
      const at = now.toISOString();
      await repo.transaction(async (trx) => {
        const waiting = t.status === 'dispatched' && unit.mode !== 'pull';
        await repo.setAssignment(trx, t.id, {
          userId,
          assignedAt: at,
          checkAt: waiting ? new Date(now.getTime() + unit.takeTimeoutMinutes * MINUTE).toISOString() : null,
          bump: true,
        });
        await repo.insertEvent(trx, {
          ticketId: t.id,
          action: 'assign',
          status: t.status,
          actorId: actor.id,
          data: { userId, userName: user.display_name, from: t.handling_user_id },
          at,
        });
      });
      await repo.markAssigned(userId, at);
      deps.onChange({
        ticketId: t.id,
        number: t.number,
        status: t.status,
        unitIds: [t.handling_unit_id],
        userIds: [t.handling_user_id, userId].filter((u): u is number => u !== null),
      });
    },
  };
}
export type AssignmentService = ReturnType<typeof createAssignmentService>;
