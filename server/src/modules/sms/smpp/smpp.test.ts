import { afterEach, describe, expect, it } from 'vitest';
import { decodeUcs2, splitMessage } from '../encoding.js';
import type { DeliveryReceipt, InboundSms, SubmitError } from '../gateway.js';
import { createSmppClient } from './client.js';
import { Command, decodeShortMessage, encodeBind, encodePdu, encodeShortMessage, ESM_UDHI, Status } from './codec.js';
import { startFakeSmsc, type FakeSmsc } from './fake-smsc.js';

const quiet = { info: () => {}, warn: () => {} };
let smsc: FakeSmsc | undefined;
let client: ReturnType<typeof createSmppClient> | undefined;
afterEach(async () => {
  await client?.stop();
  await smsc?.close();
  client = smsc = undefined;
});

async function until(cond: () => boolean) {
  const deadline = Date.now() + 20_000;
  while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  expect(cond()).toBe(true);
}

async function bound(options: Partial<Parameters<typeof createSmppClient>[0]> = {}, receipts = true) {
  smsc = await startFakeSmsc({ systemId: 'closeloop', password: 'pw123', receipts });
  const got: DeliveryReceipt[] = [];
  const inbound: InboundSms[] = [];
  client = createSmppClient({
    host: '127.0.0.1',
    port: smsc.port,
    systemId: 'closeloop',
    password: 'pw123',
    now: () => new Date(),
    log: quiet,
    rebindMs: 20,
    ...options,
  });
  client.setHandlers({ receipt: async (r) => void got.push(r), inbound: async (m) => void inbound.push(m) });
  client.start();
  await until(() => client!.state() === 'up');
  return { smsc, client, receipts: got, inbound };
}

const sms = (text: string, ref = 1) => ({ to: '13800138000', from: '100861234', parts: splitMessage(text, ref) });

describe('SMPP 3.4 codec', () => {
  it('lays out bind_transceiver with C-Octet Strings and interface version 0x34', () => {
    const b = encodeBind({
      systemId: 'closeloop',
      password: 'pw123',
      systemType: '',
      interfaceVersion: 0x34,
      addrTon: 0,
      addrNpi: 0,
      addressRange: '',
    });
    expect(b.toString('latin1')).toBe('closeloop\0pw123\0\0\x34\0\0\0');
    const pdu = encodePdu(Command.BIND_TRANSCEIVER, 7, b);
    expect(pdu.readUInt32BE(0)).toBe(16 + b.length);
    expect(pdu.readUInt32BE(4)).toBe(9);
    expect(pdu.readUInt32BE(12)).toBe(7);
    expect(() =>
      encodeBind({
        systemId: 'a'.repeat(16),
        password: '',
        systemType: '',
        interfaceVersion: 0x34,
        addrTon: 0,
        addrNpi: 0,
        addressRange: '',
      }),
    ).toThrow();
  });

  it('lays out submit_sm: addresses, esm_class, data_coding, sm_length then the message', () => {
    const m = {
      serviceType: '',
      sourceTon: 0,
      sourceNpi: 0,
      source: '10086',
      destTon: 1,
      destNpi: 1,
      destination: '13800138000',
      esmClass: ESM_UDHI,
      protocolId: 0,
      priority: 0,
      scheduleDeliveryTime: '',
      validityPeriod: '',
      registeredDelivery: 1,
      replaceIfPresent: 0,
      dataCoding: 8,
      smDefaultMsgId: 0,
      shortMessage: Buffer.from([5, 0, 3, 1, 2, 1, 0x4e, 0x2d]),
    };
    const b = encodeShortMessage(m);
    // service_type NUL, ton, npi, "10086" NUL, ton, npi, "13800138000" NUL
    expect(b.subarray(0, 10)).toEqual(Buffer.from('\0\0\x0010086\0\x01', 'latin1'));
    const esmAt = 1 + 2 + 6 + 2 + 12;
    expect(b[esmAt]).toBe(0x40);
    expect(b[esmAt + 5]).toBe(1); // registered_delivery after two empty times
    expect(b[esmAt + 7]).toBe(8); // data_coding
    expect(b[esmAt + 9]).toBe(8); // sm_length
    expect(b).toHaveLength(esmAt + 10 + 8);
    expect(decodeShortMessage(b)).toEqual({ ...m, tlvs: new Map() });
  });
});

describe('SMPP 3.4 client against a fake SMSC', () => {
  it('binds as a transceiver, sends long Chinese text as UCS-2 parts with a UDH, and records receipts', async () => {
    const { smsc, client, receipts } = await bound();
    expect(smsc.raw[0]!.commandId).toBe(Command.BIND_TRANSCEIVER);
    const text = '您的投诉已由网络部处理完毕，小区新基站已于本周开通，信号已恢复正常。如仍有问题请回复“BC 内容”。'.repeat(2);
    const ids = await client.submit(sms(text, 0x33));
    expect(ids).toEqual(['M1', 'M2']);
    expect(smsc.submits.map((s) => [s.esmClass, s.dataCoding, s.registeredDelivery, s.source, s.destination])).toEqual([
      [0x40, 8, 1, '100861234', '13800138000'],
      [0x40, 8, 1, '100861234', '13800138000'],
    ]);
    expect([...smsc.submits[0]!.shortMessage.subarray(0, 6)]).toEqual([5, 0, 3, 0x33, 2, 1]);
    expect(smsc.submits.map((s) => decodeUcs2(s.shortMessage.subarray(6))).join('')).toBe(text);
    await until(() => receipts.length === 2);
    expect(receipts).toEqual([
      { gatewayId: 'M1', status: 'DELIVRD' },
      { gatewayId: 'M2', status: 'DELIVRD' },
    ]);
    await smsc.waitFor(() => smsc.raw.filter((p) => p.commandId === Command.DELIVER_SM_RESP).length === 2);
  });

  it('reads a receipt from its text when the SMSC sends no receipted_message_id', async () => {
    const { smsc, receipts } = await bound({}, false);
    await smsc.receipt('ABC123', 'UNDELIV', '13800138000', false);
    expect(receipts).toEqual([{ gatewayId: 'ABC123', status: 'UNDELIV' }]);
  });

  it('answers every deliver_sm and hands customers’ messages over', async () => {
    const { smsc, inbound, client } = await bound();
    await smsc.customerSends('13800138000', '100861234', '5');
    expect(inbound).toEqual([expect.objectContaining({ from: '13800138000', to: '100861234', text: '5' })]);
    client.setHandlers({ receipt: async () => {}, inbound: () => Promise.reject(new Error('boom')) });
    await smsc.customerSends('13800138000', '10086', 'CX');
    expect(smsc.raw.filter((p) => p.commandId === Command.DELIVER_SM_RESP).every((p) => p.status === 0)).toBe(true);
  });

  it('respects the window: no more unanswered submit_sm than the SMSC allows', async () => {
    const { smsc, client } = await bound({ window: 5 });
    smsc.setSilent(true);
    const all = Array.from({ length: 8 }, (_, i) => client.submit(sms(`m${i}`)));
    await smsc.waitFor(() => smsc.submits.length >= 5);
    await new Promise((r) => setImmediate(r));
    expect(smsc.submits).toHaveLength(5);
    smsc.answerHeld();
    await smsc.waitFor(() => smsc.submits.length >= 8);
    smsc.answerHeld();
    expect(await Promise.all(all)).toHaveLength(8);
  });

  it('reports a slow SMSC’s unanswered submit as of unknown outcome, and a throttled one as not sent', async () => {
    const { smsc, client } = await bound({ responseTimeoutMs: 30 });
    smsc.answerWith(Status.RTHROTTLED, Status.RINVDSTADR);
    expect(((await client.submit(sms('a')).catch((e: unknown) => e)) as SubmitError).outcome).toBe('not_sent');
    expect(((await client.submit(sms('b')).catch((e: unknown) => e)) as SubmitError).outcome).toBe('rejected');
    smsc.setSilent(true);
    expect(((await client.submit(sms('c')).catch((e: unknown) => e)) as SubmitError).outcome).toBe('unknown');
  });

  it('binds again with backoff after the link drops or the SMSC unbinds', async () => {
    const { smsc, client } = await bound();
    smsc.drop();
    await smsc.waitFor(() => smsc.binds() >= 2);
    await until(() => client.state() === 'up');
    smsc.unbind();
    await smsc.waitFor(() => smsc.binds() >= 3);
    await until(() => client.state() === 'up');
    expect(await client.submit(sms('still here'))).toHaveLength(1);
  });

  it('keeps the link alive with enquire_link and answers the SMSC’s', async () => {
    const { smsc } = await bound({ enquireLinkMs: 20 });
    await smsc.enquireLink();
    await smsc.waitFor(() => smsc.raw.filter((p) => p.commandId === Command.ENQUIRE_LINK).length >= 2);
  });

  it('is refused with a wrong password', async () => {
    smsc = await startFakeSmsc({ systemId: 'closeloop', password: 'pw123' });
    client = createSmppClient({
      host: '127.0.0.1',
      port: smsc.port,
      systemId: 'closeloop',
      password: 'nope',
      now: () => new Date(),
      log: quiet,
      rebindMs: 10_000,
    });
    client.setHandlers({ receipt: async () => {}, inbound: async () => {} });
    client.start();
    await smsc.waitFor(() => smsc!.raw.length >= 1);
    await until(() => client!.state() === 'down');
    expect(smsc.binds()).toBe(0);
  });

  it('unbinds when stopped', async () => {
    const { smsc, client } = await bound();
    await client.stop();
    expect(smsc.raw.at(-1)?.commandId).toBe(Command.UNBIND);
  });
});
