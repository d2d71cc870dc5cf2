import type {
  DecisionBody,
  Refund,
  RefundBody,
  RefundList,
  RefundListQuery,
  RefundPolicy,
  RejectBody,
  VerificationBody,
} from '../../../../contracts/refunds.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { can, type Actor } from '../auth/index.js';
import type { CategoryService } from '../categories/index.js';
import { maskPhone } from '../customers/index.js';
import type { TicketService } from '../tickets/index.js';
import { refundsCsv } from './csv.js';
import { refundDecision } from './policy.js';
import type { RefundFilter, RefundRepository, RefundRow } from './repository.js';

export interface RefundDeps {
  repo: RefundRepository;
  clock: Clock;
  tickets: Pick<TicketService, 'get'>;
  categories: Pick<CategoryService, 'get'>;
}

const CSV_MAX = 10_000;

// Refund first, verify later: granted at once within the role's limit for customers with good credit, otherwise
// approved by a supervisor; every step is on the ticket's timeline and in the audit report.
export function createRefundService({ repo, clock, tickets, categories }: RefundDeps) {
  const shown = (actor: Actor | null, r: RefundRow): Refund => ({
    ...r,
    customer: { id: r.customer.id, phone: actor && can(actor, 'customer:view_phone') ? r.customer.phone : maskPhone(r.customer.phone) },
  });
  async function existing(id: number) {
    const r = await repo.raw(id);
    if (!r) throw notFound('refund.not_found', `No refund ${id}`);
    return r;
  }
  const fetchOne = async (actor: Actor, id: number) => shown(actor, (await repo.one(id))!);

  function filterOf(q: RefundListQuery): RefundFilter {
    if (q.from && q.to && q.from >= q.to)
      throw badRequest('validation.out_of_range', '"from" must be before "to"', { field: 'querystring.from' });
    return {
      ...(q.status ? { status: q.status } : {}),
      ...(q.billingState ? { billingState: q.billingState } : {}),
      ...(q.verification ? { verification: q.verification } : {}),
      ...(q.ticket ? { ticketNumber: q.ticket.toUpperCase() } : {}),
      ...(q.requestedBy ? { requestedBy: Number(q.requestedBy) } : {}),
      ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
      ...(q.to ? { to: new Date(q.to).toISOString() } : {}),
    };
  }

  return {
    async request(actor: Actor, idOrNumber: string, body: RefundBody): Promise<Refund> {
      const ticket = await tickets.get(actor, idOrNumber);
      const category = await categories.get(ticket.categoryCode);
      if (category.regulatorClass !== 'charges_dispute')
        throw unprocessable('refund.not_charge_complaint', 'Refunds are granted only on charge complaints', { field: 'categoryCode' });
      if (ticket.status === 'closed') throw conflict('refund.ticket_closed', 'The ticket is closed; reopen it to refund');
      const [policy, creditLevel, earlier] = await Promise.all([
        repo.policy(),
        repo.creditLevel(ticket.customer.id),
        repo.ticketTotal(ticket.id),
      ]);
      // the limit covers everything refunded on the complaint, so splitting an amount does not avoid approval
      const decision = refundDecision(policy, actor.role, earlier + body.amount, creditLevel ?? 0);
      const at = clock.now().toISOString();
      const id = await repo.transaction(async (trx) => {
        const refundId = await repo.insert(trx, {
          ticketId: ticket.id,
          customerId: ticket.customer.id,
          amountFen: body.amount,
          reason: body.reason,
          granted: decision.grantedAtOnce,
          approvalReasons: decision.reasons,
          requestedBy: actor.id,
          requestedRole: actor.role,
          creditLevel: creditLevel ?? 0,
          limitFen: decision.limit,
          at,
        });
        await repo.insertEvent(trx, {
          ticketId: ticket.id,
          action: decision.grantedAtOnce ? 'refund.granted' : 'refund.requested',
          actorId: actor.id,
          note: body.reason,
          data: { refundId, amount: body.amount, approvalReasons: decision.reasons },
          at,
        });
        return refundId;
      });
      return fetchOne(actor, id);
    },

    async forTicket(actor: Actor, idOrNumber: string): Promise<{ items: Refund[] }> {
      const ticket = await tickets.get(actor, idOrNumber);
      return { items: (await repo.find({ ticketId: ticket.id })).map((r) => shown(actor, r)) };
    },

    async decide(actor: Actor, id: number, approve: boolean, body: DecisionBody | RejectBody): Promise<Refund> {
      const r = await existing(id);
      if (r.status !== 'pending_approval') throw conflict('refund.not_pending', 'This refund is not waiting for approval');
      // four eyes: nobody approves their own request
      if (r.requested_by === actor.id) throw forbidden('refund.own_request', 'Someone else must approve your own refund request');
      const at = clock.now().toISOString();
      const done = await repo.transaction(async (trx) => {
        if (!(await repo.decide(trx, id, { approve, by: actor.id, note: body.note ?? null, at }))) return false;
        await repo.insertEvent(trx, {
          ticketId: r.ticket_id,
          action: approve ? 'refund.approved' : 'refund.rejected',
          actorId: actor.id,
          note: body.note ?? null,
          data: { refundId: id, amount: r.amount_fen },
          at,
        });
        return true;
      });
      if (!done) throw conflict('refund.not_pending', 'Someone decided this refund first');
      return fetchOne(actor, id);
    },

    /** billing's later check (查证): was the disputed charge really wrong? */
    async verify(actor: Actor, id: number, body: VerificationBody): Promise<Refund> {
      const r = await existing(id);
      if (r.status !== 'granted') throw conflict('refund.not_granted', 'Only a granted refund is verified');
      if (r.verification !== null) throw conflict('refund.already_verified', 'This refund has been verified already');
      const at = clock.now().toISOString();
      const done = await repo.transaction(async (trx) => {
        if (!(await repo.verify(trx, id, { result: body.result, note: body.note ?? null, by: actor.id, at }))) return false;
        await repo.insertEvent(trx, {
          ticketId: r.ticket_id,
          action: 'refund.verified',
          actorId: actor.id,
          note: body.note ?? null,
          data: { refundId: id, result: body.result },
          at,
        });
        return true;
      });
      if (!done) throw conflict('refund.already_verified', 'This refund has been verified already');
      return fetchOne(actor, id);
    },

    async resend(actor: Actor, id: number): Promise<Refund> {
      const r = await existing(id);
      const refusedOnly = () => conflict('refund.not_granted', 'Only a refund billing refused is sent again');
      if (r.billing_state !== 'failed') throw refusedOnly();
      if (!(await repo.transaction((trx) => repo.requeue(trx, id, clock.now().toISOString())))) throw refusedOnly();
      return fetchOne(actor, id);
    },

    async list(actor: Actor, q: RefundListQuery): Promise<RefundList> {
      const f = filterOf(q);
      const [items, totals] = await Promise.all([repo.find(f), repo.totals(f)]);
      return { items: items.map((r) => shown(actor, r)), ...totals };
    },
    /** the audit report: phone numbers always masked, since a file travels further than a screen */
    async csv(q: RefundListQuery): Promise<string> {
      return refundsCsv((await repo.find(filterOf(q), CSV_MAX)).map((r) => shown(null, r)));
    },

    policy: () => repo.policy(),
    async savePolicy(p: RefundPolicy): Promise<RefundPolicy> {
      await repo.savePolicy(p, clock.now().toISOString());
      return repo.policy();
    },
  };
}
export type RefundService = ReturnType<typeof createRefundService>;
