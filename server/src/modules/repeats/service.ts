import type {
  AttachCallBody,
  RepeatCheck,
  RepeatRate,
  RepeatRateQuery,
  RepeatSettings,
  UpdateRepeatSettings,
} from '../../../../contracts/incidents.js';
import type { Priority, TicketView } from '../../../../contracts/tickets.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict } from '../../errors.js';
import type { Actor } from '../auth/index.js';
import type { CustomerRepository } from '../customers/index.js';
import type { IntakeScreener, IntakeScreening } from '../tickets/index.js';
import { monthStart, nextMonth } from './months.js';
import type { RepeatRepository } from './repository.js';
import { earlierTicket, matchRepeat, raiseBy } from './screening.js';

// settings are read on every intake: kept this long per process, cleared at once by the process that saves them
const SETTINGS_TTL_MS = 10_000;
const MAX_MONTHS = 24;

export function createRepeatService(deps: { repo: RepeatRepository; customers: CustomerRepository; clock: Clock; timeZone: string }) {
  const { repo, clock } = deps;
  let cached: { at: number; value: RepeatSettings } | null = null;

  async function settings(): Promise<RepeatSettings> {
    const now = clock.now().getTime();
    if (cached && now - cached.at < SETTINGS_TTL_MS) return cached.value;
    cached = { at: now, value: await repo.settings() };
    return cached.value;
  }

  async function lookup(customerId: number, categoryCode: string | null, at: Date) {
    const s = await settings();
    const rows = await repo.recentOf(customerId, new Date(at.getTime() - s.windowDays * 86_400_000).toISOString());
    return { s, match: matchRepeat(rows, categoryCode, at, s) };
  }

  const screener: IntakeScreener = {
    async screen({ customerId, categoryCode, priority, at }): Promise<IntakeScreening> {
      if (customerId === null) return { isRepeat: false, of: [], priority, owner: null, openTicketId: null };
      const { s, match } = await lookup(customerId, categoryCode, at);
      if (!match.isRepeat) return { isRepeat: false, of: [], priority, owner: null, openTicketId: null };
      let owner: IntakeScreening['owner'] = null;
      if (s.routeToEarlier) {
        const f = match.follows!;
        if (f.owner_id !== null && f.owner_active === 1 && f.owner_user_unit_id !== null)
          owner = { id: f.owner_id, unitId: f.owner_user_unit_id };
        else {
          const desk = await repo.complaintDesk();
          if (desk !== undefined) owner = { id: null, unitId: desk };
        }
      }
      return {
        isRepeat: true,
        of: match.earlier.map((r) => r.number),
        priority: raiseBy(priority as Priority, s.priorityStep),
        owner,
        openTicketId: match.open[0]?.id ?? null,
      };
    },
    async record(trx, f) {
      // the repeat-call rate (DOMAIN.md §10) counts callers who called again about an open complaint
      if (f.channel === 'hotline' && f.screening.openTicketId !== null)
        await repo.insertContact(trx, {
          customerId: f.customerId,
          phone: f.phone,
          channel: 'hotline',
          ticketId: f.screening.openTicketId,
          at: f.at,
        });
    },
  };

  return {
    screener,
    settings,

    async saveSettings(patch: UpdateRepeatSettings): Promise<RepeatSettings> {
      const next = { ...(await repo.settings()), ...patch };
      next.firstLevelCategories = [...new Set(next.firstLevelCategories)].sort();
      await repo.saveSettings(next, clock.now().toISOString());
      cached = null;
      return next;
    },

    /** what the agent sees while the caller is on the line: would this be a repeat, of what, with which results */
    async check(phone: string, categoryCode: string | undefined): Promise<RepeatCheck> {
      const customer = await deps.customers.findByPhone(phone);
      if (!customer) return { isRepeat: false, of: [], earlier: [], openTickets: [], priority: null };
      const s = await settings();
      const { match } = await lookup(customer.id, categoryCode ?? null, clock.now());
      return {
        isRepeat: match.isRepeat,
        of: match.earlier.map((r) => r.number),
        earlier: match.earlier.map(earlierTicket),
        openTickets: match.open.map(earlierTicket),
        priority: match.isRepeat ? raiseBy('normal', s.priorityStep) : null,
      };
    },

    /**
     * The caller rings again about an open complaint: instead of a new ticket, the call is recorded on the open one
     * (a note in its timeline) and in the contact log as a repeat call, in one transaction.
     */
    async attach(actor: Actor, body: AttachCallBody, ticket: TicketView): Promise<void> {
      if (ticket.status === 'closed')
        throw conflict('ticket.invalid_transition', 'The ticket is closed: file a new complaint instead', { status: ticket.status });
      const customer = await deps.customers.findByPhone(body.customerPhone);
      if (!customer || customer.id !== ticket.customer.id)
        throw badRequest('validation.invalid_value', 'This ticket is not one of the caller’s', { field: 'body.customerPhone' });
      const at = clock.now().toISOString();
      const channel = body.channel ?? 'hotline';
      await repo.transaction(async (trx) => {
        await repo.insertNote(trx, {
          ticketId: ticket.id,
          actorId: actor.id,
          status: ticket.status,
          note: body.note,
          data: { repeatCall: true, channel },
          at,
        });
        await repo.insertContact(trx, { customerId: customer.id, phone: body.customerPhone, channel, ticketId: ticket.id, at });
      });
    },

    /** the repeat complaint rate (重复投诉率, DOMAIN.md §10) per local month */
    async rate(q: RepeatRateQuery): Promise<RepeatRate> {
      const last = q.to ?? q.from;
      if (last < q.from) throw badRequest('validation.out_of_range', 'The last month is before the first', { field: 'querystring.to' });
      const items: RepeatRate['items'] = [];
      for (let month = q.from, n = 0; month <= last; month = nextMonth(month), n++) {
        if (n >= MAX_MONTHS)
          throw badRequest('validation.out_of_range', `At most ${MAX_MONTHS} months at once`, { field: 'querystring.to' });
        const rows = await repo.rate(monthStart(month, deps.timeZone), monthStart(nextMonth(month), deps.timeZone), q.by ?? null);
        for (const r of rows)
          items.push({
            month,
            key: r.key,
            complaints: r.complaints,
            repeats: r.repeats,
            rate: r.complaints ? r.repeats / r.complaints : 0,
          });
      }
      return { by: q.by ?? null, items };
    },
  };
}
export type RepeatService = ReturnType<typeof createRepeatService>;
