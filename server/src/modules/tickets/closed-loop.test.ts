import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketEvent, TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let network: Client;
let desk: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [agent, network, desk] = await Promise.all([ctx.login('agent'), ctx.login('network'), ctx.login('desk')]);
});
afterAll(() => ctx.close());

const act = async (who: Client, t: { id: number; version: number }, action: string, body: object = {}) => {
  const res = await who.post(`/api/v1/tickets/${t.id}/${action}`, body, { 'if-match': `"${t.version}"` });
  return { res, ticket: res.json() as TicketView };
};

describe('a complaint through the whole closed loop', () => {
  it('is accepted, dispatched by routing, taken, replied, answered and closed, with every step in its timeline', async () => {
    const created = await agent.post('/api/v1/tickets', makeTicketBody());
    expect(created.statusCode).toBe(201);
    let t = created.json() as TicketView;
    expect(t.number).toMatch(/^TS20261123\d{6}$/);
    expect(t.status).toBe('accepted');
    expect(t.owner?.name).toBe('张敏');
    expect(t.actions).toEqual(expect.arrayContaining(['dispatch', 'resolve', 'note']));
    expect(created.headers.etag).toBe(`"${t.version}"`);

    let step = await act(agent, t, 'dispatch');
    expect(step.res.statusCode).toBe(200);
    t = step.ticket;
    expect(t.status).toBe('dispatched');
    expect(t.handlingUnit?.code).toBe('NET-MAINT');

    ctx.clock.advance({ hours: 2 });
    step = await act(network, t, 'take');
    t = step.ticket;
    expect(t.status).toBe('processing');
    expect(t.handlingUser?.name).toBe('王强');

    step = await act(network, t, 'reply', { result: '基站故障已修复，信号恢复正常' });
    t = step.ticket;
    expect(t.status).toBe('replied');
    expect(t.resolution).toBe('基站故障已修复，信号恢复正常');

    step = await act(agent, t, 'answer', { answer: '已告知客户：基站已修复' });
    expect(step.ticket.status).toBe('answered');
    step = await act(agent, step.ticket, 'close');
    t = step.ticket;
    expect(t.status).toBe('closed');
    expect(t.closedAt).toBe('2026-11-23T04:00:00.000Z');
    expect(t.actions).not.toContain('close');

    const events = (await agent.get(`/api/v1/tickets/${t.number}/events`)).json() as { items: TicketEvent[] };
    expect(events.items.map((e) => e.action)).toEqual(['accept', 'dispatch', 'take', 'reply', 'answer', 'close']);
    expect(events.items[1]).toMatchObject({
      fromStatus: 'accepted',
      toStatus: 'dispatched',
      data: { unitCode: 'NET-MAINT' },
      actor: { name: '张敏' },
    });
    expect(events.items[2]).toMatchObject({ actor: { name: '王强', unit: { code: 'NET-MAINT' } } });
  });

  it('closes a complaint solved at first contact without a work order travelling', async () => {
    const res = await agent.post(
      '/api/v1/tickets',
      makeTicketBody({ categoryCode: '0301', resolveNow: { resolution: '解释了套餐扣费规则，客户认可' } }),
    );
    const t = res.json() as TicketView;
    expect(t).toMatchObject({ status: 'closed', intercepted: true, handlingUnit: null, resolution: '解释了套餐扣费规则，客户认可' });
    const events = (await agent.get(`/api/v1/tickets/${t.id}/events`)).json() as { items: TicketEvent[] };
    expect(events.items.map((e) => e.action)).toEqual(['accept', 'resolve']);
  });

  it('goes back to its owner when the department returns it, and travels again to the right unit', async () => {
    let t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    t = (await act(agent, t, 'dispatch')).ticket;
    const returned = await act(network, t, 'return', { reason: '属于计费问题，不是网络问题' });
    expect(returned.ticket).toMatchObject({ status: 'returned', handlingUnit: null });
    const again = await act(agent, returned.ticket, 'dispatch', { unitCode: 'IT' });
    expect(again.ticket).toMatchObject({ status: 'dispatched', handlingUnit: { code: 'IT' } });
    // the network centre still sees the order it returned, but may no longer work it
    const seen = (await network.get(`/api/v1/tickets/${t.id}`)).json() as TicketView;
    expect(seen.actions).not.toContain('take');
  });

  it('moves to another unit on transfer, which can then take it', async () => {
    let t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    t = (await act(agent, t, 'dispatch')).ticket;
    t = (await act(network, t, 'transfer', { unitCode: 'VAS', reason: '数据业务问题' })).ticket;
    expect(t).toMatchObject({ status: 'dispatched', handlingUnit: { code: 'VAS' } });
    const vas = await ctx.login('vas');
    expect((await act(vas, t, 'take')).ticket.status).toBe('processing');
  });

  it('waits while suspended for the customer and resumes where it was', async () => {
    let t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    t = (await act(agent, t, 'dispatch')).ticket;
    t = (await act(network, t, 'take')).ticket;
    t = (await act(network, t, 'suspend', { reason: '等待客户提供故障时间' })).ticket;
    expect(t).toMatchObject({ status: 'suspended', suspendedFrom: 'processing' });
    expect(t.actions).toContain('resume');
    expect(t.actions).not.toContain('reply');
    t = (await act(network, t, 'resume')).ticket;
    expect(t).toMatchObject({ status: 'processing', suspendedFrom: null });
  });

  it('reopens an answered complaint the customer is not satisfied with', async () => {
    let t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    t = (await act(agent, t, 'dispatch')).ticket;
    t = (await act(network, t, 'take')).ticket;
    t = (await act(network, t, 'reply', { result: '已优化' })).ticket;
    t = (await act(agent, t, 'answer', { answer: '已优化' })).ticket;
    t = (await act(agent, t, 'close')).ticket;
    t = (await act(desk, t, 'reopen', { reason: '客户回访不满意，问题仍在' })).ticket;
    expect(t).toMatchObject({ status: 'accepted', closedAt: null, handlingUnit: null });
    expect((await act(agent, t, 'dispatch')).ticket.status).toBe('dispatched');
  });

  it('raises priority and level on escalation', async () => {
    // a first complaint: a repeat of the earlier tests' complaints would start raised already
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13900000007' }))).json() as TicketView;
    const up = (await act(agent, t, 'escalate', { reason: '客户第三次来电' })).ticket;
    expect(up).toMatchObject({ priority: 'high', escalationLevel: 1, status: 'accepted' });
  });
});
