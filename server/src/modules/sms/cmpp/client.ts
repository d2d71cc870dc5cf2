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
  cmppTimestamp,
  Command,
  createFramer,
  decodeConnectResp,
  decodeDeliver,
  decodeStatusReport,
  decodeSubmitResp,
  encodeActiveTestResp,
  encodeConnect,
  encodeDeliverResp,
  encodePdu,
  encodeSubmit,
  MsgFmt,
  type CmppVersion,
  type Pdu,
} from './codec.js';

// The SP's CMPP client: CONNECT with the MD5 authenticator, a window of 16 unanswered SUBMITs, each sent again
// after 60 s without an answer, up to 3 times; every DELIVER acknowledged; ACTIVE_TEST keeps the link alive and
// finds a dead one; a dropped link is connected again with growing pauses.
export interface CmppClientOptions {
  host: string;
  port: number;
  spId: string;
  secret: string;
  version: CmppVersion;
  serviceId?: string;
  timeZone: string;
  now: () => Date;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  window?: number;
  resendMs?: number;
  maxResends?: number;
  activeTestMs?: number;
  activeTestMisses?: number;
  reconnectMs?: number;
  maxReconnectMs?: number;
  connectTimeoutMs?: number;
}

// CONNECT_RESP Status
const CONNECT_STATUS: Record<number, string> = {
  1: 'bad message structure',
  2: 'bad source address',
  3: 'authentication failed',
  4: 'version too high',
};
// SUBMIT_RESP Result 8: flow control (流量控制错) — the gateway is busy, try later
const FLOW_CONTROL = 8;

interface InFlight {
  pdu: Buffer;
  sends: number;
  timer: NodeJS.Timeout;
  resolve: (msgId: string) => void;
  reject: (e: SubmitError) => void;
}

export function createCmppClient(o: CmppClientOptions): SmsGateway & { connections(): number } {
  const window = o.window ?? 16;
  const resendMs = o.resendMs ?? 60_000;
  const maxResends = o.maxResends ?? 3;
  const activeTestMs = o.activeTestMs ?? 60_000;
  const activeTestMisses = o.activeTestMisses ?? 3;
  const reconnectMs = o.reconnectMs ?? 1000;
  const maxReconnectMs = o.maxReconnectMs ?? 60_000;
  const v = o.version;

  let handlers: GatewayHandlers | null = null;
  let state: LinkState = 'down';
  let socket: net.Socket | null = null;
  let stopped = true;
  let failures = 0;
  let seq = 0;
  let connections = 0;
  let misses = 0;
  let reconnectTimer: NodeJS.Timeout | null = null;
  let activeTimer: NodeJS.Timeout | null = null;
  let connectTimer: NodeJS.Timeout | null = null;
  let onTerminated: (() => void) | null = null;
  let used = 0;
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
      const ts = cmppTimestamp(o.now(), o.timeZone);
      s.write(encodePdu(Command.CONNECT, nextSeq(), encodeConnect(o.spId, o.secret, v, ts)));
    });
    connectTimer = setTimeout(() => s.destroy(new Error('no CONNECT_RESP')), o.connectTimeoutMs ?? 10_000);
    s.on('data', (chunk: Buffer) => {
      let pdus: Pdu[];
      try {
        pdus = framer(chunk);
      } catch (err) {
        o.log.warn({ err }, 'CMPP: unreadable data from the gateway; connecting again');
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
    for (const t of [activeTimer, connectTimer]) if (t) clearTimeout(t);
    activeTimer = connectTimer = null;
    for (const [k, f] of inFlight) {
      clearTimeout(f.timer);
      inFlight.delete(k);
      f.reject(new SubmitError('CMPP link dropped before the gateway answered', 'unknown'));
    }
    for (const w of waiting.splice(0)) w.fail(new SubmitError('CMPP link dropped', 'not_sent'));
    used = 0;
    onTerminated?.();
    if (stopped) return;
    const delay = Math.min(reconnectMs * 2 ** failures, maxReconnectMs);
    failures += 1;
    reconnectTimer = setTimeout(connect, delay);
  }

  function keepAlive() {
    activeTimer = setTimeout(() => {
      if (misses >= activeTestMisses) {
        o.log.warn({ misses }, 'CMPP: ACTIVE_TEST unanswered; connecting again');
        socket?.destroy();
        return;
      }
      misses += 1;
      write(encodePdu(Command.ACTIVE_TEST, nextSeq()));
      keepAlive();
    }, activeTestMs);
  }

  async function handle(p: Pdu) {
    switch (p.commandId) {
      case Command.CONNECT_RESP: {
        if (connectTimer) clearTimeout(connectTimer);
        const r = decodeConnectResp(p.body, v);
        if (r.status !== 0) {
          o.log.warn({ status: r.status }, `CMPP: the gateway refused the login: ${CONNECT_STATUS[r.status] ?? 'other error'}`);
          socket?.destroy();
          return;
        }
        state = 'up';
        failures = 0;
        misses = 0;
        connections += 1;
        keepAlive();
        handlers?.up?.();
        return;
      }
      case Command.SUBMIT_RESP: {
        const f = inFlight.get(p.sequenceId);
        if (!f) return;
        clearTimeout(f.timer);
        inFlight.delete(p.sequenceId);
        release();
        const r = decodeSubmitResp(p.body, v);
        if (r.result === 0) f.resolve(r.msgId);
        else f.reject(new SubmitError(`CMPP SUBMIT result ${r.result}`, r.result === FLOW_CONTROL ? 'not_sent' : 'rejected'));
        return;
      }
      case Command.DELIVER: {
        let msgId = '0';
        try {
          const d = decodeDeliver(p.body, v);
          msgId = d.msgId;
          if (d.registeredDelivery === 1) {
            const report = decodeStatusReport(d.content, v);
            await handlers?.receipt({ gatewayId: report.msgId, status: report.stat });
          } else {
            const concat = d.tpUdhi ? readConcatenation(d.content) : null;
            const text = decodeText(d.content, d.msgFmt, d.tpUdhi === 1);
            await reassemble({ key: `cmpp:${d.msgId}`, from: d.srcTerminalId, to: d.destId, text }, concat, o.now().getTime());
          }
        } catch (err) {
          o.log.warn({ err }, 'CMPP: a DELIVER could not be handled; acknowledged all the same');
        }
        // always acknowledged, or the gateway delivers it again and again
        write(encodePdu(Command.DELIVER_RESP, p.sequenceId, encodeDeliverResp(msgId, 0, v)));
        return;
      }
      case Command.ACTIVE_TEST:
        write(encodePdu(Command.ACTIVE_TEST_RESP, p.sequenceId, encodeActiveTestResp()));
        return;
      case Command.ACTIVE_TEST_RESP:
        misses = 0;
        return;
      case Command.TERMINATE:
        write(encodePdu(Command.TERMINATE_RESP, p.sequenceId));
        socket?.end();
        return;
      case Command.TERMINATE_RESP:
        socket?.end();
        return;
      default:
        return;
    }
  }

  // a slot freed goes straight to the next waiting submit, so the window is never exceeded
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
      throw new SubmitError('CMPP link is not up', 'not_sent');
    }
    const sequenceId = nextSeq();
    const body = encodeSubmit(
      {
        msgId: '0',
        pkTotal: part.total,
        pkNumber: part.index,
        registeredDelivery: 1,
        msgLevel: 1,
        serviceId: o.serviceId ?? '',
        feeUserType: 2,
        feeTerminalId: '',
        tpPid: 0,
        tpUdhi: part.udh ? 1 : 0,
        msgFmt: part.dataCoding === 8 ? MsgFmt.UCS2 : MsgFmt.ASCII,
        msgSrc: o.spId,
        feeType: '01',
        feeCode: '000000',
        validTime: '',
        atTime: '',
        srcId: sms.from,
        destTerminalIds: [sms.to],
        content: part.udh ? Buffer.concat([part.udh, part.payload]) : part.payload,
        linkId: '',
      },
      v,
    );
    const pdu = encodePdu(Command.SUBMIT, sequenceId, body);
    return new Promise<string>((resolve, reject) => {
      const f: InFlight = { pdu, sends: 1, timer: setTimeout(() => resend(sequenceId), resendMs), resolve, reject };
      inFlight.set(sequenceId, f);
      write(pdu);
    });
  }

  function resend(sequenceId: number) {
    const f = inFlight.get(sequenceId);
    if (!f) return;
    if (f.sends > maxResends) {
      inFlight.delete(sequenceId);
      release();
      f.reject(new SubmitError(`CMPP SUBMIT unanswered after ${maxResends} resends`, 'unknown'));
      return;
    }
    f.sends += 1;
    write(f.pdu);
    f.timer = setTimeout(() => resend(sequenceId), resendMs);
  }

  return {
    kind: 'cmpp',
    state: () => state,
    connections: () => connections,
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
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const s = socket;
      if (!s) return;
      if (state === 'up') {
        // TERMINATE and wait a moment for its answer, then close regardless
        await new Promise<void>((done) => {
          const t = setTimeout(() => {
            s.destroy();
          }, 1000);
          onTerminated = () => {
            clearTimeout(t);
            done();
          };
          s.write(encodePdu(Command.TERMINATE, nextSeq()));
        });
      } else {
        s.destroy();
      }
    },
    async submit(sms) {
      if (state !== 'up') throw new SubmitError('CMPP link is not up', 'not_sent');
      const ids: string[] = [];
      for (const part of sms.parts) {
        try {
          ids.push(await submitPart(sms, part));
        } catch (err) {
          // once a part went out, sending the message again would repeat that part
          if (ids.length > 0 && err instanceof SubmitError && err.outcome === 'not_sent') throw new SubmitError(err.message, 'unknown');
          throw err;
        }
      }
      return ids;
    },
  };
}
