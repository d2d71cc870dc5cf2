import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/dialect.js';
import { createSmsAdmin } from './admin.js';
import { createInboundHandler, type InboundDeps, type SmsSelfService, type SmsSurveyAnswers } from './inbound.js';
import { createSmsNotifier } from './notifier.js';
import type { SmsOutbox } from './outbox.js';
import { createSmsLink, type SmsLog } from './service.js';
import { createSmsTextsRepository } from './texts-repository.js';

// The SMS module as app.ts wires it: the link and its dispatcher, inbound commands, notifications to customers
// (a ticket observer) and the administration behind the routes.
export function createSms(deps: {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'smsGateway' | 'smsSender' | 'timeZone' | 'smsQuietHours'>;
  outbox: SmsOutbox;
  log: SmsLog;
}) {
  const { db, clock, config, outbox, log } = deps;
  const link = createSmsLink({
    db,
    clock,
    gatewayConfig: config.smsGateway,
    sender: config.smsSender,
    timeZone: config.timeZone,
    quietHours: config.smsQuietHours,
    log,
  });
  const texts = createSmsTextsRepository(db);
  const inbound: InboundDeps = {
    texts,
    outbox,
    clock,
    serviceNumber: config.smsSender,
    timeZone: config.timeZone,
    selfService: null,
    surveys: null,
    log,
  };
  link.handleInboundWith(createInboundHandler(inbound));
  return {
    ...link,
    /** a TicketObserver: tells the customer when their complaint is accepted, replied to and answered */
    notifier: createSmsNotifier({ texts, outbox, timeZone: config.timeZone }),
    admin: createSmsAdmin({ texts, repo: link.repo, link, clock, serviceNumber: config.smsSender }),
    /** what the inbound commands act through; until given, commands are answered "try again later" */
    useCommands(c: { selfService?: SmsSelfService; surveys?: SmsSurveyAnswers }) {
      if (c.selfService) inbound.selfService = c.selfService;
      if (c.surveys) inbound.surveys = c.surveys;
    },
  };
}
export type Sms = ReturnType<typeof createSms>;
