import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fillTemplate } from './commands.js';
import type { SmsOutbox } from './outbox.js';
import type { SmsTextsRepository } from './texts-repository.js';

// Tells the customer at the steps they care about, before they have to ask (DOMAIN.md §5): accepted (number and
// due time), the department replied, answered. The closing message with the survey is the surveys module's.
// It runs inside the ticket change's transaction, so a message exists exactly when the step does.
interface Change {
  action: string;
  before: unknown;
  after: {
    id: number;
    number: string;
    status: string;
    channel: string;
    customer_id: number;
    version?: number;
    answer?: string | null;
    answer_due_at?: string | Date | null;
    legal_due_at?: string | Date | null;
  };
  at: string;
}

const STEPS: Record<string, 'accepted' | 'replied' | 'answered'> = { accept: 'accepted', reply: 'replied', answer: 'answered' };

// Building an Intl formatter costs more than the rest of a notification; one per zone is kept.
const formatters = new Map<string, { parts: Intl.DateTimeFormat; month: Intl.DateTimeFormat }>();
function formattersFor(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = {
      parts: new Intl.DateTimeFormat('en-GB', {
        timeZone,
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
      month: new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric' }),
    };
    formatters.set(timeZone, f);
  }
  return f;
}

export function formatDue(at: string | Date, language: string, timeZone: string) {
  const d = new Date(at);
  const f = formattersFor(timeZone);
  const p = f.parts.formatToParts(d);
  const v = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  if (language === 'en') return `${v('day')} ${v('month')} ${v('hour')}:${v('minute')}`;
  return `${f.month.format(d)}月${v('day')}日 ${v('hour')}:${v('minute')}`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function createSmsNotifier(deps: { texts: SmsTextsRepository; outbox: SmsOutbox; timeZone: string }) {
  return {
    async onTicketChange(trx: Transaction<Database>, change: Change): Promise<void> {
      const step = STEPS[change.action];
      if (!step) return;
      const t = change.after;
      // closed at once (intercepted) needs no "accepted"; one filed by SMS hears its number in the command's reply
      if (step === 'accepted' && (t.status === 'closed' || t.channel === 'sms')) return;
      const customer = await trx.selectFrom('customers').select(['phone', 'language']).where('id', '=', t.customer_id).executeTakeFirst();
      if (!customer) return;
      const language = customer.language === 'en' ? 'en' : 'zh-CN';
      const template = (await deps.texts.template(step, language, trx)) ?? (await deps.texts.template(step, 'zh-CN', trx));
      if (!template) return;
      const due = t.answer_due_at ?? t.legal_due_at;
      const text = fillTemplate(template, {
        number: t.number,
        due: due ? formatDue(due, language, deps.timeZone) : '',
        // a long answer would be a dozen messages: the customer gets its start, the full text on /my or by phone
        answer: clip(t.answer ?? '', 280),
      });
      await deps.outbox.enqueue(trx, {
        phone: customer.phone,
        text,
        purpose: 'notification',
        ticketId: t.id,
        // one message per ticket and step; a step taken again (replied after a return) is a new version
        dedupeKey: `ticket:${t.id}:${step}:${t.version ?? change.at}`,
      });
    },
  };
}
