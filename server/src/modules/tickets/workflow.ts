import type { ActionBody, TicketAction, TicketStatus, TicketView } from '../../../../contracts/tickets.js';
import type { Actor } from '../auth/index.js';
import { AppError, forbidden, unprocessable } from '../../errors.js';
import { standingOf, type TicketDeps } from './context.js';
import { claimsOwnership, decide, raisePriority, type Refusal } from './lifecycle.js';
import type { TicketQueries } from './queries.js';
import type { TicketDetailRow, TicketPatch } from './repository.js';
import type { Priority } from '../../../../contracts/tickets.js';

type AnyBody = { [K in TicketAction]: ActionBody<K> }[TicketAction];

interface Effect {
  patch: TicketPatch;
  assignedTo?: { id: number; name: string } | null;
  unitId?: number | null;
  note?: string | null;
  data: Record<string, unknown>;
}

const refusalError: Record<Refusal, (action: TicketAction, status: TicketStatus) => AppError> = {
  forbidden: (a) => forbidden('auth.forbidden', `Your role may not ${a} tickets`),
  not_owner: (a) => forbidden('ticket.not_owner', `Only the ticket's owner or the complaint desk may ${a} it`),
  not_handling_unit: (a) => forbidden('ticket.not_handling_unit', `Only the unit handling this order may ${a} it`),
  invalid_transition: (a, s) =>
    new AppError(409, 'ticket.invalid_transition', `The ticket is ${s}: "${a}" is not possible now`, { action: a, status: s }),
};

const MAX_RACE_RETRIES = 3;

// Moving a ticket through the loop: decide with the pure lifecycle, apply, record the event, all in one transaction.
export function createTicketWorkflow(deps: TicketDeps, queries: TicketQueries) {
  const { repo, clock } = deps;

  async function activeUnit(code: string, field: string) {
    const unit = await deps.findUnit(code);
    if (!unit) throw unprocessable('unit.not_found', `No unit with code ${code}`, { field });
    if (!unit.isActive) throw unprocessable('unit.inactive', `Unit ${code} is inactive`, { field });
    return unit;
  }

  // Everything an action needs from outside the transaction (units, routing) is looked up first.
  async function effectOf(actor: Actor, action: TicketAction, body: AnyBody, t: TicketDetailRow, at: string): Promise<Effect> {
    switch (action) {
      case 'resolve': {
        const b = body as ActionBody<'resolve'>;
        return {
          patch: { resolution: b.resolution, answer: b.resolution, is_intercepted: 1, is_solved: 1, answered_at: at, closed_at: at },
          note: b.note,
          data: { resolution: b.resolution },
        };
      }
      case 'dispatch': {
        const b = body as ActionBody<'dispatch'>;
        const proposed = await deps.categories.proposeUnit(t.category_code);
        const unit = b.unitCode ? await activeUnit(b.unitCode, 'body.unitCode') : proposed;
        if (!unit)
          throw unprocessable('routing.no_unit', `No unit is routed for category ${t.category_code}; choose one`, {
            field: 'body.unitCode',
          });
        if (!b.unitCode) await activeUnit(unit.code, 'body.unitCode');
        const { assignedTo, ...assignment } = await deps.assigner.onArrival(unit.id, t.category_code, new Date(at));
        return {
          patch: { handling_unit_id: unit.id, ...assignment, dispatched_at: t.dispatched_at ?? at },
          assignedTo,
          unitId: unit.id,
          note: b.note,
          data: { unitCode: unit.code, unitName: unit.name, unitNameEn: unit.nameEn, proposedUnitCode: proposed?.code ?? null, assignedTo },
        };
      }
      case 'take':
        return { patch: { handling_user_id: actor.id }, note: (body as ActionBody<'take'>).note, data: {} };
      case 'reply': {
        const b = body as ActionBody<'reply'>;
        const solved = b.solved ?? true;
        return {
          patch: { resolution: b.result, is_solved: solved ? 1 : 0, replied_at: at },
          note: b.note,
          data: { result: b.result, solved },
        };
      }
      case 'return': {
        const b = body as ActionBody<'return'>;
        return { patch: { handling_unit_id: null, handling_user_id: null }, note: b.reason, data: { fromUnitId: t.handling_unit_id } };
      }
      case 'transfer': {
        const b = body as ActionBody<'transfer'>;
        const unit = await activeUnit(b.unitCode, 'body.unitCode');
        if (unit.id === t.handling_unit_id)
          throw unprocessable('validation.invalid_value', 'The order is already with this unit', { field: 'body.unitCode' });
        const { assignedTo, ...assignment } = await deps.assigner.onArrival(unit.id, t.category_code, new Date(at));
        return {
          patch: { handling_unit_id: unit.id, ...assignment },
          assignedTo,
          unitId: unit.id,
          note: b.reason,
          data: { fromUnitId: t.handling_unit_id, unitCode: unit.code, unitName: unit.name, unitNameEn: unit.nameEn, assignedTo },
        };
      }
      case 'answer': {
        const b = body as ActionBody<'answer'>;
        return { patch: { answer: b.answer, answered_at: at }, note: b.note, data: { answer: b.answer } };
      }
      case 'close':
        return { patch: { closed_at: at }, note: (body as ActionBody<'close'>).note, data: {} };
      case 'reopen':
        return {
          patch: {
            answered_at: null,
            closed_at: null,
            replied_at: null,
            handling_unit_id: null,
            handling_user_id: null,
            is_intercepted: 0,
            is_solved: null,
          },
          note: (body as ActionBody<'reopen'>).reason,
          data: {},
        };
      case 'suspend':
        return { patch: { suspended_from: t.status }, note: (body as ActionBody<'suspend'>).reason, data: {} };
      case 'resume':
        return { patch: { suspended_from: null }, note: (body as ActionBody<'resume'>).note, data: {} };
      case 'escalate': {
        const priority = raisePriority(t.priority as Priority);
        const level = t.escalation_level + 1;
        return {
          patch: { escalation_level: level, priority },
          note: (body as ActionBody<'escalate'>).reason,
          data: { level, priority, from: t.priority },
        };
      }
      case 'note':
        return { patch: {}, note: (body as ActionBody<'note'>).note, data: {} };
    }
  }

  return {
    async act(actor: Actor, idOrNumber: string, action: TicketAction, body: AnyBody, expectedVersion?: number): Promise<TicketView> {
      const id = await queries.resolveId(idOrNumber);
      let current: TicketDetailRow = await queries.visibleRow(actor, id);
      for (let attempt = 1; ; attempt++) {
        // a note changes nothing the client could have read stale, so it skips the version check
        if (expectedVersion !== undefined && action !== 'note' && current.version !== expectedVersion) {
          throw new AppError(412, 'ticket.version_conflict', 'Someone changed this ticket first; reload it and try again', {
            currentVersion: current.version,
          });
        }
        const state = {
          status: current.status as TicketStatus,
          suspendedFrom: current.suspended_from as TicketStatus | null,
          ownerId: current.owner_id,
          handlingUnitId: current.handling_unit_id,
        };
        const decision = decide(state, action, standingOf(actor));
        if (!decision.ok) throw refusalError[decision.refusal](action, state.status);
        const at = clock.now().toISOString();
        // lookups (units, routing) happen before the transaction; the version check inside keeps them valid
        const effect = await effectOf(actor, action, body, current, at);
        const next = {
          handling_unit_id: effect.patch.handling_unit_id !== undefined ? effect.patch.handling_unit_id : current.handling_unit_id,
          priority: (effect.patch.priority as string | undefined) ?? current.priority,
        };
        const clockColumns = await deps.clocks.afterAction(current, action, next, new Date(at));
        const seen = current.version;
        const done = await repo.transaction(async (trx) => {
          if (action !== 'note') {
            const patch: TicketPatch = { ...effect.patch, ...clockColumns, status: decision.to, updated_at: at };
            if (claimsOwnership(state, action, standingOf(actor))) {
              patch.owner_id = actor.id;
              patch.owner_unit_id = actor.unit.id;
            }
            // an order waits to be taken only while dispatched; back there after a suspension, it is looked at again
            if (decision.to !== 'dispatched') patch.assign_check_at = null;
            else if (action === 'resume') patch.assign_check_at = at;
            if (!(await repo.updateTicket(trx, id, seen, patch))) return false;
            const after = { ...current, ...patch, version: seen + 1 };
            for (const o of deps.observers) await o.onTicketChange(trx, { action, before: current, after, actorId: actor.id, at });
          }
          await repo.insertEvent(trx, {
            ticketId: id,
            action,
            from: state.status,
            to: decision.to,
            actorId: actor.id,
            unitId: effect.unitId ?? null,
            note: effect.note ?? null,
            data: effect.data,
            at,
          });
          return true;
        });
        if (done) {
          if (effect.assignedTo) await deps.assigner.afterAssigned(effect.assignedTo.id, new Date(at));
          break;
        }
        if (expectedVersion !== undefined || attempt >= MAX_RACE_RETRIES) {
          throw new AppError(412, 'ticket.version_conflict', 'Someone changed this ticket first; reload it and try again');
        }
        current = await queries.visibleRow(actor, id);
      }
      const after = (await repo.findDetail(repo.connection, id))!;
      deps.onChange({
        ticketId: id,
        number: after.number,
        status: after.status,
        unitIds: [after.handling_unit_id, current.handling_unit_id, after.owner_unit_id].filter((u): u is number => u !== null),
        userIds: [after.owner_id].filter((u): u is number => u !== null),
      });
      return queries.view(actor, after);
    },
  };
}
