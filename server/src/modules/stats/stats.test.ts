import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSummary, StatsTicketPage } from '../../../../contracts/stats.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

// The figures a manager reads, through the API, after complaints a user could follow on the workbench.
describe('statistics', () => {
  let ctx: TestContext;
  let agent: Client;
  let network: Client;
  let manager: Client;
  let lateId: number;

  const act = async (c: Client, id: number, action: string, body: object = {}) => {
    const r = await c.post(`/api/v1/tickets/${id}/${action}`, body);
    expect(r.statusCode, r.body).toBe(200);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    [agent, network, manager] = await Promise.all([ctx.login('agent'), ctx.login('network'), ctx.login('manager')]);
    // 2026-11-23 10:00 in Shanghai: one complaint solved on the spot, one replied late and closed, one still open
    const solved = await agent.post(
      '/api/v1/tickets',
      makeTicketBody({ categoryCode: '0301', resolveNow: { resolution: '已解释话费构成' } }),
    );
    expect(solved.statusCode).toBe(201);
    const late = await agent.post('/api/v1/tickets', makeTicketBody());
    lateId = (late.json() as { id: number }).id;
    await act(agent, lateId, 'dispatch');
    await act(network, lateId, 'take');
    ctx.clock.advance({ hours: 49 });
    await ctx.app.sla.sweep();
    // sessions lapse after hours idle: sign in again
    [agent, network, manager] = await Promise.all([ctx.login('agent'), ctx.login('network'), ctx.login('manager')]);
    await act(network, lateId, 'reply', { result: '基站故障已修复', solved: true });
    await act(agent, lateId, 'answer', { answer: '基站已修复，信号恢复' });
    await act(agent, lateId, 'close');
    const open = await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0201', channel: 'sms' }));
    expect(open.statusCode).toBe(201);
  });
  afterAll(() => ctx.close());

  it('counts each figure of DOMAIN.md §10 by its own day, with ratios as fractions', async () => {
    const r = await manager.get('/api/v1/stats/summary?from=2026-11-01&to=2026-11-30');
    expect(r.statusCode, r.body).toBe(200);
    const s = r.json() as StatsSummary;
    const f = s.total.current;
    expect(f.volume).toBe(3);
    expect(f.intercepted).toBe(1);
    expect(f.interceptionRate).toBeCloseTo(1 / 3);
    expect(f.dispatched).toBe(1);
    expect(f.overdue).toBe(1);
    expect(f.timely).toBe(0);
    expect(f.timelyRate).toBe(0);
    expect(f.closed).toBe(2);
    expect(f.resolved).toBe(2);
    expect(f.resolutionRate).toBe(1);
    expect(f.answered).toBe(2);
    // the solved one answered at once, the late one 49 h after acceptance
    expect(f.avgHandlingHours).toBeCloseTo(49 / 2);
    expect(f.surveys).toBe(0);
    expect(f.satisfaction).toBeNull();
    expect(f.volumeByRegulatorClass).toEqual({ network_quality: 1, charges_dispute: 1, customer_service: 1 });
    expect(s.periods.previous).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(s.periods.lastYear).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(s.total.previous.volume).toBe(0);
    expect(s.total.previous.interceptionRate).toBeNull();
  });

  it('slices by unit, channel and day, and the groups add up to the total', async () => {
    const byUnit = (await manager.get('/api/v1/stats/summary?from=2026-11-23&to=2026-11-25&by=unit')).json() as StatsSummary;
    const net = byUnit.groups.find((g) => g.key === 'NET-MAINT')!;
    expect(net.labelEn).toBe('Network Maintenance Centre');
    expect(net.current.overdue).toBe(1);
    expect(byUnit.groups.reduce((n, g) => n + g.current.volume, 0)).toBe(3);

    const byChannel = (await manager.get('/api/v1/stats/summary?from=2026-11-23&to=2026-11-25&by=channel')).json() as StatsSummary;
    expect(byChannel.groups.map((g) => [g.key, g.current.volume])).toEqual([
      ['hotline', 2],
      ['sms', 1],
    ]);

    // days before a whole month, the month, days after it: read from the daily and monthly rollups together
    const mixed = (await manager.get('/api/v1/stats/summary?from=2026-10-15&to=2026-12-05&by=category1')).json() as StatsSummary;
    expect(mixed.total.current.volume).toBe(3);
    expect(mixed.total.current.closed).toBe(2);
    expect(mixed.groups.find((g) => g.key === '01')!.current.overdue).toBe(1);

    const byDay = (await manager.get('/api/v1/stats/summary?from=2026-11-23&to=2026-11-25&by=day')).json() as StatsSummary;
    expect(byDay.groups.map((g) => g.key)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(byDay.groups.map((g) => g.current.volume)).toEqual([2, 0, 1]);
    // the late order's reply clock started on the 23rd: it counts there, though it was marked overdue on the 25th
    expect(byDay.groups[0]!.current.overdue).toBe(1);
    expect(byDay.groups[2]!.current.closed).toBe(1);
  });

  it('opens the tickets behind a number', async () => {
    const r = await manager.get('/api/v1/stats/tickets?figure=overdue&from=2026-11-01&to=2026-11-30&by=unit&group=NET-MAINT');
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json() as StatsTicketPage;
    expect(page.items.map((t) => t.id)).toEqual([lateId]);
    // a manager does not call customers: the number is masked
    expect(page.items[0]!.customerPhone).toBe('138****8000');

    const all = (await manager.get('/api/v1/stats/tickets?figure=volume&from=2026-11-01&to=2026-11-30&limit=2')).json() as StatsTicketPage;
    expect(all.items).toHaveLength(2);
    const rest = (
      await manager.get(`/api/v1/stats/tickets?figure=volume&from=2026-11-01&to=2026-11-30&limit=2&cursor=${all.nextCursor}`)
    ).json() as StatsTicketPage;
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...all.items, ...rest.items].map((t) => t.id)).size).toBe(3);
  });

  it('counts survey answers and progress queries recorded by other modules, once', async () => {
    const k = ctx.database.db.kysely;
    // what the surveys and self-service modules write: an answer to the survey sent on close, two progress queries
    await k
      .updateTable('surveys')
      .set({ status: 'answered', score: 5, answered_via: 'sms', answered_at: ctx.clock.now().toISOString() })
      .where('ticket_id', '=', lateId)
      .execute();
    const at = ctx.clock.now().toISOString();
    await k
      .insertInto('customer_contacts')
      .values([
        { customer_id: null, phone: '13800138000', channel: 'ivr', kind: 'self_service_query', ticket_id: lateId, at },
        { customer_id: null, phone: '13800138000', channel: 'hotline', kind: 'repeat_call', ticket_id: lateId, at },
      ])
      .execute();
    for (let i = 0; i < 2; i++) {
      const f = ((await manager.get('/api/v1/stats/summary?from=2026-11-01&to=2026-11-30')).json() as StatsSummary).total.current;
      expect([f.surveys, f.satisfied, f.satisfaction]).toEqual([1, 1, 1]);
      expect([f.selfServiceQueries, f.progressQueries, f.selfServiceShare]).toEqual([1, 2, 0.5]);
      expect([f.repeatCalls, f.repeatCallRate]).toEqual([1, 1 / 3]);
    }
    const satisfied = (await manager.get('/api/v1/stats/tickets?figure=satisfied&from=2026-11-01&to=2026-11-30')).json() as StatsTicketPage;
    expect(satisfied.items.map((t) => t.id)).toEqual([lateId]);
    const byIvr = (
      await manager.get('/api/v1/stats/tickets?figure=selfServiceQueries&from=2026-11-01&to=2026-11-30&by=channel&group=ivr')
    ).json() as StatsTicketPage;
    expect(byIvr.items.map((t) => t.id)).toEqual([lateId]);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const r = await manager.get('/api/v1/stats/summary?from=2026-11-30&to=2026-11-01');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.field).toBe('querystring.to');
  });

  it('is not for the front line', async () => {
    expect((await agent.get('/api/v1/stats/summary?from=2026-11-01&to=2026-11-30')).statusCode).toBe(403);
  });
});
