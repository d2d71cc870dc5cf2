import net from 'node:net';
import { encodeUcs2 } from '../encoding.js';
import {
  Command,
  createFramer,
  decodeBind,
  decodeShortMessage,
  encodeIdResp,
  encodePdu,
  encodeShortMessage,
  ESM_RECEIPT,
  Status,
  TAG_RECEIPTED_MESSAGE_ID,
  type Pdu,
  type ShortMessage,
} from './codec.js';

// An SMPP 3.4 SMSC for tests on 127.0.0.1, port 0: checks the transceiver bind, answers submit_sm (or holds the
// answers, or refuses), sends receipts and customers' messages as deliver_sm, and records everything it got.
export async function startFakeSmsc(o: { systemId: string; password: string; receipts?: boolean }) {
  const submits: (ShortMessage & { sequence: number })[] = [];
  const raw: Pdu[] = [];
  const sockets = new Set<net.Socket>();
  const statuses: number[] = [];
  const held: { s: net.Socket; sequence: number; dest: string }[] = [];
  let silent = false;
  let nextId = 1;
  let seq = 5000;
  let binds = 0;
  const waiters: { when: () => boolean; go: () => void }[] = [];
  const poke = () => {
    for (const w of [...waiters]) {
      if (!w.when()) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.go();
    }
  };
  const wait = (when: () => boolean) => new Promise<void>((go) => (when() ? go() : waiters.push({ when, go })));

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
      case Command.BIND_TRANSCEIVER: {
        const b = decodeBind(p.body);
        const status = b.systemId !== o.systemId ? Status.RINVSYSID : b.password !== o.password ? Status.RINVPASWD : Status.ROK;
        if (status === Status.ROK) binds += 1;
        s.write(encodePdu(Command.BIND_TRANSCEIVER_RESP, p.sequence, encodeIdResp('FAKESMSC'), status));
        return;
      }
      case Command.SUBMIT_SM: {
        const m = decodeShortMessage(p.body);
        submits.push({ ...m, sequence: p.sequence });
        if (silent) held.push({ s, sequence: p.sequence, dest: m.destination });
        else answer(s, p.sequence, m.destination);
        return;
      }
      case Command.ENQUIRE_LINK:
        s.write(encodePdu(Command.ENQUIRE_LINK_RESP, p.sequence));
        return;
      case Command.UNBIND:
        s.write(encodePdu(Command.UNBIND_RESP, p.sequence));
        s.end();
        return;
      default:
        return;
    }
  }

  function answer(s: net.Socket, sequence: number, dest: string) {
    const status = statuses.shift() ?? Status.ROK;
    const id = `M${nextId++}`;
    s.write(encodePdu(Command.SUBMIT_SM_RESP, sequence, status === Status.ROK ? encodeIdResp(id) : Buffer.alloc(0), status));
    if (status === Status.ROK && o.receipts) void receipt(id, 'DELIVRD', dest);
  }

  function deliver(m: Partial<ShortMessage> & Pick<ShortMessage, 'source' | 'destination' | 'shortMessage'>) {
    const s = [...sockets][0];
    if (!s) throw new Error('no ESME bound');
    const sequence = ++seq;
    const full: ShortMessage = {
      serviceType: '',
      sourceTon: 1,
      sourceNpi: 1,
      destTon: 0,
      destNpi: 0,
      esmClass: 0,
      protocolId: 0,
      priority: 0,
      scheduleDeliveryTime: '',
      validityPeriod: '',
      registeredDelivery: 0,
      replaceIfPresent: 0,
      dataCoding: 8,
      smDefaultMsgId: 0,
      ...m,
    };
    s.write(encodePdu(Command.DELIVER_SM, sequence, encodeShortMessage(full)));
    return wait(() => raw.some((p) => p.commandId === Command.DELIVER_SM_RESP && p.sequence === sequence));
  }

  function receipt(id: string, stat: string, dest: string, withTlv = true) {
    const text = `id:${id} sub:001 dlvrd:001 submit date:2611231000 done date:2611231000 stat:${stat} err:000 text:`;
    return deliver({
      source: dest,
      destination: '10086',
      esmClass: ESM_RECEIPT,
      dataCoding: 0,
      shortMessage: Buffer.from(text, 'latin1'),
      tlvs: withTlv ? new Map([[TAG_RECEIPTED_MESSAGE_ID, Buffer.from(`${id}\0`, 'latin1')]]) : undefined,
    });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    submits,
    raw,
    binds: () => binds,
    answerWith: (...s: number[]) => void statuses.push(...s),
    setSilent: (on: boolean) => void (silent = on),
    answerHeld: () => {
      silent = false;
      for (const h of held.splice(0)) answer(h.s, h.sequence, h.dest);
    },
    customerSends: (from: string, to: string, text: string) => deliver({ source: from, destination: to, shortMessage: encodeUcs2(text) }),
    deliver,
    receipt,
    enquireLink: () => {
      const s = [...sockets][0]!;
      const sequence = ++seq;
      s.write(encodePdu(Command.ENQUIRE_LINK, sequence));
      return wait(() => raw.some((p) => p.commandId === Command.ENQUIRE_LINK_RESP && p.sequence === sequence));
    },
    unbind: () => {
      for (const s of sockets) s.write(encodePdu(Command.UNBIND, ++seq));
    },
    waitFor: wait,
    drop: () => {
      for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
export type FakeSmsc = Awaited<ReturnType<typeof startFakeSmsc>>;
