import { afterEach, describe, expect, it } from 'vitest';
import { decodeUcs2, splitMessage } from '../encoding.js';
import { SubmitError, type DeliveryReceipt, type InboundSms } from '../gateway.js';
import { createCmppClient } from './client.js';
import { Command, MsgFmt, type CmppVersion } from './codec.js';
import { startFakeCmppGateway, type FakeCmppGateway } from './fake-gateway.js';

const quiet = { info: () => {}, warn: () => {} };
let fake: FakeCmppGateway | undefined;
let client: ReturnType<typeof createCmppClient> | undefined;
afterEach(async () => {
  await client?.stop();
  await fake?.close();
  client = fake = undefined;
});

async function link(version: CmppVersion, options: Partial<Parameters<typeof createCmppClient>[0]> = {}, reports = true) {
  fake = await startFakeCmppGateway({ spId: '901234', secret: 'secret', version, reports });
  const receipts: DeliveryReceipt[] = [];
  const inbound: InboundSms[] = [];
  let ups = 0;
  client = createCmppClient({
    host: '127.0.0.1',
    port: fake.port,
    spId: '901234',
    secret: 'secret',
    version,
    timeZone: 'Asia/Shanghai',
    now: () => new Date(),
    log: quiet,
    reconnectMs: 20,
    ...options,
  });
  client.setHandlers({
    receipt: async (r) => void receipts.push(r),
    inbound: async (m) => void inbound.push(m),
    up: () => void (ups += 1),
  });
  client.start();
  await fake.waitFor(() => fake!.logins() >= 1);
  await until(() => client!.state() === 'up');
  return { fake, client, receipts, inbound, ups: () => ups };
}

// waits on the client's own progress (socket events), not on a clock
async function until(cond: () => boolean) {
  const deadline = Date.now() + 20_000;
  while (!cond() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  expect(cond()).toBe(true);
}

const sms = (text: string, to = '13800138000', ref = 1) => ({ to, from: '100861234', parts: splitMessage(text, ref) });

describe.each(['2.0', '3.0'] as const)('CMPP %s client against a fake gateway', (version) => {
  it('logs in, sends a long Chinese message in UCS-2 parts and records each part’s status report', async () => {
    const { fake, client, receipts } = await link(version);
    const text = '您的投诉TS20261123000001已受理，网络部正在处理小区信号问题，预计两天内答复。'.repeat(3);
    const ids = await client.submit(sms(text, '13800138000', 0x42));
    expect(ids).toHaveLength(3);
    expect(fake.submits.map((s) => [s.pkTotal, s.pkNumber, s.tpUdhi, s.msgFmt, s.registeredDelivery])).toEqual([
      [3, 1, 1, MsgFmt.UCS2, 1],
      [3, 2, 1, MsgFmt.UCS2, 1],
      [3, 3, 1, MsgFmt.UCS2, 1],
    ]);
    expect([...fake.submits[1]!.content.subarray(0, 6)]).toEqual([5, 0, 3, 0x42, 3, 2]);
    expect(fake.submits.map((s) => decodeUcs2(s.content.subarray(6))).join('')).toBe(text);
    expect(fake.submits[0]!.destTerminalIds).toEqual(['13800138000']);
    expect(fake.submits[0]!.srcId).toBe('100861234');
    await until(() => receipts.length === 3);
    expect(receipts).toEqual(ids.map((gatewayId) => ({ gatewayId, status: 'DELIVRD' })));
    await fake.waitFor(() => fake.deliverResps.length === 3);
  });

  it('acknowledges every DELIVER and hands customers’ messages over, long ones put back together', async () => {
    const { fake, inbound } = await link(version);
    await fake.customerSends('13800138000', '10086', '查询');
    expect(inbound).toEqual([expect.objectContaining({ from: '13800138000', to: '10086', text: '查询' })]);
    const acks = fake.deliverResps.length;
    const part = (i: number, s: string) =>
      fake.sendDeliver({
        msgId: `ab${i}`,
        destId: '10086',
        serviceId: '',
        tpPid: 0,
        tpUdhi: 1,
        msgFmt: MsgFmt.UCS2,
        srcTerminalId: '13900139000',
        registeredDelivery: 0,
        content: Buffer.concat([Buffer.from([5, 0, 3, 9, 2, i]), Buffer.from(s, 'utf16le').swap16()]),
        linkId: '',
      });
    await part(1, '补充 家里');
    await part(2, '没有信号');
    expect(fake.deliverResps.length).toBe(acks + 2);
    expect(fake.deliverResps.every((r) => r.result === 0)).toBe(true);
    expect(inbound[1]).toMatchObject({ from: '13900139000', text: '补充 家里没有信号' });
  });

  it('acknowledges a DELIVER even when handling it fails', async () => {
    const { fake, client } = await link(version);
    client.setHandlers({ receipt: async () => {}, inbound: async () => Promise.reject(new Error('database down')) });
    await fake.customerSends('13800138000', '10086', 'CX');
    expect(fake.deliverResps.at(-1)).toMatchObject({ result: 0 });
  });

  it('keeps at most 16 SUBMITs unanswered', async () => {
    const { fake, client } = await link(version, { resendMs: 60_000 });
    fake.setSilent(true);
    const all = Array.from({ length: 20 }, (_, i) => client.submit(sms(`message ${i}`)));
    await fake.waitFor(() => fake.submits.length >= 16);
    await new Promise((r) => setImmediate(r));
    expect(fake.submits).toHaveLength(16);
    fake.answerHeld();
    await fake.waitFor(() => fake.submits.length >= 20);
    fake.answerHeld();
    expect(await Promise.all(all)).toHaveLength(20);
  });

  it('sends an unanswered SUBMIT again, 3 times, then reports the outcome unknown', async () => {
    const { fake, client } = await link(version, { resendMs: 30 });
    fake.setSilent(true);
    const err = await client.submit(sms('hello')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SubmitError);
    expect((err as SubmitError).outcome).toBe('unknown');
    expect(fake.submits).toHaveLength(4);
    expect(new Set(fake.submits.map((s) => s.sequenceId)).size).toBe(1);
  });

  it('tells a busy gateway (flow control) from a refusal', async () => {
    const { fake, client } = await link(version);
    fake.answerWith(8, 6);
    expect(((await client.submit(sms('a')).catch((e: unknown) => e)) as SubmitError).outcome).toBe('not_sent');
    expect(((await client.submit(sms('b')).catch((e: unknown) => e)) as SubmitError).outcome).toBe('rejected');
  });

  it('connects again after the link drops; what was unanswered then is of unknown outcome', async () => {
    const { fake, client, ups } = await link(version);
    fake.setSilent(true);
    const pending = client.submit(sms('hello')).catch((e: unknown) => e);
    await fake.waitFor(() => fake.submits.length === 1);
    fake.drop();
    expect(((await pending) as SubmitError).outcome).toBe('unknown');
    await expect(client.submit(sms('x'))).rejects.toMatchObject({ outcome: 'not_sent' });
    await fake.waitFor(() => fake.logins() >= 2);
    await until(() => client.state() === 'up');
    expect(ups()).toBe(2);
    fake.setSilent(false);
    expect(await client.submit(sms('again'))).toHaveLength(1);
  });

  it('answers the gateway’s ACTIVE_TEST and tests an idle link itself', async () => {
    const { fake } = await link(version, { activeTestMs: 20 });
    await fake.activeTest();
    await fake.waitFor(() => fake.activeTests() >= 2);
  });

  it('is refused with a wrong secret and does not count as up', async () => {
    fake = await startFakeCmppGateway({ spId: '901234', secret: 'secret', version });
    client = createCmppClient({
      host: '127.0.0.1',
      port: fake.port,
      spId: '901234',
      secret: 'wrong',
      version,
      timeZone: 'Asia/Shanghai',
      now: () => new Date(),
      log: quiet,
      reconnectMs: 10_000,
    });
    client.setHandlers({ receipt: async () => {}, inbound: async () => {} });
    client.start();
    await fake.waitFor(() => fake!.raw.some((p) => p.commandId === Command.CONNECT));
    await until(() => client!.state() === 'down');
    expect(fake.logins()).toBe(0);
  });

  it('says goodbye with TERMINATE when stopped', async () => {
    const { fake, client } = await link(version);
    await client.stop();
    expect(fake.raw.at(-1)?.commandId).toBe(Command.TERMINATE);
    expect(client.state()).toBe('down');
  });
});
