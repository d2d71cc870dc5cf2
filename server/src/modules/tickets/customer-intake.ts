import type { Location } from '../../../../contracts/tickets.js';
import { notFound, unprocessable } from '../../errors.js';
import type { TicketDeps } from './context.js';
import { findComplaintDesk } from './customer-intake-repository.js';
import { formatTicketNumber, localDay } from './ticket-number.js';

export interface CustomerFiling {
  phone: string;
  description: string;
  channel: 'sms' | 'ivr' | 'web' | 'api';
  categoryCode?: string;
  location?: Location;
}

// A complaint the customer files without an agent (SMS, IVR, the /my page). Nobody accepted it, so nobody owns it
// yet: it enters the complaint desk's queue unowned (owner unit = the desk, owner = none), the answer clock starts
// as for any complaint, and the first desk member who moves it becomes its owner to the end (首问责任制, DOMAIN.md §2;
// see `claimsOwnership` in lifecycle.ts). Without a category it takes the organisation's "other" leaf and is
// categorised by the desk.
export function createCustomerIntake(deps: TicketDeps, options: { uncategorisedCode: string }) {
  const { repo, clock } = deps;

  return {
    async file(f: CustomerFiling): Promise<{ id: number; number: string; status: string }> {
      const category = await deps.categories.forTicket(f.categoryCode ?? options.uncategorisedCode);
      const desk = await findComplaintDesk(repo.connection);
      if (!desk) throw unprocessable('unit.not_found', 'No complaint desk (a unit with desk staff) takes self-service complaints');
      const now = clock.now();
      const at = now.toISOString();
      const customer = await deps.customers.findByPhone(f.phone);
      const clockColumns = await deps.clocks.atAcceptance({
        acceptedAt: now,
        categoryCode: category.code,
        customerLevel: customer?.level ?? 'normal',
        priority: 'normal',
        ownerUnitId: desk.id,
        answeredNow: false,
      });
      const day = localDay(now, deps.timeZone);
      const created = await repo.transaction(async (trx) => {
        const customerId = customer ? customer.id : await deps.customers.findOrCreate(trx, f.phone, undefined, at);
        const number = formatTicketNumber(day, await repo.nextSequence(trx, day));
        const loc = f.location ?? {};
        const row = {
          number,
          channel: f.channel,
          customer_id: customerId,
          category_code: category.code,
          description: f.description,
          location_city: loc.city || null,
          location_district: loc.district || null,
          location_compound: loc.compound || null,
          location_address: loc.address || null,
          location_cell_id: loc.cellId || null,
          priority: 'normal',
          escalation_level: 0,
          status: 'accepted',
          suspended_from: null,
          owner_id: null,
          owner_unit_id: desk.id,
          handling_unit_id: null,
          handling_user_id: null,
          regulator_ref: null,
          is_over_level: 0,
          is_intercepted: 0,
          is_solved: null,
          resolution: null,
          answer: null,
          created_at: at,
          updated_at: at,
          dispatched_at: null,
          replied_at: null,
          answered_at: null,
          closed_at: null,
          version: 1,
          ...clockColumns,
        };
        const ticketId = await repo.insertTicket(trx, row);
        await repo.insertEvent(trx, {
          ticketId,
          action: 'accept',
          from: null,
          to: 'accepted',
          actorId: null,
          data: { channel: f.channel, categoryCode: category.code, selfService: true, categorised: f.categoryCode !== undefined },
          at,
        });
        for (const o of deps.observers)
          await o.onTicketChange(trx, { action: 'accept', before: null, after: { ...row, id: ticketId }, actorId: null, at });
        return { id: ticketId, number };
      });
      deps.onChange({ ticketId: created.id, number: created.number, status: 'accepted', unitIds: [desk.id], userIds: [] });
      return { ...created, status: 'accepted' };
    },

    /** the ticket a customer names, only if it is theirs: someone else's number is "not found", never "forbidden" */
    async ownTicketId(phone: string, number: string): Promise<number> {
      const id = await repo.findIdByNumber(number.toUpperCase());
      const row = id === undefined ? undefined : await repo.findDetail(repo.connection, id);
      if (!row || row.customer_phone !== phone) throw notFound('ticket.not_found', `No ticket ${number}`);
      return row.id;
    },
  };
}
export type CustomerIntake = ReturnType<typeof createCustomerIntake>;
