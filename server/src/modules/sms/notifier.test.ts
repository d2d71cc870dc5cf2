import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { formatDue } from './notifier.js';
import { createSimulatorGateway, type SimulatorGateway } from './simulator.js';

let ctx: TestContext;
let sim: SimulatorGateway;
let agent: Client;
let network: Client;

beforeEach(async () => {
  ctx = await createTestContext();
  sim = createSimulatorGateway({ now: () => ctx.clock.now(), autoReceipt: false });
  ctx.app.sms.useGateway(sim);
  sim.start();
  [agent, network] = await Promise.all([ctx.login('agent'), ctx.login('network')]);
});
afterEach(() => ctx.close());

const act = async (who: Client, t: TicketView, action: string, body: object = {}) => {
  const res = await who.post(`/api/v1/tickets/${t.id}/${action}`, body, { 'if-match': `"${t.version}"` });
  expect(res.statusCode).toBe(200);
  return res.json() as TicketView;
};
// the notifications of one ticket, as the customer's phone shows them (other modules' messages left out)
const notices = async (ticketId: number) =>
  await ctx.database.db.kysely
    .selectFrom('sms_outbox')
    .select(['text', 'state', 'dedupe_key', 'phone', 'purpose', 'next_attempt_at'])
    .where('ticket_id', '=', ticketId)
    .where('dedupe_key', 'like', 'ticket:%')
    .orderBy('id')
    .execute();

describe('progress notifications to the customer', () => {
  it('tells the customer when the complaint is accepted, the department replied and it is answered', async () => {
    let t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    const accepted = await notices(t.id);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ phone: '13800138000', purpose: 'notification' });
    expect(accepted[0]!.text).toMatch(new RegExp(`^您的投诉已受理，工单号${t.number}，我们将在\\d+月\\d+日 \\d\\d:\\d\\d前答复您。`));

    t = await act(agent, t, 'dispatch');
    t = await act(network, t, 'take');
    expect(await notices(t.id)).toHaveLength(1);
    t = await act(network, t, 'reply', { result: '基站故障已修复' });
    t = await act(agent, t, 'answer', { answer: '基站已修复，信号恢复正常' });
    const texts = (await notices(t.id)).map((n) => n.text);
    expect(texts.slice(1)).toEqual([
      `您的投诉${t.number}已有处理部门的回复，客服将尽快答复您。回复CX查询进度。`,
      `您的投诉${t.number}已答复：基站已修复，信号恢复正常`,
    ]);
    await act(agent, t, 'close');
    // the close (with its survey) is the surveys module's message, not a notification of ours
    expect(await notices(t.id)).toHaveLength(3);

    await ctx.app.sms.dispatch();
    expect(sim.sent.filter((m) => m.text.includes(t.number!)).length).toBeGreaterThanOrEqual(3);
  });

  it('writes in the customer’s language', async () => {
    await ctx.database.db.kysely.updateTable('customers').set({ language: 'en' }).where('phone', '=', '13800138000').execute();
    const t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    expect((await notices(t.id))[0]!.text).toMatch(
      new RegExp(`^Your complaint ${t.number} has been accepted; we will answer by \\d+ \\w+ \\d\\d:\\d\\d\\.`),
    );
  });

  it('sends nothing for a complaint closed at first contact, or one filed by SMS (its reply carries the number)', async () => {
    const solved = (
      await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0301', resolveNow: { resolution: '解释了扣费规则' } }))
    ).json() as TicketView;
    expect(await notices(solved.id)).toHaveLength(0);
    const bySms = (await agent.post('/api/v1/tickets', makeTicketBody({ channel: 'sms' }))).json() as TicketView;
    expect(await notices(bySms.id)).toHaveLength(0);
  });

  it('holds a notification at night until 08:00', async () => {
    ctx.clock.set('2026-11-23T13:30:00Z'); // 21:30 in Shanghai
    const t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    await ctx.app.sms.dispatch();
    expect((await notices(t.id))[0]).toMatchObject({ state: 'queued' });
    expect(sim.sent).toHaveLength(0);
    ctx.clock.set('2026-11-24T00:00:01Z');
    await ctx.app.sms.dispatch();
    expect((await notices(t.id))[0]).toMatchObject({ state: 'sent' });
  });

  it('uses the template as an administrator edited it', async () => {
    const admin = await ctx.login('admin');
    const res = await admin.request('PUT', '/api/v1/sms/templates/accepted/zh-CN', { text: '【江门移动】工单{number}已受理' });
    expect(res.statusCode).toBe(200);
    const t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    expect((await notices(t.id))[0]!.text).toBe(`【江门移动】工单${t.number}已受理`);
  });

  it('formats the due time in the organisation’s zone', () => {
    expect(formatDue('2026-11-25T10:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('11月25日 18:00');
    expect(formatDue('2026-11-25T10:00:00Z', 'en', 'Asia/Shanghai')).toBe('25 Nov 18:00');
  });
});
