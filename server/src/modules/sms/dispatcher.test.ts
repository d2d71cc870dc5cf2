import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { SubmitError } from './gateway.js';
import { createSmsLink } from './service.js';
import { createSimulatorGateway, type SimulatorGateway } from './simulator.js';

let ctx: TestContext;
let sim: SimulatorGateway;

beforeEach(async () => {
  ctx = await createTestContext();
  sim = createSimulatorGateway({ now: () => ctx.clock.now(), autoReceipt: false });
  ctx.app.sms.useGateway(sim);
  sim.start();
  // the link coming up starts a pass of its own; let it finish so each test counts only its own
  await ctx.app.sms.dispatch();
});
afterEach(() => ctx.close());

const db = () => ctx.database.db.kysely;
const enqueue = (text: string, purpose: 'otp' | 'notification' | 'reply' = 'notification', extra: object = {}) =>
  ctx.app.smsOutbox.enqueue(db(), { phone: '13800138000', text, purpose, ...extra });
const row = (id: number) => db().selectFrom('sms_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('the SMS dispatcher', () => {
  it('sends a queued message once and records its delivery receipt', async () => {
    sim = createSimulatorGateway({ now: () => ctx.clock.now() });
    ctx.app.sms.useGateway(sim);
    sim.start();
    await ctx.app.sms.dispatch();
    const id = await enqueue('您的投诉已受理');
    expect(await ctx.app.sms.dispatch()).toMatchObject({ sent: 1 });
    await sim.settled();
    expect(await ctx.app.sms.dispatch()).toMatchObject({ sent: 0 });
    expect(sim.sent).toHaveLength(1);
    expect(sim.sent[0]).toMatchObject({ to: '13800138000', from: '10086', text: '您的投诉已受理', dataCoding: 8 });
    const r = await row(id);
    expect(r.state).toBe('delivered');
    expect(JSON.parse(r.gateway_ids!)).toEqual(sim.sent[0]!.ids);
    expect(r.attempts).toBe(1);
    expect(r.delivered_at).not.toBeNull();
  });

  it('sends a long Chinese message as UCS-2 parts and calls it delivered only when every part is', async () => {
    const sim2 = createSimulatorGateway({ now: () => ctx.clock.now(), autoReceipt: false });
    ctx.app.sms.useGateway(sim2);
    sim2.start();
    const text = '尊敬的客户，您反映的小区信号问题已由网络部处理完毕，'.repeat(6);
    const id = await enqueue(text);
    await ctx.app.sms.dispatch();
    expect(sim2.sent[0]).toMatchObject({ parts: 3, text });
    const ids = sim2.sent[0]!.ids;
    await sim2.receipt(ids[0]!);
    await sim2.receipt(ids[1]!);
    expect((await row(id)).state).toBe('sent');
    await sim2.receipt(ids[2]!);
    expect((await row(id)).state).toBe('delivered');
  });

  it('records a failed receipt against the message', async () => {
    const sim2 = createSimulatorGateway({ now: () => ctx.clock.now(), autoReceipt: false });
    ctx.app.sms.useGateway(sim2);
    sim2.start();
    const id = await enqueue('hello');
    await ctx.app.sms.dispatch();
    await sim2.receipt(sim2.sent[0]!.ids[0]!, 'UNDELIV');
    expect(await row(id)).toMatchObject({ state: 'failed', last_error: 'receipt: UNDELIV' });
  });

  it('keeps messages while the link is down, spending no attempt, and sends them once it is up', async () => {
    sim.setUp(false);
    const id = await enqueue('hello');
    expect(await ctx.app.sms.dispatch()).toMatchObject({ sent: 0 });
    expect(await row(id)).toMatchObject({ state: 'queued', attempts: 0 });
    sim.setUp(true);
    await ctx.app.sms.dispatch();
    expect(await row(id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('retries with growing pauses when the centre cannot take a message', async () => {
    const id = await enqueue('hello');
    sim.failNext(new SubmitError('throttled', 'not_sent'), new SubmitError('throttled', 'not_sent'));
    expect(await ctx.app.sms.dispatch()).toMatchObject({ retried: 1 });
    const first = await row(id);
    expect(first).toMatchObject({ state: 'queued', attempts: 1, last_error: 'throttled' });
    expect(new Date(first.next_attempt_at!).getTime() - ctx.clock.now().getTime()).toBe(15_000);
    expect(await ctx.app.sms.dispatch()).toMatchObject({ sent: 0, retried: 0 });
    ctx.clock.advance({ seconds: 15 });
    expect(await ctx.app.sms.dispatch()).toMatchObject({ retried: 1 });
    expect(new Date((await row(id)).next_attempt_at!).getTime() - ctx.clock.now().getTime()).toBe(30_000);
    ctx.clock.advance({ seconds: 30 });
    expect(await ctx.app.sms.dispatch()).toMatchObject({ sent: 1 });
    expect(sim.sent).toHaveLength(1);
  });

  it('marks a message the centre refused as failed, without retrying', async () => {
    const id = await enqueue('hello');
    sim.failNext(new SubmitError('invalid destination', 'rejected'));
    await ctx.app.sms.dispatch();
    expect(await row(id)).toMatchObject({ state: 'failed', last_error: 'invalid destination', next_attempt_at: null });
  });

  it('after a submit with no answer, sends a one-time code again but never a notification twice', async () => {
    const otp = await enqueue('验证码 123456', 'otp');
    const note = await enqueue('您的投诉已受理');
    sim.failNext(new SubmitError('no answer', 'unknown'), new SubmitError('no answer', 'unknown'));
    await ctx.app.sms.dispatch();
    expect(await row(otp)).toMatchObject({ state: 'queued' });
    expect((await row(note)).state).toBe('failed');
    expect((await row(note)).last_error).toMatch(/outcome unknown/);
    ctx.clock.advance({ minutes: 1 });
    await ctx.app.sms.dispatch();
    expect(sim.sent.map((s) => s.text)).toEqual(['验证码 123456']);
  });

  it('after a crash between submit and its record, resends a one-time code and not a notification', async () => {
    const otp = await enqueue('验证码 123456', 'otp');
    const note = await enqueue('您的投诉已受理');
    // a process claimed both and died while submitting: the rows stay 'sending' with a lease
    const dying = createSimulatorGateway({ now: () => ctx.clock.now(), autoReceipt: false });
    dying.start();
    const release = dying.hold();
    const crashed = createSmsLink({
      db: ctx.database.db,
      clock: ctx.clock,
      gatewayConfig: null,
      sender: '10086',
      timeZone: 'Asia/Shanghai',
      quietHours: null,
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    crashed.useGateway(dying);
    const lost = crashed.dispatch();
    await dying.held(2);
    expect((await row(otp)).state).toBe('sending');
    // within the lease nobody touches them
    expect(await ctx.app.sms.dispatch()).toMatchObject({ sent: 0 });
    // a code's lease is short: after it, the code is sent again (a second code is harmless)
    ctx.clock.advance({ minutes: 2 });
    await ctx.app.sms.dispatch();
    expect(await row(otp)).toMatchObject({ state: 'sent', attempts: 2 });
    expect((await row(note)).state).toBe('sending');
    // the notification's outcome is unknown once its lease ends: marked failed, never sent a second time
    ctx.clock.advance({ minutes: 9 });
    await ctx.app.sms.dispatch();
    expect((await row(note)).state).toBe('failed');
    expect((await row(note)).last_error).toMatch(/interrupted/);
    release();
    await lost;
    // the late answer for the notification is the truth (the centre took it once): recorded as sent
    expect((await row(note)).state).toBe('sent');
    expect([...sim.sent, ...dying.sent].filter((m) => m.text === '您的投诉已受理')).toHaveLength(1);
  });

  it('resends a one-time code whose sender crashed, while the code is still useful', async () => {
    const otp = await enqueue('验证码 654321', 'otp');
    await db().updateTable('sms_outbox').set({ state: 'sending', attempts: 1, next_attempt_at: ctx.clock.now().toISOString() }).execute();
    await ctx.app.sms.dispatch();
    expect(await row(otp)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(sim.sent).toHaveLength(1);
  });

  it('holds notifications during quiet hours until 08:00, while one-time codes and replies go at once', async () => {
    ctx.clock.set('2026-11-23T14:30:00Z'); // 22:30 in Shanghai
    const note = await enqueue('您的投诉已答复');
    const otp = await enqueue('验证码 111111', 'otp');
    const reply = await enqueue('您目前没有处理中的投诉', 'reply');
    await ctx.app.sms.dispatch();
    expect((await row(otp)).state).toBe('sent');
    expect((await row(reply)).state).toBe('sent');
    expect(await row(note)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(new Date((await row(note)).next_attempt_at!).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    ctx.clock.set('2026-11-24T00:00:00Z');
    await ctx.app.sms.dispatch();
    expect((await row(note)).state).toBe('sent');
  });

  it('never sends one message twice when two processes work the outbox at once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push(await enqueue(`message ${i}`));
    const other = createSmsLink({
      db: ctx.database.db,
      clock: ctx.clock,
      gatewayConfig: null,
      sender: '10086',
      timeZone: 'Asia/Shanghai',
      quietHours: null,
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    const sim2 = createSimulatorGateway({ now: () => ctx.clock.now() });
    other.useGateway(sim2);
    sim2.start();
    await Promise.all([ctx.app.sms.dispatch(), other.dispatch(), ctx.app.sms.dispatch(), other.dispatch()]);
    const texts = [...sim.sent, ...sim2.sent].map((s) => s.text).sort();
    expect(texts).toHaveLength(30);
    expect(new Set(texts).size).toBe(30);
  });
});
