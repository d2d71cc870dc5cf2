import net from 'node:net';
import { decodeText, type SmsPart } from '../encoding.js';
import {
  createReassembler,
  readConcatenation,
  SubmitError,
  type GatewayHandlers,
  type LinkState,
  type OutboundSms,
  type SmsGateway,
} from '../gateway.js';
import {
  Command,
  createFramer,
  decodeIdResp,
  decodeShortMessage,
  encodeBind,
  encodeIdResp,
  encodePdu,
  encodeShortMessage,
  ESM_UDHI,
  readReceipt,
  Status,
  type Pdu,
} from './codec.js';

// The ESME bound as a transceiver to the operator's SMSC: a window of unanswered submit_sm (the SMSC's limit),
// enquire_link while idle (3 unanswered and the link is taken for dead), every deliver_sm answered, and a fresh
// bind with growing pauses whenever the link drops or the SMSC unbinds.
export interface SmppClientOptions {
  host: string;
  port: number;
  systemId: string;
  password: string;
  now: () => Date;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  window?: number;
  responseTimeoutMs?: number;
  enquireLinkMs?: number;
  enquireLinkMisses?: number;
  rebindMs?: number;
  maxRebindMs?: number;
}

const BUSY = new Set<number>([Status.RTHROTTLED, Status.RMSGQFUL]);

interface InFlight {
  timer: NodeJS.Timeout;
  resolve: (id: string) => void;
  reject: (e: SubmitError) => void;
}

export function createSmppClient(o: SmppClientOptions): SmsGateway & { binds(): number } {
  const window = o.window ?? 10;
  const responseTimeoutMs = o.responseTimeoutMs ?? 30_000;
  const enquireLinkMs = o.enquireLinkMs ?? 30_000;
  const enquireLinkMisses = o.enquireLinkMisses ?? 3;
  const rebindMs = o.rebindMs ?? 1000;
  const maxRebindMs = o.maxRebindMs ?? 60_000;

  let handlers: GatewayHandlers | null = null;
  let state: LinkState = 'down';
  let socket: net.Socket | null = null;
  let stopped = true;
  let failures = 0;
  let seq = 0;
  let binds = 0;
  let misses = 0;
  let used = 0;
  // SMPP gives a customer's message no id: within one bind, a deliver_sm sent again keeps its sequence number
  let boundAt = '';
  let rebindTimer: NodeJS.Timeout | null = null;
  let linkTimer: NodeJS.Timeout | null = null;
  let onClosed: (() => void) | null = null;
  const inFlight = new Map<number, InFlight>();
  const waiting: { go: () => void; fail: (e: SubmitError) => void }[] = [];
  const nextSeq = () => (seq = seq >= 0x7fffffff ? 1 : seq + 1);
  const write = (b: Buffer) => socket?.write(b);
  const reassemble = createReassembler(async (m) => handlers?.inbound(m));

  function connect() {
    if (stopped) return;
    state = 'connecting';
    const s = net.connect({ host: o.host, port: o.port });
    socket = s;
    const framer = createFramer();
    s.setNoDelay(true);
    s.on('connect', () => {
      s.write(
        encodePdu(
          Command.BIND_TRANSCEIVER,
          nextSeq(),
          encodeBind({
            systemId: o.systemId,
            password: o.password,
            systemType: '',
            interfaceVersion: 0x34,
            addrTon: 0,
            addrNpi: 0,
            addressRange: '',
          }),
        ),
      );
    });
    s.on('data', (chunk: Buffer) => {
      let pdus: Pdu[];
      try {
        pdus = framer(chunk);
      } catch (err) {
        o.log.warn({ err }, 'SMPP: unreadable data from the SMSC; binding again');
        s.destroy();
        return;
      }
      for (const p of pdus) void handle(p);
    });
    s.on('error', () => {});
    s.on('close', () => dropped(s));
  }

  function dropped(s: net.Socket) {
    if (socket !== s) return;
    socket = null;
    state = 'down';
    if (linkTimer) clearTimeout(linkTimer);
    linkTimer = null;
    for (const [k, f] of inFlight) {
      clearTimeout(f.timer);
      inFlight.delete(k);
      f.reject(new SubmitError('SMPP link dropped before the SMSC answered', 'unknown'));
    }
    for (const w of waiting.splice(0)) w.fail(new SubmitError('SMPP link dropped', 'not_sent'));
    used = 0;
    onClosed?.();
    if (stopped) return;
    const delay = Math.min(rebindMs * 2 ** failures, maxRebindMs);
    failures += 1;
    rebindTimer = setTimeout(connect, delay);
  }

  function keepAlive() {
    linkTimer = setTimeout(() => {
      if (misses >= enquireLinkMisses) {
        o.log.warn({ misses }, 'SMPP: enquire_link unanswered; binding again');
        socket?.destroy();
        return;
      }
      misses += 1;
      write(encodePdu(Command.ENQUIRE_LINK, nextSeq()));
      keepAlive();
    }, enquireLinkMs);
  }

  async function handle(p: Pdu) {
    switch (p.commandId) {
      case Command.BIND_TRANSCEIVER_RESP:
        if (p.status !== Status.ROK) {
          o.log.warn({ status: p.status }, 'SMPP: the SMSC refused the bind');
          socket?.destroy();
          return;
        }
        state = 'up';
        failures = 0;
        misses = 0;
        binds += 1;
        boundAt = o.now().toISOString();
        keepAlive();
        handlers?.up?.();
        return;
      case Command.SUBMIT_SM_RESP: {
        const f = inFlight.get(p.sequence);
        if (!f) return;
        clearTimeout(f.timer);
        inFlight.delete(p.sequence);
        release();
        if (p.status === Status.ROK) f.resolve(decodeIdResp(p.body));
        else f.reject(new SubmitError(`SMPP submit_sm status 0x${p.status.toString(16)}`, BUSY.has(p.status) ? 'not_sent' : 'rejected'));
        return;
      }
      case Command.DELIVER_SM: {
        try {
          const m = decodeShortMessage(p.body);
          const receipt = readReceipt(m);
          if (receipt) {
            await handlers?.receipt({ gatewayId: receipt.messageId, status: receipt.stat });
          } else {
            const hasUdh = (m.esmClass & ESM_UDHI) !== 0;
            const text = decodeText(m.shortMessage, m.dataCoding, hasUdh);
            await reassemble(
              { key: `smpp:${boundAt}:${m.source}:${p.sequence}`, from: m.source, to: m.destination, text },
              hasUdh ? readConcatenation(m.shortMessage) : null,
              o.now().getTime(),
            );
          }
        } catch (err) {
          o.log.warn({ err }, 'SMPP: a deliver_sm could not be handled; answered all the same');
        }
        // always answered, or the SMSC delivers it again and again
        write(encodePdu(Command.DELIVER_SM_RESP, p.sequence, encodeIdResp('')));
        return;
      }
      case Command.ENQUIRE_LINK:
        write(encodePdu(Command.ENQUIRE_LINK_RESP, p.sequence));
        return;
      case Command.ENQUIRE_LINK_RESP:
        misses = 0;
        return;
      case Command.UNBIND:
        write(encodePdu(Command.UNBIND_RESP, p.sequence));
        socket?.end();
        return;
      case Command.UNBIND_RESP:
        socket?.end();
        return;
      case Command.GENERIC_NACK: {
        const f = inFlight.get(p.sequence);
        if (!f) return;
        clearTimeout(f.timer);
        inFlight.delete(p.sequence);
        release();
        f.reject(new SubmitError(`SMPP generic_nack 0x${p.status.toString(16)}`, BUSY.has(p.status) ? 'not_sent' : 'rejected'));
        return;
      }
      default:
        // a request we do not serve: generic_nack with "invalid command id"
        if ((p.commandId & 0x80000000) === 0) write(encodePdu(Command.GENERIC_NACK, p.sequence, Buffer.alloc(0), Status.RINVCMDID));
    }
  }

  function release() {
    const next = waiting.shift();
    if (next) next.go();
    else used -= 1;
  }

  async function slot() {
    if (used < window) {
      used += 1;
      return;
    }
    await new Promise<void>((go, fail) => waiting.push({ go, fail }));
  }

  async function submitPart(sms: OutboundSms, part: SmsPart): Promise<string> {
    await slot();
    if (state !== 'up' || !socket) {
      release();
      throw new SubmitError('SMPP link is not up', 'not_sent');
    }
    const sequence = nextSeq();
    const body = encodeShortMessage({
      serviceType: '',
      sourceTon: 0,
      sourceNpi: 0,
      source: sms.from,
      destTon: 1,
      destNpi: 1,
      destination: sms.to,
      esmClass: part.udh ? ESM_UDHI : 0,
      protocolId: 0,
      priority: 0,
      scheduleDeliveryTime: '',
      validityPeriod: '',
      registeredDelivery: 1,
      replaceIfPresent: 0,
      dataCoding: part.dataCoding,
      smDefaultMsgId: 0,
      shortMessage: part.udh ? Buffer.concat([part.udh, part.payload]) : part.payload,
    });
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        inFlight.delete(sequence);
        release();
        reject(new SubmitError('SMPP submit_sm unanswered', 'unknown'));
      }, responseTimeoutMs);
      inFlight.set(sequence, { timer, resolve, reject });
      write(encodePdu(Command.SUBMIT_SM, sequence, body));
    });
  }

  return {
    kind: 'smpp',
    state: () => state,
    binds: () => binds,
    setHandlers(h) {
      handlers = h;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      connect();
    },
    async stop() {
      stopped = true;
      if (rebindTimer) clearTimeout(rebindTimer);
      const s = socket;
      if (!s) return;
      if (state !== 'up') {
        s.destroy();
        return;
      }
      await new Promise<void>((done) => {
        const t = setTimeout(() => s.destroy(), 1000);
        onClosed = () => {
          clearTimeout(t);
          done();
        };
        s.write(encodePdu(Command.UNBIND, nextSeq()));
      });
    },
    async submit(sms) {
      if (state !== 'up') throw new SubmitError('SMPP link is not up', 'not_sent');
      const ids: string[] = [];
      for (const part of sms.parts) {
        try {
          ids.push(await submitPart(sms, part));
        } catch (err) {
          if (ids.length > 0 && err instanceof SubmitError && err.outcome === 'not_sent') throw new SubmitError(err.message, 'unknown');
          throw err;
        }
      }
      return ids;
    },
  };
}
