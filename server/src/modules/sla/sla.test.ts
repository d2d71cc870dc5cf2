import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketEvent, TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let network: Client;
let admin: Client;
let desk: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  [agent, network, admin, desk] = await Promise.all([ctx.login('agent'), ctx.login('network'), ctx.login('admin'), ctx.login('desk')]);
});
afterAll(() => ctx.close());

const H = 3_600_000;
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

async function dispatched(body = makeTicketBody()): Promise<TicketView> {
  const t = (await agent.post('/api/v1/tickets', body)).json() as TicketView;
  return (await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {})).json() as TicketView;
}
const read = async (id: number) => (await desk.get(`/api/v1/tickets/${id}`)).json() as TicketView;
const events = async (id: number) => ((await desk.get(`/api/v1/tickets/${id}/events`)).json().items as TicketEvent[]).map((e) => e.action);
// a new shift's sessions, since the fake clock runs past the idle limit
const relogin = async () =>
  ([agent, network, admin, desk] = await Promise.all([ctx.login('agent'), ctx.login('network'), ctx.login('admin'), ctx.login('desk')]));

describe('a dispatched order’s clocks', () => {
  it('carries its limits and deadlines: reply in 48 h, warning at 36 h, problem at 72 h, the customer’s legal 15 days', async () => {
    const t = await dispatched();
    const at = t.dispatchedAt!;
    expect(t.sla).toMatchObject({
      state: 'ok',
      replyState: 'ok',
      policy: { id: null, name: 'default', replyMinutes: 2880, problemMinutes: 4320, warnPercent: 75 },
      warnAt: plus(at, 36 * H),
      replyDueAt: plus(at, 48 * H),
      problemAt: plus(at, 72 * H),
      dueAt: plus(at, 48 * H),
      paused: false,
    });
    // accepted 2026-11-23 10:00 Shanghai: answerable to the regulator after the end of 8 December
    expect(t.sla.legalDueAt).toBe('2026-12-08T16:00:00.000Z');
  });

  it('fires the warning, the breach and the problem each once, tells the unit, and classifies the late reply', async () => {
    await relogin();
    const t = await dispatched();
    await ctx.app.sla.sweep();
    ctx.clock.advance({ hours: 36 });
    await relogin();
    expect(await ctx.app.sla.sweep()).toBeGreaterThanOrEqual(1);
    expect(await ctx.app.sla.sweep()).toBe(0);
    expect((await read(t.id)).sla.state).toBe('warning');
    const inbox = (await network.get('/api/v1/notifications?unread=1')).json();
    expect(inbox.items.some((n: { kind: string; ticketId: number }) => n.kind === 'sla.warning' && n.ticketId === t.id)).toBe(true);

    ctx.clock.advance({ hours: 12, minutes: 1 });
    await relogin();
    await ctx.app.sla.sweep();
    expect((await read(t.id)).sla.state).toBe('overdue');
    ctx.clock.advance({ hours: 24 });
    await relogin();
    await ctx.app.sla.sweep();
    await ctx.app.sla.sweep();
    const late = await read(t.id);
    expect(late.sla.state).toBe('problem');
    expect((await events(t.id)).filter((a) => a.startsWith('sla.') && !a.includes('answer') && !a.includes('legal'))).toEqual([
      'sla.warning',
      'sla.overdue',
      'sla.problem',
    ]);

    await network.post(`/api/v1/tickets/${t.id}/take`, {});
    const replied = (await network.post(`/api/v1/tickets/${t.id}/reply`, { result: '已修复' })).json() as TicketView;
    expect(replied.sla.outcome).toBe('problem');
  });

  it('stops the clock while suspended and moves the deadlines by the time waited', async () => {
    await relogin();
    const t = await dispatched();
    ctx.clock.advance({ hours: 10 });
    await network.post(`/api/v1/tickets/${t.id}/take`, {});
    await network.post(`/api/v1/tickets/${t.id}/suspend`, { reason: '等待客户提供故障时间' });
    expect((await read(t.id)).sla.paused).toBe(true);
    ctx.clock.advance({ hours: 5 });
    await relogin();
    const resumed = (await network.post(`/api/v1/tickets/${t.id}/resume`, {})).json() as TicketView;
    expect(resumed.sla).toMatchObject({ paused: false, pausedMs: 5 * H, replyDueAt: plus(t.dispatchedAt!, 53 * H) });
  });

  it('counts only the open hours of a unit on business hours', async () => {
    await relogin();
    const cal = await admin.post('/api/v1/calendars', {
      code: 'DAY-9-22',
      name: '每天9:00-22:00',
      nameEn: 'Daily 9:00–22:00',
      weekly: Array.from({ length: 7 }, () => ({ open: '09:00', close: '22:00' })),
    });
    expect(cal.statusCode).toBe(201);
    expect((await admin.patch('/api/v1/units/NET-OPT', { calendarCode: 'DAY-9-22' })).json().calendarCode).toBe('DAY-9-22');
    ctx.clock.set('2026-12-01T13:30:00.000Z'); // 21:30 in Shanghai
    await relogin();
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0103' }))).json() as TicketView;
    const d = (await agent.post(`/api/v1/tickets/${t.id}/dispatch`, { unitCode: 'NET-OPT' })).json() as TicketView;
    // 30 min tonight, then 13 h a day (2nd, 3rd, 4th: 39.5 h), the last 8.5 h on the 5th: 17:30 local
    expect(d.sla.replyDueAt).toBe('2026-12-05T09:30:00.000Z');
  });

  it('runs a VIP under the policy the admin set, and keeps running tickets on the limits they started with', async () => {
    await relogin();
    const policy = await admin.post('/api/v1/sla/policies', {
      name: 'VIP 金卡 基础通信',
      categoryCode: '01',
      customerLevel: 'gold',
      replyMinutes: 720,
      problemMinutes: 1440,
      warnPercent: 50,
      answerMinutes: 1440,
    });
    expect(policy.statusCode).toBe(201);
    const vip = await dispatched(makeTicketBody({ customerPhone: '13800138000' })); // the demo's gold customer
    expect(vip.sla.policy).toMatchObject({ id: policy.json().id, replyMinutes: 720 });
    expect(vip.sla.replyDueAt).toBe(plus(vip.dispatchedAt!, 12 * H));
    await admin.patch(`/api/v1/sla/policies/${policy.json().id}`, { replyMinutes: 360 });
    expect((await read(vip.id)).sla.replyDueAt).toBe(plus(vip.dispatchedAt!, 12 * H));
    const bad = await admin.post('/api/v1/sla/policies', {
      name: 'x',
      replyMinutes: 600,
      problemMinutes: 300,
      warnPercent: 75,
      answerMinutes: 600,
    });
    expect(bad.json().error.details.field).toBe('body.problemMinutes');
  });

  it('applies an escalation rule on breach', async () => {
    await relogin();
    await admin.post('/api/v1/escalation-rules', { name: '超时升级', onState: 'overdue', raisePriority: true });
    const t = await dispatched(makeTicketBody({ customerPhone: '13912340001' }));
    ctx.clock.advance({ hours: 48, minutes: 1 });
    await relogin();
    await ctx.app.sla.sweep();
    const after = await read(t.id);
    expect(after).toMatchObject({ priority: 'high', sla: { state: 'overdue' } });
    expect(await events(t.id)).toContain('escalate');
  });
});

describe('the legal and regulator clocks', () => {
  it('gives an appeal forwarded by the regulator 5 working days to accept and 30 days to answer', async () => {
    await relogin();
    ctx.clock.set('2026-11-27T02:00:00.000Z'); // Friday 10:00 Shanghai
    await relogin();
    const t = (
      await agent.post('/api/v1/tickets', makeTicketBody({ channel: 'regulator', regulator: { reference: 'GD-2026-1127-01' } }))
    ).json() as TicketView;
    expect(t.sla.regulatorAcceptDueAt).toBe('2026-12-04T16:00:00.000Z'); // end of Friday 4 December
    expect(t.sla.legalDueAt).toBe('2026-12-27T16:00:00.000Z');
    expect(t.sla.acceptState).toBe('ok');
  });

  it('warns and then breaches when an appeal is not taken up in time, and stops once it travels', async () => {
    await relogin();
    const idle = (
      await agent.post('/api/v1/tickets', makeTicketBody({ channel: 'regulator', regulator: { reference: 'GD-2026-1127-02' } }))
    ).json() as TicketView;
    const moved = (
      await agent.post('/api/v1/tickets', makeTicketBody({ channel: 'regulator', regulator: { reference: 'GD-2026-1127-03' } }))
    ).json() as TicketView;
    await agent.post(`/api/v1/tickets/${moved.id}/dispatch`, {});
    ctx.clock.set(plus(idle.sla.regulatorAcceptDueAt!, 60_000));
    await relogin();
    await ctx.app.sla.sweep();
    expect((await read(idle.id)).sla.acceptState).toBe('overdue');
    expect(await events(idle.id)).toContain('sla.accept_overdue');
    expect(await events(moved.id)).not.toContain('sla.accept_overdue');
    expect((await read(moved.id)).sla.acceptState).toBe('ok');
  });
});

describe('queues and boards', () => {
  it('filters breaching tickets, sorts by time left and counts per unit', async () => {
    const breaching = (await desk.get('/api/v1/tickets?sla=breaching&limit=200')).json();
    expect(breaching.items.length).toBeGreaterThan(0);
    expect(breaching.items.every((t: { sla: { state: string } }) => t.sla.state !== 'ok')).toBe(true);
    const due = (await desk.get('/api/v1/tickets?sort=due&limit=2')).json();
    const next = (await desk.get(`/api/v1/tickets?sort=due&limit=2&cursor=${due.nextCursor}`)).json();
    expect(due.items.map((t: { id: number }) => t.id)).not.toContain(next.items[0]?.id);
    const board = (await desk.get('/api/v1/sla/board')).json();
    expect(board.units.find((u: { unit: { code: string } }) => u.unit.code === 'NET-MAINT')).toMatchObject({ open: expect.any(Number) });
    const own = (await network.get('/api/v1/sla/board')).json();
    expect(own.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['NET-MAINT']);
  });

  it('reports timeliness by DOMAIN.md’s formula', async () => {
    const res = (await desk.get('/api/v1/stats/timeliness')).json();
    expect(res.all).toBeGreaterThan(0);
    expect(res.timely).toBe(res.all - res.overdue - res.problem);
    expect(res.timelyRate).toBeCloseTo(res.timely / res.all);
    expect(res.problem).toBeGreaterThanOrEqual(1);
  });
});
