import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { startFakeCmppGateway } from './cmpp/fake-gateway.js';
import { decodeUcs2 } from './encoding.js';
import { createGateway } from './links.js';
import { startFakeSmsc } from './smpp/fake-smsc.js';

// The whole path over real sockets on 127.0.0.1: outbox → dispatcher → CMPP or SMPP → status reports recorded
// against the message; a customer's message → command → reply through the outbox.
let ctx: TestContext;
const cleanup: (() => Promise<void>)[] = [];
beforeEach(async () => {
  ctx = await createTestContext();
  ctx.app.sms.useCommands({
    selfService: {
      progress: async () => ({
        openTickets: [
          { number: 'TS20261123000001', statusText: { zh: '正在处理中', en: 'in progress' }, handlingUnit: null, answerDueAt: null },
        ],
      }),
      addInformation: async () => null,
      file: async () => ({ number: 'TS2' }),
    },
  });
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await ctx.close();
});

// waits on the link's own progress over the sockets (a busy machine may take seconds), never a fixed sleep
async function until(cond: () => Promise<boolean> | boolean) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  expect(await cond()).toBe(true);
}
const log = { info: () => {}, warn: () => {} };
const state = async (id: number) =>
  (await ctx.database.db.kysely.selectFrom('sms_outbox').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
const LONG =
  '尊敬的客户：您反映的丰乐花园小区信号问题，网络部已完成基站扩容，信号已恢复。感谢您的耐心等待，如仍有问题请回复“BC 内容”。'.repeat(2);

describe.each(['2.0', '3.0'] as const)('the SMS link over CMPP %s', (version) => {
  it('delivers a long Chinese message in parts, records its status reports, and answers a customer’s command', async () => {
    const fake = await startFakeCmppGateway({ spId: '901234', secret: 'secret', version, reports: true });
    cleanup.push(fake.close);
    const gateway = createGateway(
      { kind: 'cmpp', host: '127.0.0.1', port: fake.port, spId: '901234', secret: 'secret', version, serviceId: 'CLOSELOOP' },
      { clock: ctx.clock, timeZone: 'Asia/Shanghai', log },
    );
    ctx.app.sms.useGateway(gateway);
    cleanup.push(() => gateway.stop());
    const id = await ctx.app.smsOutbox.enqueue(ctx.database.db.kysely, { phone: '13800138000', text: LONG, purpose: 'notification' });
    gateway.start();
    // the link coming up sends what waited
    await until(async () => (await state(id)) === 'delivered');
    expect(fake.submits.map((s) => decodeUcs2(s.content.subarray(6))).join('')).toBe(LONG);
    expect(fake.submits[0]!.serviceId).toBe('CLOSELOOP');

    await fake.customerSends('13800138000', '10086', 'CX');
    await ctx.app.sms.dispatch();
    await until(() => fake.submits.some((s) => decodeUcs2(s.content).includes('正在处理中')));
  });

  it('keeps messages through a dropped link and sends them once it is back', async () => {
    const fake = await startFakeCmppGateway({ spId: '901234', secret: 'secret', version });
    cleanup.push(fake.close);
    const gateway = createGateway(
      { kind: 'cmpp', host: '127.0.0.1', port: fake.port, spId: '901234', secret: 'secret', version, serviceId: '' },
      { clock: ctx.clock, timeZone: 'Asia/Shanghai', log },
    );
    ctx.app.sms.useGateway(gateway);
    cleanup.push(() => gateway.stop());
    gateway.start();
    await until(() => gateway.state() === 'up');
    fake.drop();
    await until(() => gateway.state() !== 'up');
    const id = await ctx.app.smsOutbox.enqueue(ctx.database.db.kysely, { phone: '13800138000', text: 'hello', purpose: 'reply' });
    expect(await ctx.app.sms.dispatch()).toMatchObject({ sent: 0 });
    await until(() => fake.logins() >= 2);
    await until(async () => (await state(id)) === 'sent');
    expect(fake.submits).toHaveLength(1);
  });
});

describe('the SMS link over SMPP 3.4', () => {
  it('binds, delivers a long Chinese message with receipts, and answers a customer’s command', async () => {
    const smsc = await startFakeSmsc({ systemId: 'closeloop', password: 'pw123', receipts: true });
    cleanup.push(smsc.close);
    const gateway = createGateway(
      { kind: 'smpp', host: '127.0.0.1', port: smsc.port, systemId: 'closeloop', password: 'pw123', window: 10 },
      { clock: ctx.clock, timeZone: 'Asia/Shanghai', log },
    );
    ctx.app.sms.useGateway(gateway);
    cleanup.push(() => gateway.stop());
    const id = await ctx.app.smsOutbox.enqueue(ctx.database.db.kysely, { phone: '13800138000', text: LONG, purpose: 'notification' });
    gateway.start();
    await until(async () => (await state(id)) === 'delivered');
    expect(smsc.submits.every((s) => s.esmClass === 0x40 && s.dataCoding === 8)).toBe(true);

    await smsc.customerSends('13800138000', '10086', '查询');
    await ctx.app.sms.dispatch();
    await until(() => smsc.submits.some((s) => decodeUcs2(s.shortMessage).includes('正在处理中')));
  });
});
