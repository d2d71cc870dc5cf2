import { decodeText } from './encoding.js';
import { SubmitError, type GatewayHandlers, type LinkState, type OutboundSms, type SmsGateway } from './gateway.js';

// The built-in SMS centre for the demo and tests: it keeps what was sent (the simulated phones' inboxes), answers
// with receipts, and lets a newcomer or a test play the customer by injecting messages.
export interface SimulatedSms {
  ids: string[];
  to: string;
  from: string;
  text: string;
  parts: number;
  dataCoding: number;
  at: string;
}

export function createSimulatorGateway(options: { now: () => Date; autoReceipt?: boolean }) {
  let handlers: GatewayHandlers | null = null;
  let state: LinkState = 'down';
  let nextId = 1;
  let nextInbound = 1;
  const sent: SimulatedSms[] = [];
  const failures: SubmitError[] = [];
  const receipts: Promise<void>[] = [];
  let delay: Promise<void> | null = null;
  let waiting = 0;
  let onWaiting: (() => void) | null = null;

  const gateway: SmsGateway & {
    sent: SimulatedSms[];
    /** a customer's message; `key` as a real gateway would give it (the same key twice: a redelivery) */
    inject(from: string, to: string, text: string, key?: string): Promise<void>;
    receipt(gatewayId: string, status?: string): Promise<void>;
    /** the next submits fail like this, one each */
    failNext(...errors: SubmitError[]): void;
    setUp(up: boolean): void;
    /** submits wait until the returned release() is called: a slow centre */
    hold(): () => void;
    /** resolves once `count` submits wait on the hold */
    held(count: number): Promise<void>;
    settled(): Promise<void>;
  } = {
    kind: 'simulator',
    sent,
    state: () => state,
    setHandlers: (h) => {
      handlers = h;
    },
    start: () => {
      state = 'up';
      handlers?.up?.();
    },
    stop: async () => {
      state = 'down';
      await Promise.all(receipts);
    },
    async submit(sms: OutboundSms) {
      if (delay) {
        waiting += 1;
        onWaiting?.();
        await delay;
        waiting -= 1;
      }
      if (state !== 'up') throw new SubmitError('simulator is down', 'not_sent');
      const failure = failures.shift();
      if (failure) throw failure;
      const ids = sms.parts.map(() => `sim-${nextId++}`);
      const first = sms.parts[0]!;
      sent.push({
        ids,
        to: sms.to,
        from: sms.from,
        text: sms.parts.map((p) => decodeText(p.payload, p.dataCoding, false)).join(''),
        parts: sms.parts.length,
        dataCoding: first.dataCoding,
        at: options.now().toISOString(),
      });
      if (options.autoReceipt !== false && handlers) {
        const h = handlers;
        // like a real centre, the receipt comes after the submit's answer
        receipts.push(
          Promise.resolve().then(async () => {
            for (const gatewayId of ids) await h.receipt({ gatewayId, status: 'DELIVRD' });
          }),
        );
      }
      return ids;
    },
    async inject(from, to, text, key) {
      await handlers?.inbound({ key: key ?? `sim-in-${nextInbound++}`, from, to, text });
    },
    async receipt(gatewayId, status = 'DELIVRD') {
      await handlers?.receipt({ gatewayId, status });
    },
    failNext: (...errors) => void failures.push(...errors),
    setUp: (up) => {
      state = up ? 'up' : 'down';
      if (up) handlers?.up?.();
    },
    hold: () => {
      let release!: () => void;
      delay = new Promise((r) => (release = r));
      return () => {
        delay = null;
        release();
      };
    },
    held: (count) =>
      new Promise<void>((resolve) => {
        onWaiting = () => {
          if (waiting >= count) resolve();
        };
        onWaiting();
      }),
    settled: async () => {
      await Promise.all(receipts);
    },
  };
  return gateway;
}
export type SimulatorGateway = ReturnType<typeof createSimulatorGateway>;
