import type { SimulatedMessage, SmsKeyword, SmsLinkStatus, SmsOutboxEntry, SmsTemplate } from '../../../../contracts/sms.js';
import type { Clock } from '../../clock.js';
import { AppError, badRequest, conflict, notFound } from '../../errors.js';
import { can, type Actor } from '../auth/index.js';
import { maskPhone } from '../customers/index.js';
import { normalise } from './commands.js';
import type { SmsRepository } from './repository.js';
import type { SmsLink } from './service.js';
import type { SimulatorGateway } from './simulator.js';
import type { SmsTextsRepository } from './texts-repository.js';

// What administrators do with the SMS link: keywords and templates, a look at the outbox, and the simulator's phone.
export function createSmsAdmin(deps: {
  texts: SmsTextsRepository;
  repo: SmsRepository;
  link: SmsLink;
  clock: Clock;
  serviceNumber: string;
}) {
  const { texts, clock } = deps;
  const key = (k: string) => normalise(k).toUpperCase();

  function simulator(): SimulatorGateway {
    const g = deps.link.gateway();
    if (g?.kind !== 'simulator')
      throw new AppError(409, 'sms.simulator_off', 'The SMS link is not the built-in simulator (SMS_GATEWAY_URL=simulator)');
    return g as SimulatorGateway;
  }

  async function inbox(phone: string): Promise<SimulatedMessage[]> {
    const sim = simulator();
    const out = sim.sent
      .filter((m) => m.to === phone)
      .map((m) => ({ direction: 'out' as const, from: m.from, to: m.to, text: m.text, at: m.at }));
    const received = (await texts.inboundFrom(phone, 100)).map((m) => ({
      direction: 'in' as const,
      from: m.phone,
      to: m.destination,
      text: m.text,
      at: m.received_at,
    }));
    return [...received, ...out].sort((a, b) => a.at.localeCompare(b.at) || (a.direction === 'in' ? -1 : 1));
  }

  return {
    keywords: async (): Promise<SmsKeyword[]> => (await texts.keywords()) as SmsKeyword[],

    async addKeyword(command: SmsKeyword['command'], keyword: string): Promise<SmsKeyword> {
      // a bare 1–5 is a survey answer, matched by the number it was sent to
      if (/^[1-5]$/.test(normalise(keyword)))
        throw badRequest('validation.invalid_value', 'A bare digit 1–5 answers a survey; choose another keyword', {
          field: 'body.keyword',
        });
      if ((await texts.keywords()).some((k) => key(k.keyword) === key(keyword)))
        throw conflict('sms.keyword_taken', 'This keyword is already in use', { field: 'body.keyword' });
      const row = await texts.addKeyword(command, keyword, clock.now());
      if (!row) throw conflict('sms.keyword_taken', 'This keyword is already in use', { field: 'body.keyword' });
      return row as SmsKeyword;
    },

    async deleteKeyword(id: number): Promise<void> {
      const k = await texts.keywordById(id);
      if (!k) throw notFound('sms.keyword_not_found', 'No such keyword');
      if ((await texts.keywords()).filter((x) => x.command === k.command).length <= 1)
        throw conflict('sms.keyword_last', 'A command needs at least one keyword');
      await texts.deleteKeyword(id);
    },

    templates: async (): Promise<SmsTemplate[]> => (await texts.templates()) as SmsTemplate[],

    async putTemplate(templateKey: string, language: string, text: string): Promise<SmsTemplate> {
      if (!(await texts.putTemplate(templateKey, language, text, clock.now())))
        throw notFound('sms.template_not_found', 'No such template');
      return (await texts.templates()).find((t) => t.key === templateKey && t.language === language)! as SmsTemplate;
    },

    async outbox(actor: Actor, limit: number): Promise<SmsOutboxEntry[]> {
      const full = can(actor, 'customer:view_phone');
      return (await deps.repo.recent(limit)).map((r) => ({
        id: r.id,
        phone: full ? r.phone : maskPhone(r.phone),
        sender: r.sender,
        text: r.text,
        purpose: r.purpose,
        state: r.state,
        attempts: r.attempts,
        lastError: r.last_error,
        ticketId: r.ticket_id,
        createdAt: r.created_at,
        sentAt: r.sent_at,
        deliveredAt: r.delivered_at,
        nextAttemptAt: r.next_attempt_at,
      }));
    },

    status(): SmsLinkStatus {
      const g = deps.link.gateway();
      return { gateway: g?.kind ?? null, state: g?.state() ?? 'down', serviceNumber: deps.serviceNumber };
    },

    /** the simulated phone's conversation: what it sent and what it got (only for the number asked about) */
    inbox,

    /** the simulated phone sends a message; the reply is sent at once so the inbox shows it */
    async simulate(from: string, extension: string | undefined, text: string): Promise<SimulatedMessage[]> {
      const sim = simulator();
      await sim.inject(from, deps.serviceNumber + (extension ?? ''), text);
      await deps.link.dispatch();
      return inbox(from);
    },
  };
}
export type SmsAdmin = ReturnType<typeof createSmsAdmin>;
