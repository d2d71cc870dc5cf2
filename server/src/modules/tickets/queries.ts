import type {
  CustomerProfile,
  StatusCounts,
  TicketEvent,
  TicketListQuery,
  TicketPage,
  TicketStatus,
  TicketSummary,
  TicketView,
} from '../../../../contracts/tickets.js';
import { TicketStatuses } from '../../../../contracts/tickets.js';
import type { Actor } from '../auth/index.js';
import { maskPhone } from '../customers/index.js';
import { badRequest, notFound } from '../../errors.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import { seesOnlyOwnUnit, showsPhone, standingOf, type TicketDeps } from './context.js';
import { allowedActions } from './lifecycle.js';
import type { TicketDetailRow, TicketFilter } from './repository.js';
import { TICKET_NUMBER } from './ticket-number.js';
import { ticketEvent, ticketSummary, ticketView } from './views.js';

const DEFAULT_PAGE = 50;

// The due-order cursor is "<epoch ms of the next clock change>.<id>".
function dueCursor(cursor: string | undefined): { at: string; id: number } | undefined {
  const m = cursor ? /^([0-9]{1,15})\.([0-9]{1,15})$/.exec(cursor) : null;
  if (!cursor) return undefined;
  if (!m) throw badRequest('validation.invalid_format', 'This cursor belongs to another ordering', { field: 'querystring.cursor' });
  return { at: new Date(Number(m[1])).toISOString(), id: Number(m[2]) };
}
const PROFILE_EARLIER = 20;

export function createTicketQueries(deps: TicketDeps) {
  const { repo } = deps;

  async function resolveId(idOrNumber: string): Promise<number> {
    if (TICKET_NUMBER.test(idOrNumber.toUpperCase())) {
      const id = await repo.findIdByNumber(idOrNumber.toUpperCase());
      if (id === undefined) throw notFound('ticket.not_found', `No ticket ${idOrNumber}`);
      return id;
    }
    if (!/^[1-9][0-9]{0,15}$/.test(idOrNumber)) throw notFound('ticket.not_found', `No ticket ${idOrNumber}`);
    return Number(idOrNumber);
  }

  // A ticket the user may not see is reported as missing, so its existence does not leak.
  async function visibleRow(actor: Actor, id: number): Promise<TicketDetailRow> {
    const row = await repo.findDetail(repo.connection, id);
    if (!row || !(await maySee(actor, row))) throw notFound('ticket.not_found', `No ticket ${id}`);
    return row;
  }

  async function maySee(actor: Actor, row: { id: number; handling_unit_id: number | null }) {
    if (!seesOnlyOwnUnit(actor)) return true;
    return row.handling_unit_id === actor.unit.id || (await repo.wasWithUnit(row.id, actor.unit.id));
  }

  function view(actor: Actor, row: TicketDetailRow): TicketView {
    const state = {
      status: row.status as TicketStatus,
      suspendedFrom: (row.suspended_from as TicketStatus | null) ?? null,
      ownerId: row.owner_id,
      handlingUnitId: row.handling_unit_id,
    };
    return ticketView(row, { showPhone: showsPhone(actor), actions: allowedActions(state, standingOf(actor)) });
  }

  async function filterFor(actor: Actor, q: TicketListQuery): Promise<TicketFilter | null> {
    const f: TicketFilter = {
      status: q.status,
      categoryCode: q.categoryCode,
      channel: q.channel,
      sla: q.sla,
      from: q.from,
      to: q.to,
      q: q.q,
    };
    if (q.unit === 'mine') f.unitId = actor.unit.id;
    else if (q.unit) {
      const unit = await deps.findUnit(q.unit);
      if (!unit) return null;
      f.unitId = unit.id;
    }
    if (q.owner) f.ownerId = q.owner === 'me' ? actor.id : Number(q.owner);
    if (q.phone) {
      const customer = await deps.customers.findByPhone(q.phone);
      if (!customer) return null;
      f.customerId = customer.id;
    }
    if (seesOnlyOwnUnit(actor)) f.visibleToUnitId = actor.unit.id;
    return f;
  }

  const emptyCounts = (): StatusCounts => Object.fromEntries(TicketStatuses.map((s) => [s, 0])) as StatusCounts;

  return {
    resolveId,
    visibleRow,
    view,

    /**
     * Whether a stored answer may stand in for reading this ticket afresh, and under which key: the row's revision and
     * the reader (the actions offered depend on who asks). Undefined for department staff, whose right to see a ticket
     * depends on its path, so they always read afresh.
     */
    async probe(actor: Actor, idOrNumber: string): Promise<{ key: string; rev: number } | undefined> {
      if (seesOnlyOwnUnit(actor)) return undefined;
      const id = await resolveId(idOrNumber);
      const rev = await repo.revisionOf(id);
      if (rev === undefined) throw notFound('ticket.not_found', `No ticket ${id}`);
      return { key: `${id}:${actor.id}:${actor.role}:${actor.unit.id}`, rev };
    },

    async get(actor: Actor, idOrNumber: string): Promise<TicketView> {
      return view(actor, await visibleRow(actor, await resolveId(idOrNumber)));
    },

    async events(actor: Actor, idOrNumber: string): Promise<{ items: TicketEvent[] }> {
      const row = await visibleRow(actor, await resolveId(idOrNumber));
      return { items: (await repo.listEvents(row.id)).map(ticketEvent) };
    },

    async list(actor: Actor, q: TicketListQuery): Promise<TicketPage> {
      const filter = await filterFor(actor, q);
      if (!filter) return { items: [], nextCursor: null, counts: emptyCounts() };
      const limit = q.limit ? Number(q.limit) : DEFAULT_PAGE;
      const byDue = q.sort === 'due';
      const [rows, counts] = await Promise.all([
        byDue ? repo.listByDue(filter, limit, dueCursor(q.cursor)) : repo.list(filter, limit, q.cursor ? Number(q.cursor) : undefined),
        repo.countByStatus(filter),
      ]);
      const page = rows.slice(0, limit);
      const all = emptyCounts();
      for (const [status, n] of counts) if (status in all) all[status as TicketStatus] = n;
      const last = page[page.length - 1] as (typeof page)[number] & { sla_next_at?: string | Date };
      const nextCursor =
        rows.length > limit ? (byDue ? `${new Date(toIso(last.sla_next_at!)).getTime()}.${last.id}` : String(last.id)) : null;
      return { items: page.map((r) => ticketSummary(r, showsPhone(actor))), nextCursor, counts: all };
    },

    /**
     * Every ticket the list would show, in the list's order, one keyset page at a time and without the counts: for
     * exports of any size. A page is fetched only when the consumer asks for it, so a slow reader holds no rows.
     */
    async *scan(actor: Actor, q: TicketListQuery, pageSize = 500): AsyncGenerator<TicketSummary[]> {
      const filter = await filterFor(actor, q);
      if (!filter) return;
      const show = showsPhone(actor);
      const byDue = q.sort === 'due';
      let before: number | undefined;
      let after: { at: string; id: number } | undefined;
      for (;;) {
        const rows = byDue ? await repo.listByDue(filter, pageSize, after) : await repo.list(filter, pageSize, before);
        const page = rows.slice(0, pageSize);
        if (page.length > 0) yield page.map((r) => ticketSummary(r, show));
        if (rows.length <= pageSize) return;
        const last = page[page.length - 1] as (typeof page)[number] & { sla_next_at?: string | Date };
        if (byDue) after = { at: toIso(last.sla_next_at!), id: last.id };
        else before = last.id;
      }
    },

    // What an agent needs in the first seconds of a call: who this is and what they complained about before.
    async customerProfile(actor: Actor, phone: string): Promise<CustomerProfile> {
      const customer = await deps.customers.findByPhone(phone);
      const show = showsPhone(actor);
      const shownPhone = show ? phone : maskPhone(phone);
      if (!customer)
        return {
          customer: null,
          phone: shownPhone,
          openTickets: [],
          earlierTickets: [],
          repeatCount: 0,
          incidents: [],
          surveys: [],
          refunds: [],
        };
      const [rows, incidents, surveys, refunds] = await Promise.all([
        repo.list({ customerId: customer.id }, 200),
        repo.customerIncidents(customer.id),
        repo.customerSurveys(customer.id),
        repo.customerRefunds(customer.id),
      ]);
      const summaries = rows.map((r) => ticketSummary(r, show));
      return {
        customer: { ...customer, phone: shownPhone },
        phone: shownPhone,
        openTickets: summaries.filter((t) => t.status !== 'closed'),
        earlierTickets: summaries.filter((t) => t.status === 'closed').slice(0, PROFILE_EARLIER),
        repeatCount: summaries.filter((t) => t.isRepeat).length,
        incidents: incidents.map((i) => ({
          id: i.id,
          status: i.status,
          areaLabel: i.area_label,
          categoryCode: i.category_code,
          count: i.child_count,
          openedAt: toIso(i.opened_at),
          result: i.result,
        })),
        surveys: surveys.map((v) => ({
          ticketId: v.ticket_id,
          number: v.number,
          status: v.status,
          score: v.score,
          comment: v.comment,
          sentAt: toIso(v.sent_at),
          answeredAt: toIsoOrNull(v.answered_at),
        })),
        refunds: refunds.map((r) => ({
          id: r.id,
          ticketId: r.ticket_id,
          number: r.number,
          amountFen: r.amount_fen,
          status: r.status,
          billingState: r.billing_state,
          verification: r.verification,
          requestedAt: toIso(r.created_at),
        })),
      };
    },
  };
}
export type TicketQueries = ReturnType<typeof createTicketQueries>;
