import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';

let ctx: TestContext;
let desk: Client;
let agent: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  desk = await ctx.login('desk');
  agent = await ctx.login('agent');
});
afterAll(() => ctx.close());

describe('a complaint the customer files without an agent', () => {
  it('waits in the complaint desk’s queue with no owner, its answer clock running', async () => {
    const filed = await ctx.app.selfService.file('13700001111', '家里宽带晚上经常断线', 'sms');
    const t = (await desk.get(`/api/v1/tickets/${filed.number}`)).json();
    expect(t).toMatchObject({ status: 'accepted', channel: 'sms', owner: null, category: { code: '0902' } });
    expect(t.ownerUnit.code).toBe('CSC-DESK');
    expect(t.actions).toContain('dispatch');
    const accepted = (await desk.get(`/api/v1/tickets/${filed.number}/events`)).json().items[0];
    expect(accepted).toMatchObject({ action: 'accept', actor: null, data: { selfService: true, channel: 'sms' } });
    const queue = (await desk.get('/api/v1/tickets?status=accepted&limit=200')).json();
    expect(queue.items.map((i: { number: string }) => i.number)).toContain(filed.number);
  });

  it('belongs to the first desk member who moves it, to the end; an agent cannot take it over', async () => {
    const filed = await ctx.app.selfService.file('13700002222', '话费多扣了20元', 'web', { categoryCode: '0301' });
    const byAgent = await agent.post(`/api/v1/tickets/${filed.number}/dispatch`, {});
    expect(byAgent.statusCode).toBe(403);
    expect(byAgent.json().error.code).toBe('ticket.not_owner');
    await desk.post(`/api/v1/tickets/${filed.number}/note`, { note: '先看看' });
    expect((await desk.get(`/api/v1/tickets/${filed.number}`)).json().owner).toBeNull();
    const dispatched = await desk.post(`/api/v1/tickets/${filed.number}/dispatch`, {});
    expect(dispatched.statusCode).toBe(200);
    expect(dispatched.json()).toMatchObject({ status: 'dispatched', owner: { name: expect.any(String) }, category: { code: '0301' } });
    const me = (await desk.get('/api/v1/me')).json();
    expect(dispatched.json().owner.id).toBe(me.id);
  });

  it('refuses a category that is not an active leaf', async () => {
    await expect(ctx.app.selfService.file('13700003333', '网络差', 'web', { categoryCode: '01' })).rejects.toMatchObject({
      code: 'category.not_leaf',
    });
  });
});
