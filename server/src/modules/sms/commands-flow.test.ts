import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketEvent, TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { createSimulatorGateway, type SimulatorGateway } from './simulator.js';

// The commands as wired in the app, through the real self-service and surveys: their effects in the timeline.
let ctx: TestContext;
let sim: SimulatorGateway;
let agent: Client;

beforeEach(async () => {
  ctx = await createTestContext();
  sim = createSimulatorGateway({ now: () => ctx.clock.now(), autoReceipt: false });
  ctx.app.sms.useGateway(sim);
  sim.start();
  agent = await ctx.login('agent');
});
afterEach(() => ctx.close());

const PHONE = '13800138000';
async function text(body: string, to = '10086') {
  await sim.inject(PHONE, to, body);
  await ctx.app.sms.dispatch();
  return sim.sent.filter((m) => m.to === PHONE).at(-1)?.text;
}
const events = async (t: { id: number }) => ((await agent.get(`/api/v1/tickets/${t.id}/events`)).json() as { items: TicketEvent[] }).items;

describe('SMS commands in the whole app', () => {
  it('adds the customer’s words to their open complaint’s timeline, and files a new complaint by SMS', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    expect(await text('CX')).toMatch(new RegExp(`^投诉${t.number}：`));
    expect(await text('BC 晚上八点以后完全没有信号')).toContain(t.number);
    const added = (await events(t)).at(-1)!;
    expect(added).toMatchObject({ action: 'customer_info', note: '晚上八点以后完全没有信号' });

    const reply = await text('投诉 上个月流量费多扣了30元');
    const number = /TS\d+/.exec(reply ?? '')?.[0];
    expect(number).toBeDefined();
    const filed = (await agent.get(`/api/v1/tickets/${number}`)).json() as TicketView;
    expect(filed).toMatchObject({ channel: 'sms', description: '上个月流量费多扣了30元' });
  });

  it('records a bare 1–5 sent to the survey’s number as the answer to that survey', async () => {
    const network = await ctx.login('network');
    let t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    const act = async (who: Client, action: string, body: object = {}) =>
      (t = (await who.post(`/api/v1/tickets/${t.id}/${action}`, body, { 'if-match': `"${t.version}"` })).json() as TicketView);
    await act(agent, 'dispatch');
    await act(network, 'take');
    await act(network, 'reply', { result: '已修复' });
    await act(agent, 'answer', { answer: '已修复' });
    await act(agent, 'close');
    const survey = await ctx.database.db.kysely.selectFrom('surveys').selectAll().where('ticket_id', '=', t.id).executeTakeFirst();
    expect(survey?.reply_code).toBeTruthy();
    expect(await text('5', `10086${survey!.reply_code}`)).toBe('感谢您的评价！');
    const after = await ctx.database.db.kysely.selectFrom('surveys').selectAll().where('ticket_id', '=', t.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'answered', score: 5, answered_via: 'sms' });
  });
});
