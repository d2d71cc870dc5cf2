import { createHash } from 'node:crypto';
import type { Location } from '../../../../contracts/tickets.js';
import type { PlainText, ProgressItem } from '../../../../contracts/selfservice.js';
import type { Clock } from '../../clock.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { TicketService } from '../tickets/index.js';
import { createContactLog } from './contact-log.js';
import { progressSpeech, wordsFor } from './plain-words.js';
import type { SelfServiceRepository } from './repository.js';

export type SelfServiceChannel = 'sms' | 'ivr' | 'web';

export interface Progress {
  openTickets: ProgressItem[];
  /** ready for text-to-speech or an SMS reply */
  speech: PlainText;
}

export interface AddedInformation {
  ticketNumber: string;
  eventId: number;
}

export interface SelfServiceDeps {
  repo: SelfServiceRepository;
  tickets: Pick<TicketService, 'fileForCustomer'>;
  clock: Clock;
  timeZone: string;
  /** told after the customer added something, so the people handling it hear at once */
  onCustomerInfo: (n: { ticketId: number; number: string; userIds: number[]; at: string }) => void;
  log?: { warn(o: object, msg: string): void };
}

const unitOf = (r: {
  unit_name: string | null;
  unit_name_en: string | null;
  owner_unit_name: string | null;
  owner_unit_name_en: string | null;
}) =>
  r.unit_name !== null
    ? { name: r.unit_name, nameEn: r.unit_name_en ?? r.unit_name }
    : r.owner_unit_name !== null
      ? { name: r.owner_unit_name, nameEn: r.owner_unit_name_en ?? r.owner_unit_name }
      : null;

// What a customer can do without an agent, on any channel (DOMAIN.md §5): hear the progress of their open
// complaints, add information to one, file a new one. The SMS commands, the IVR and the /my page all come here,
// and every progress query is counted by channel (self-service share, DOMAIN.md §10).
export function createSelfService(deps: SelfServiceDeps) {
  const { repo, clock } = deps;
  const contacts = createContactLog((rows) => repo.insertContacts(rows));

  return {
    async progress(phone: string, channel: SelfServiceChannel): Promise<Progress> {
      const { customerId, rows } = await repo.openTickets(phone);
      const openTickets: ProgressItem[] = rows.map((r) => ({
        number: r.number,
        status: r.status,
        statusText: wordsFor(r.status),
        handlingUnit: unitOf(r),
        answerDueAt: toIsoOrNull(r.answer_due_at),
        acceptedAt: toIso(r.created_at),
      }));
      // counted in the background: the caller hears the answer without waiting for the count to reach the disk
      // (a crash may lose the last moment's counts, never an answer); `settled()` waits for them
      void contacts
        .record({
          customer_id: customerId,
          phone,
          channel,
          kind: 'self_service_query',
          ticket_id: rows[0]?.id ?? null,
          at: clock.now().toISOString(),
        })
        .catch((err: unknown) => deps.log?.warn({ err: (err as Error).message, channel }, 'a self-service query was not counted'));
      return { openTickets, speech: progressSpeech(openTickets, deps.timeZone) };
    },

    /** the numbers of the caller's open complaints, newest first, without counting a query (routing a call) */
    async openTicketNumbers(phone: string): Promise<string[]> {
      return (await repo.openTickets(phone)).rows.map((r) => r.number);
    },

    /**
     * Adds the customer's words (and images or a recording) to the named complaint, or to their latest open one.
     * null when there is none (or the number is someone else's): the caller offers to file a new complaint.
     */
    async addInformation(
      phone: string,
      text: string,
      channel: SelfServiceChannel,
      ticketNumber?: string,
      extra: { images?: { mime: string; content: Buffer }[]; recordingRef?: string } = {},
    ): Promise<AddedInformation | null> {
      let ticket;
      if (ticketNumber) {
        ticket = await repo.ticketOf(phone, ticketNumber);
        if (ticket?.status === 'closed')
          throw new AppError(409, 'ticket.invalid_transition', 'This complaint is closed; file a new one', { status: 'closed' });
      } else {
        const latest = (await repo.openTickets(phone)).rows[0];
        ticket = latest && (await repo.ticketOf(phone, latest.number));
      }
      if (!ticket) return null;
      const t = ticket;
      const at = clock.now().toISOString();
      const recipients = await repo.recipients(t);
      const images = (extra.images ?? []).map((i) => ({ ...i, sha256: createHash('sha256').update(i.content).digest('hex') }));
      const eventId = await repo.transaction(async (trx) => {
        // the images first, so the event names them (staff and customer timelines show them from there)
        const imageIds = images.length > 0 ? await repo.insertAttachments(trx, t.id, images, at) : [];
        const id = await repo.insertCustomerEvent(trx, {
          ticketId: t.id,
          action: 'customer_info',
          status: t.status,
          note: text || null,
          data: {
            channel,
            ...(imageIds.length ? { images: imageIds } : {}),
            ...(extra.recordingRef ? { recordingRef: extra.recordingRef } : {}),
          },
          at,
        });
        if (imageIds.length) await repo.linkAttachments(trx, imageIds, id);
        await repo.insertNotifications(trx, recipients, {
          ticketId: t.id,
          kind: 'customer.info',
          data: { number: t.number, channel, images: imageIds.length, recording: !!extra.recordingRef },
          at,
        });
        return id;
      });
      deps.onCustomerInfo({ ticketId: t.id, number: t.number, userIds: recipients, at });
      return { ticketNumber: t.number, eventId };
    },

    /** a new complaint filed without an agent; it waits unowned in the complaint desk's queue */
    async file(
      phone: string,
      description: string,
      channel: SelfServiceChannel,
      extra: { categoryCode?: string; location?: Location } = {},
    ): Promise<ProgressItem> {
      const t = await deps.tickets.fileForCustomer({ phone, description, channel, ...extra });
      const item = (await repo.openTickets(phone)).rows.find((r) => r.id === t.id);
      return {
        number: t.number,
        status: t.status,
        statusText: wordsFor(t.status),
        handlingUnit: item ? unitOf(item) : null,
        answerDueAt: item ? toIsoOrNull(item.answer_due_at) : null,
        acceptedAt: item ? toIso(item.created_at) : clock.now().toISOString(),
      };
    },

    /** resolves once every counted query is stored (shutdown, tests) */
    settled: () => contacts.settled(),
  };
}
export type SelfService = ReturnType<typeof createSelfService>;
