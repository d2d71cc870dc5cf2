import net from 'node:net';
import { encodeUcs2 } from '../encoding.js';
import {
  authenticatorIsmg,
  authenticatorSource,
  Command,
  createFramer,
  decodeConnect,
  decodeDeliverResp,
  decodeSubmit,
  encodeConnectResp,
  encodeDeliver,
  encodePdu,
  encodeStatusReport,
  encodeSubmitResp,
  MsgFmt,
  versionByte,
  type CmppVersion,
  type Pdu,
  type Submit,
} from './codec.js';

// A CMPP gateway (ISMG) for tests, on 127.0.0.1 and a port of the system's choosing: checks the login, answers
// SUBMITs (or stays silent, or refuses), sends status reports and customers' messages, and records everything.
export interface FakeCmppOptions {
  spId: string;
  secret: string;
  version: CmppVersion;
  /** send a DELIVRD status report after each SUBMIT */
  reports?: boolean;
}

export async function startFakeCmppGateway(o: FakeCmppOptions) {
  const v = o.version;
  const submits: (Submit & { sequenceId: number })[] = [];
  const raw: Pdu[] = [];
  const deliverResps: { sequenceId: number; msgId: string; result: number }[] = [];
  const results: number[] = [];
  const sockets = new Set<net.Socket>();
  let silent = false;
  const held: { s: net.Socket; sequenceId: number; dest: string }[] = [];
  let nextMsgId = 0x1000;
  let seq = 1000;
  let logins = 0;
  let activeTests = 0;
  const waiters: { when: () => boolean; go: () => void }[] = [];
  const poke = () => {
    for (const w of [...waiters]) {
      if (!w.when()) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.go();
    }
  };

  const server = net.createServer((s) => {
    sockets.add(s);
    const framer = createFramer();
    s.on('data', (chunk: Buffer) => {
      for (const p of framer(chunk)) handle(s, p);
      poke();
    });
    s.on('error', () => {});
    s.on('close', () => {
      sockets.delete(s);
      poke();
    });
  });

  function handle(s: net.Socket, p: Pdu) {
    raw.push(p);
    switch (p.commandId) {
      case Command.CONNECT: {
        const c = decodeConnect(p.body);
        const ts = String(c.timestamp).padStart(10, '0');
        const expected = authenticatorSource(o.spId, o.secret, ts);
        const status = c.sourceAddr !== o.spId ? 2 : !expected.equals(c.authenticator) ? 3 : c.version !== versionByte(v) ? 4 : 0;
        if (status === 0) logins += 1;
        s.write(
          encodePdu(
            Command.CONNECT_RESP,
            p.sequenceId,
            encodeConnectResp(status, authenticatorIsmg(status, c.authenticator, o.secret, v), v),
          ),
        );
        return;
      }
      case Command.SUBMIT: {
        const sub = decodeSubmit(p.body, v);
        submits.push({ ...sub, sequenceId: p.sequenceId });
        if (silent) {
          held.push({ s, sequenceId: p.sequenceId, dest: sub.destTerminalIds[0]! });
          return;
        }
        answer(s, p.sequenceId, sub.destTerminalIds[0]!);
        return;
      }
      case Command.DELIVER_RESP:
        deliverResps.push({ sequenceId: p.sequenceId, ...decodeDeliverResp(p.body, v) });
        return;
      case Command.ACTIVE_TEST:
        activeTests += 1;
        s.write(encodePdu(Command.ACTIVE_TEST_RESP, p.sequenceId, Buffer.from([0])));
        return;
      case Command.TERMINATE:
        s.write(encodePdu(Command.TERMINATE_RESP, p.sequenceId));
        s.end();
        return;
      default:
        return;
    }
  }

  function answer(s: net.Socket, sequenceId: number, dest: string) {
    const result = results.shift() ?? 0;
    const msgId = (nextMsgId++).toString(16).padStart(16, '0');
    s.write(encodePdu(Command.SUBMIT_RESP, sequenceId, encodeSubmitResp(msgId, result, v)));
    if (result === 0 && o.reports) void report(msgId, 'DELIVRD', dest);
  }

  const wait = (when: () => boolean) => new Promise<void>((go) => (when() ? go() : waiters.push({ when, go })));
  const anySocket = () => [...sockets][0];

  function sendDeliver(d: Parameters<typeof encodeDeliver>[0]) {
    const s = anySocket();
    if (!s) throw new Error('no client connected');
    const sequenceId = ++seq;
    s.write(encodePdu(Command.DELIVER, sequenceId, encodeDeliver(d, v)));
    return wait(() => deliverResps.some((r) => r.sequenceId === sequenceId));
  }

  function report(msgId: string, stat: string, dest: string) {
    const content = encodeStatusReport(
      { msgId, stat, submitTime: '2611231000', doneTime: '2611231000', destTerminalId: dest, smscSequence: 1 },
      v,
    );
    return sendDeliver({
      msgId: (nextMsgId++).toString(16),
      destId: dest,
      serviceId: '',
      tpPid: 0,
      tpUdhi: 0,
      msgFmt: 0,
      srcTerminalId: dest,
      registeredDelivery: 1,
      content,
      linkId: '',
    });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    submits,
    raw,
    deliverResps,
    logins: () => logins,
    activeTests: () => activeTests,
    connected: () => sockets.size,
    /** the next SUBMITs are answered with these results */
    answerWith: (...r: number[]) => void results.push(...r),
    /** SUBMITs get no answer (a slow or stuck gateway) */
    setSilent: (on: boolean) => void (silent = on),
    /** answers the SUBMITs held while silent, once each */
    answerHeld: () => {
      silent = false;
      const seen = new Set<number>();
      for (const h of held.splice(0)) {
        if (seen.has(h.sequenceId)) continue;
        seen.add(h.sequenceId);
        answer(h.s, h.sequenceId, h.dest);
      }
    },
    /** a customer's message to `to` (the service number, perhaps with an extension) */
    customerSends: (from: string, to: string, text: string) =>
      sendDeliver({
        msgId: (nextMsgId++).toString(16),
        destId: to,
        serviceId: '',
        tpPid: 0,
        tpUdhi: 0,
        msgFmt: MsgFmt.UCS2,
        srcTerminalId: from,
        registeredDelivery: 0,
        content: encodeUcs2(text),
        linkId: '',
      }),
    sendDeliver,
    report,
    /** the gateway asks whether the SP is alive */
    activeTest: () => {
      const s = anySocket()!;
      const sequenceId = ++seq;
      s.write(encodePdu(Command.ACTIVE_TEST, sequenceId));
      return wait(() => raw.some((p) => p.commandId === Command.ACTIVE_TEST_RESP && p.sequenceId === sequenceId));
    },
    waitFor: wait,
    /** cut every link, as a network failure would */
    drop: () => {
      for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type FakeCmppGateway = Awaited<ReturnType<typeof startFakeCmppGateway>>;
