import { createHash } from 'node:crypto';
import type { CreateTicketBody, TicketView } from '../../../../contracts/tickets.js';
import type { Actor } from '../auth/index.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError, badRequest } from '../../errors.js';
import type { TicketDeps } from './context.js';
import type { TicketQueries } from './queries.js';
import { formatTicketNumber, localDay } from './ticket-number.js';

// Accepting a complaint (受理): the person who accepts it owns it to the end (首问责任制, DOMAIN.md §2).
// A complaint solved on the spot is closed at once and counts as intercepted.
export function createTicketIntake(deps: TicketDeps, queries: TicketQueries) {
  const { repo, clock } = deps;

  const requestHash = (body: CreateTicketBody) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

  async function replay(actor: Actor, key: string, hash: string): Promise<TicketView | undefined> {
    const existing = await repo.findIdempotencyKey(actor.id, key);
    if (!existing) return undefined;
    if (existing.request_hash !== hash) {
      throw new AppError(422, 'ticket.idempotency_key_reused', 'This Idempotency-Key was used for a different complaint', {
        field: 'headers.idempotency-key',
      });
    }
    return queries.view(actor, (await repo.findDetail(repo.connection, existing.ticket_id))!);
  }

  function checkRegulator(body: CreateTicketBody) {
    if (body.channel === 'regulator' && !body.regulator) {
      throw badRequest('validation.required', 'An appeal forwarded by the regulator needs its reference number', {
        field: 'body.regulator.reference',
      });
    }
    if (body.channel !== 'regulator' && body.regulator) {
      throw badRequest('validation.invalid_value', 'Only the regulator channel carries a regulator reference', { field: 'body.regulator' });
    }
  }

  return {
    async create(actor: Actor, body: CreateTicketBody, idempotencyKey?: string): Promise<{ ticket: TicketView; replayed: boolean }> {
      checkRegulator(body);
      const hash = requestHash(body);
      if (idempotencyKey) {
        const earlier = await replay(actor, idempotencyKey, hash);
        if (earlier) return { ticket: earlier, replayed: true };
      }
      const category = await deps.categories.forTicket(body.categoryCode);
      const now = clock.now();
      const at = now.toISOString();
      const resolved = body.resolveNow !== undefined;
      const customer = await deps.customers.findByPhone(body.customerPhone);
      // a repeat complaint (DOMAIN.md §6) is raised and, unless solved on the spot, goes where the earlier one went
      const screening = deps.repeats
        ? await deps.repeats.screen({
            customerId: customer?.id ?? null,
            categoryCode: category.code,
            priority: body.priority ?? 'normal',
            at: now,
          })
        : null;
      const priority = screening?.priority ?? body.priority ?? 'normal';
      const routed = !resolved && screening?.isRepeat ? screening.owner : null;
      const owner = routed ?? { id: actor.id, unitId: actor.unit.id };
      const clockColumns = await deps.clocks.atAcceptance({
        acceptedAt: now,
        categoryCode: category.code,
        customerLevel: customer?.level ?? 'normal',
        priority,
        ownerUnitId: owner.unitId,
        answeredNow: resolved,
        ...(body.regulator
          ? {
              regulator: {
                ...(body.regulator.acceptDueAt ? { acceptDueAt: new Date(body.regulator.acceptDueAt) } : {}),
                ...(body.regulator.answerDueAt ? { answerDueAt: new Date(body.regulator.answerDueAt) } : {}),
              },
            }
          : {}),
      });

      let id: number;
      try {
        id = await repo.transaction(async (trx) => {
          // a known caller with nothing new to record needs no write; a new one becomes a customer here
          const customerId =
            customer && (!body.customerName || customer.name)
              ? customer.id
              : await deps.customers.findOrCreate(trx, body.customerPhone, body.customerName, at);
          const number = formatTicketNumber(localDay(now, deps.timeZone), await repo.nextSequence(trx, localDay(now, deps.timeZone)));
          const loc = body.location ?? {};
          const row = {
            number,
            channel: body.channel,
            customer_id: customerId,
            category_code: category.code,
            description: body.description,
            location_city: loc.city || null,
            location_district: loc.district || null,
            location_compound: loc.compound || null,
            location_address: loc.address || null,
            location_cell_id: loc.cellId || null,
            priority,
            escalation_level: 0,
            status: resolved ? 'closed' : 'accepted',
            suspended_from: null,
            owner_id: owner.id,
            owner_unit_id: owner.unitId,
            handling_unit_id: null,
            handling_user_id: null,
            regulator_ref: body.regulator?.reference ?? null,
            is_over_level: body.channel === 'regulator' && body.regulator?.overLevel !== false ? 1 : 0,
            is_intercepted: resolved ? 1 : 0,
            is_solved: resolved ? 1 : null,
            resolution: body.resolveNow?.resolution ?? null,
            answer: body.resolveNow?.resolution ?? null,
            created_at: at,
            updated_at: at,
            dispatched_at: null,
            replied_at: null,
            answered_at: resolved ? at : null,
            closed_at: resolved ? at : null,
            version: 1,
            is_repeat: screening?.isRepeat ? 1 : 0,
            repeat_of: screening?.isRepeat ? JSON.stringify(screening.of) : null,
            ...clockColumns,
          };
          const ticketId = await repo.insertTicket(trx, row);
          await repo.insertEvent(trx, {
            ticketId,
            action: 'accept',
            from: null,
            to: 'accepted',
            actorId: actor.id,
            data: {
              channel: body.channel,
              categoryCode: category.code,
              ...(body.regulator ? { regulatorRef: body.regulator.reference } : {}),
              ...(screening?.isRepeat ? { repeatOf: screening.of, priority, routedTo: routed } : {}),
            },
            at,
          });
          if (resolved) {
            await repo.insertEvent(trx, {
              ticketId,
              action: 'resolve',
              from: 'accepted',
              to: 'closed',
              actorId: actor.id,
              data: { resolution: body.resolveNow!.resolution },
              at,
            });
          }
          if (screening)
            await deps.repeats!.record(trx, { ticketId, customerId, phone: body.customerPhone, channel: body.channel, screening, at });
          for (const o of deps.observers)
            await o.onTicketChange(trx, { action: 'accept', before: null, after: { ...row, id: ticketId }, actorId: actor.id, at });
          if (idempotencyKey)
            await repo.insertIdempotencyKey(trx, { userId: actor.id, key: idempotencyKey, requestHash: hash, ticketId, at });
          return ticketId;
        });
      } catch (err) {
        // the same key sent twice at once: the first commit wins, the second returns its ticket
        if (idempotencyKey && isUniqueViolation(err)) {
          const earlier = await replay(actor, idempotencyKey, hash);
          if (earlier) return { ticket: earlier, replayed: true };
        }
        throw err;
      }
      const row = (await repo.findDetail(repo.connection, id))!;
      deps.onChange({
        ticketId: id,
        number: row.number,
        status: row.status,
        unitIds: [...new Set([actor.unit.id, owner.unitId])],
        userIds: [...new Set([actor.id, ...(owner.id !== null ? [owner.id] : [])])],
      });
      return { ticket: queries.view(actor, row), replayed: false };
    },
  };
}
