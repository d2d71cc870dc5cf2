import type { SmsPart } from './encoding.js';

// One interface for every link to an SMS centre (SMPP, CMPP, the simulator): submit parts and get the gateway's
// ids back; receipts and customers' messages arrive through the handlers; the link says whether it is up.

export interface OutboundSms {
  /** the customer's number */
  to: string;
  /** the service number, plus an extension when replies must be matched (surveys) */
  from: string;
  parts: SmsPart[];
}

export interface DeliveryReceipt {
  /** the id the gateway gave the part at submission */
  gatewayId: string;
  /** DELIVRD, EXPIRED, UNDELIV, REJECTD… (the stat both protocols report) */
  status: string;
}

export interface InboundSms {
  /** unique per message at this gateway, so a message delivered twice is handled once */
  key: string;
  from: string;
  /** the number the customer wrote to: the service number, perhaps with an extension */
  to: string;
  text: string;
}

export interface GatewayHandlers {
  receipt(r: DeliveryReceipt): Promise<void>;
  inbound(m: InboundSms): Promise<void>;
  /** the link came up: a good moment to send what waited */
  up?(): void;
}

export type LinkState = 'down' | 'connecting' | 'up';

/**
 * Why a submit failed decides what the dispatcher may do: `not_sent` (link down, window full, throttled — safe to
 * retry), `rejected` (the centre refused this message for good), `unknown` (written to the link but no answer: the
 * centre may have it).
 */
export class SubmitError extends Error {
  constructor(
    message: string,
    readonly outcome: 'not_sent' | 'rejected' | 'unknown',
  ) {
    super(message);
  }
}

export interface SmsGateway {
  readonly kind: 'smpp' | 'cmpp' | 'simulator';
  state(): LinkState;
  setHandlers(h: GatewayHandlers): void;
  /** connect and keep the link up (re-connecting with backoff) until stop() */
  start(): void;
  stop(): Promise<void>;
  /** one id per part, in order; throws SubmitError */
  submit(sms: OutboundSms): Promise<string[]>;
}

/** Customers' long messages arrive in parts; this puts them back together (in memory: a part lost to a restart is lost). */
export function createReassembler(emit: (m: InboundSms) => Promise<void>) {
  const pending = new Map<string, { parts: (string | undefined)[]; key: string; at: number }>();
  return async (m: InboundSms, concat: { reference: number; total: number; index: number } | null, nowMs: number) => {
    if (!concat || concat.total <= 1) return emit(m);
    const id = `${m.from}|${m.to}|${concat.reference}|${concat.total}`;
    for (const [k, v] of pending) if (nowMs - v.at > 3_600_000) pending.delete(k);
    const entry = pending.get(id) ?? { parts: Array.from<string | undefined>({ length: concat.total }), key: m.key, at: nowMs };
    entry.parts[concat.index - 1] = m.text;
    if (concat.index === 1) entry.key = m.key;
    pending.set(id, entry);
    if (entry.parts.every((p) => p !== undefined)) {
      pending.delete(id);
      await emit({ ...m, key: entry.key, text: entry.parts.join('') });
    }
  };
}

/** The concatenation header at the start of a message body, if it has one (IEI 0x00 or 0x08). */
export function readConcatenation(body: Buffer): { reference: number; total: number; index: number } | null {
  const udhl = body[0];
  if (udhl === undefined || body.length < udhl + 1) return null;
  let i = 1;
  while (i < udhl + 1) {
    const iei = body[i]!;
    const len = body[i + 1]!;
    if (iei === 0x00 && len === 3) return { reference: body[i + 2]!, total: body[i + 3]!, index: body[i + 4]! };
    if (iei === 0x08 && len === 4) return { reference: body.readUInt16BE(i + 2), total: body[i + 4]!, index: body[i + 5]! };
    i += 2 + len;
  }
  return null;
}
