import type { Clock } from '../../clock.js';
import type { SmsOutbox } from '../sms/index.js';
import type { TicketObserver } from '../tickets/index.js';
import type { SurveyRepository } from './repository.js';
import { languageOf, replyCodeFor, surveyText } from './texts.js';

const MOBILE = /^1[3-9][0-9]{9}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

// On close (a workflow close, or a complaint resolved at first contact) the customer gets one survey per ticket,
// and, in the same transaction, the closing SMS that asks it. A ticket closed again after a reopen keeps its survey.
export function createSurveyObserver({
  repo,
  smsOutbox,
  clock,
}: {
  repo: SurveyRepository;
  smsOutbox: SmsOutbox;
  clock: Clock;
}): TicketObserver {
  return {
    async onTicketChange(trx, change) {
      if (change.after.status !== 'closed' || change.before?.status === 'closed') return;
      const settings = await repo.settings(trx);
      const customer = await repo.customerContact(trx, change.after.customer_id);
      if (!customer) return;
      const bySms = settings.viaSms && MOBILE.test(customer.phone);
      const at = clock.now();
      const created = await repo.createOnce(
        trx,
        {
          ticketId: change.after.id,
          customerId: change.after.customer_id,
          channel: bySms ? 'sms' : 'web',
          at: at.toISOString(),
          expiresAt: new Date(at.getTime() + settings.expiresAfterDays * DAY_MS).toISOString(),
        },
        replyCodeFor,
      );
      if (!created || !bySms) return;
      await smsOutbox.enqueue(trx, {
        phone: customer.phone,
        text: surveyText(languageOf(customer.language), change.after.number),
        purpose: 'survey',
        ticketId: change.after.id,
        senderExtension: created.replyCode,
        dedupeKey: `survey:${change.after.id}`,
      });
    },
  };
}
