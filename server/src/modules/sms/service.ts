import type { Clock } from '../../clock.js';
import type { SmsGatewayConfig } from '../../config.js';
import type { Db } from '../../db/dialect.js';
import { createDispatcher } from './dispatcher.js';
import type { GatewayHandlers, InboundSms, SmsGateway } from './gateway.js';
import { createGateway } from './links.js';
import type { QuietHours } from './quiet-hours.js';
import { createSmsRepository } from './repository.js';

export interface SmsLog {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

// The SMS link as the rest of the app sees it: the dispatcher over the outbox, the gateway chosen by configuration
// (or put in by a test), receipts recorded against their messages, customers' messages handed to the commands.
export function createSmsLink(deps: {
  db: Db;
  clock: Clock;
  gatewayConfig: SmsGatewayConfig | null;
  sender: string;
  timeZone: string;
  quietHours: QuietHours | null;
  log: SmsLog;
}) {
  const { db, clock, log } = deps;
  const repo = createSmsRepository(db);
  let link: SmsGateway | null = null;
  let onInbound: ((m: InboundSms) => Promise<void>) | null = null;
  // receipts that came before their submit's ids were stored; tried again once they are
  const early = new Map<string, string>();

  const handlers: GatewayHandlers = {
    async receipt(r) {
      if (await repo.recordReceipt(r.gatewayId, r.status, clock.now())) return;
      if (early.size > 10_000) early.clear();
      early.set(r.gatewayId, r.status);
      // the submit's ids may have been stored in the meantime, after afterSent looked
      if (await repo.recordReceipt(r.gatewayId, r.status, clock.now())) early.delete(r.gatewayId);
    },
    async inbound(m) {
      if (onInbound) await onInbound(m);
    },
    up() {
      void dispatcher.dispatch().catch((err: unknown) => log.error({ err }, 'SMS dispatch failed'));
    },
  };
  const dispatcher = createDispatcher({
    repo,
    clock,
    gateway: () => link,
    timeZone: deps.timeZone,
    quietHours: deps.quietHours,
    log,
    afterSent: async (ids) => {
      for (const id of ids) {
        const status = early.get(id);
        if (status === undefined) continue;
        early.delete(id);
        await repo.recordReceipt(id, status, clock.now());
      }
    },
  });

  function useGateway(g: SmsGateway | null) {
    link = g;
    g?.setHandlers(handlers);
  }
  if (deps.gatewayConfig) useGateway(createGateway(deps.gatewayConfig, { clock, timeZone: deps.timeZone, log }));

  return {
    repo,
    /** one pass over the outbox; main.ts runs it on a timer, tests call it */
    dispatch: () => dispatcher.dispatch(),
    gateway: () => link,
    /** tests and the demo put a gateway in by hand */
    useGateway,
    handleInboundWith(fn: (m: InboundSms) => Promise<void>) {
      onInbound = fn;
    },
    /** brings the link up; says once, clearly, when there is none */
    start() {
      if (!link) {
        log.warn({}, 'no SMS link: SMS_GATEWAY_URL is not set, so messages to customers wait in the outbox unsent');
        return;
      }
      log.info({ gateway: link.kind }, `SMS link: ${describe(deps.gatewayConfig)}`);
      link.start();
    },
    async stop() {
      await link?.stop();
    },
  };
}
export type SmsLink = ReturnType<typeof createSmsLink>;

const describe = (c: SmsGatewayConfig | null) =>
  !c
    ? 'none'
    : c.kind === 'simulator'
      ? 'built-in simulator'
      : c.kind === 'smpp'
        ? `SMPP 3.4 to ${c.host}:${c.port} as ${c.systemId}`
        : `CMPP ${c.version} to ${c.host}:${c.port} as ${c.spId}`;
