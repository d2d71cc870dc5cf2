import type { Clock } from '../../clock.js';
import { fillTemplate, localPhone, parseCommand, type CommandName, type ParsedCommand } from './commands.js';
import type { InboundSms } from './gateway.js';
import { formatDue } from './notifier.js';
import type { SmsOutbox } from './outbox.js';
import type { SmsTextsRepository } from './texts-repository.js';

/** What the SMS commands need from self-service (built by its own module; the lead wires the real one). */
export interface SmsSelfService {
  /** the customer's open complaints, newest first; counts the query itself (customer_contacts, channel sms) */
  progress(phone: string, channel: 'sms'): Promise<{ openTickets: ProgressLine[] }>;
  /** null when the customer has no open complaint */
  addInformation(phone: string, text: string, channel: 'sms'): Promise<{ ticketNumber: string } | null>;
  file(phone: string, description: string, channel: 'sms'): Promise<{ number: string }>;
}

export interface ProgressLine {
  number: string;
  statusText: { zh: string; en: string };
  handlingUnit: { name: string; nameEn: string } | null;
  answerDueAt: string | null;
}

/** What the SMS commands need from satisfaction surveys. */
export interface SmsSurveyAnswers {
  answerByReply(r: { replyCode: string; phone: string; score: number }): Promise<'recorded' | 'already_answered' | 'no_survey' | 'expired'>;
}

export interface InboundDeps {
  texts: SmsTextsRepository;
  outbox: SmsOutbox;
  clock: Clock;
  serviceNumber: string;
  timeZone: string;
  selfService: SmsSelfService | null;
  surveys: SmsSurveyAnswers | null;
  log: { error(o: object, m: string): void };
}

const SURVEY_REPLY = {
  recorded: 'survey_recorded',
  already_answered: 'survey_already',
  expired: 'survey_expired',
  no_survey: 'help',
} as const;

// A customer's message: logged once (a redelivered one is ignored), understood, acted on through self-service or
// surveys (whose changes land in the ticket's timeline), answered through the outbox, and counted.
export function createInboundHandler(deps: InboundDeps) {
  const { texts, clock } = deps;

  interface Outcome {
    /** a template key, or 'progress' when the reply is self-service's own sentence */
    outcome: string;
    vars?: Record<string, string>;
    text?: string;
    ticketNumber?: string;
    /** counted here as a self-service contact (progress counts itself) */
    counted?: boolean;
  }

  async function run(cmd: ParsedCommand, phone: string, language: string): Promise<Outcome> {
    const { selfService, surveys } = deps;
    if (cmd.kind === 'help') return { outcome: 'help' };
    if (cmd.kind === 'survey') {
      if (!cmd.replyCode || !surveys) return { outcome: 'help' };
      return { outcome: SURVEY_REPLY[await surveys.answerByReply({ replyCode: cmd.replyCode, phone, score: cmd.score })] };
    }
    if (!selfService) return { outcome: 'unavailable' };
    if (cmd.kind === 'progress') {
      const p = await selfService.progress(phone, 'sms');
      if (p.openTickets.length === 0) return { outcome: 'no_open' };
      const en = language === 'en';
      const lines = [];
      // at most three, newest first: an SMS is not the place for a long list
      for (const t of p.openTickets.slice(0, 3)) {
        lines.push(
          await render('progress', language, {
            number: t.number,
            status: en ? t.statusText.en : t.statusText.zh,
            unit: t.handlingUnit ? (en ? t.handlingUnit.nameEn : t.handlingUnit.name) : en ? 'our service centre' : '客服中心',
            when: t.answerDueAt
              ? en
                ? `answer due ${formatDue(t.answerDueAt, language, deps.timeZone)}`
                : `预计${formatDue(t.answerDueAt, language, deps.timeZone)}前答复`
              : en
                ? 'we will answer soon'
                : '我们会尽快答复',
          }),
        );
      }
      return { outcome: 'progress', text: lines.join('\n'), ticketNumber: p.openTickets[0]!.number };
    }
    if (cmd.kind === 'add_info') {
      const added = await selfService.addInformation(phone, cmd.text, 'sms');
      if (!added) return { outcome: 'no_open', counted: true };
      return { outcome: 'info_added', vars: { number: added.ticketNumber }, ticketNumber: added.ticketNumber, counted: true };
    }
    const filed = await selfService.file(phone, cmd.text, 'sms');
    return { outcome: 'filed', vars: { number: filed.number }, ticketNumber: filed.number, counted: true };
  }

  return async function handle(m: InboundSms): Promise<void> {
    const phone = localPhone(m.from);
    const keywords = (await texts.keywords()) as { command: CommandName; keyword: string }[];
    const cmd = parseCommand(m.text, keywords, m.to, deps.serviceNumber);
    const now = clock.now();
    const inboundId = await texts.logInbound({
      gateway_key: m.key,
      phone,
      destination: m.to,
      text: m.text.slice(0, 2000),
      command: cmd.kind,
      received_at: now.toISOString(),
    });
    if (inboundId === null) return;
    const customer = await texts.customerByPhone(phone);
    const language = customer?.language === 'en' ? 'en' : 'zh-CN';

    let r: Outcome;
    try {
      r = await run(cmd, phone, language);
    } catch (err) {
      deps.log.error({ err, command: cmd.kind }, 'SMS command failed');
      r = { outcome: 'unavailable' };
    }
    const reply = r.text ?? (await render(r.outcome, language, r.vars ?? {}));
    const ticketNumber = r.ticketNumber;
    const ticketId = ticketNumber ? await texts.ticketIdByNumber(ticketNumber) : null;
    await texts.transaction(async (trx) => {
      // progress queries are counted by self-service itself; adding information and filing are counted here
      if (r.counted)
        await texts.recordContact(trx, { customer_id: customer?.id ?? null, phone, ticket_id: ticketId, at: now.toISOString() });
      await deps.outbox.enqueue(trx, {
        phone,
        text: reply,
        purpose: 'reply',
        ticketId: ticketId ?? undefined,
        dedupeKey: `sms-in:${inboundId}`,
      });
      await texts.setInboundOutcome(trx, inboundId, r.outcome);
    });
  };

  async function render(key: string, language: string, vars: Record<string, string>) {
    const text = (await texts.template(key, language)) ?? (await texts.template(key, 'zh-CN')) ?? key;
    return fillTemplate(text, vars);
  }
}
