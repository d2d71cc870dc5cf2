import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Refund, RefundList, RefundPolicy } from '../../../../contracts/refunds.js';
import type { CustomerProfile, TicketEvent, TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let desk: Client;
let manager: Client;
let admin: Client;
let qa: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [agent, desk, manager, admin, qa] = await Promise.all(['agent', 'desk', 'manager', 'admin', 'qa'].map((u) => ctx.login(u)));
});
afterAll(() => ctx.close());

const k = () => ctx.database.db.kysely;

async function chargeComplaint(overrides: Parameters<typeof makeTicketBody>[0] = {}): Promise<TicketView> {
  const res = await agent.post(
    '/api/v1/tickets',
    makeTicketBody({ categoryCode: '0601', description: 'SP扣费不认可，未订购', ...overrides }),
  );
  expect(res.statusCode).toBe(201);
  return res.json() as TicketView;
}
const refund = (who: Client, ticketId: number, amount: number, reason = '不知情定制，先行退费') =>
  who.post(`/api/v1/tickets/${ticketId}/refunds`, { amount, reason });
const eventsOf = async (id: number) => ((await agent.get(`/api/v1/tickets/${id}/events`)).json() as { items: TicketEvent[] }).items;

describe('refund first, verify later', () => {
  it('grants a refund within the agent’s limit for a customer with good credit, and the ledger credits it once', async () => {
    const t = await chargeComplaint();
    const res = await refund(agent, t.id, 3000);
    expect(res.statusCode).toBe(201);
    const r = res.json() as Refund;
    expect(r).toMatchObject({ amount: 3000, status: 'granted', billingState: 'queued', approvalReasons: [], creditLevel: 5, limit: 5000 });
    expect((await eventsOf(t.id)).at(-1)).toMatchObject({ action: 'refund.granted', data: { refundId: r.id, amount: 3000 } });

    expect(await ctx.app.billing.sweep()).toBe(1);
    expect(await ctx.app.billing.sweep()).toBe(0);
    const after = ((await agent.get(`/api/v1/tickets/${t.id}/refunds`)).json() as { items: Refund[] }).items[0]!;
    expect(after.billingState).toBe('sent');
    expect(after.billingRef).toMatch(/^LEDGER-\d+$/);
    const ledger = await k().selectFrom('billing_ledger').selectAll().where('ticket_number', '=', t.number).execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.amount_fen).toBe(3000);
    expect((await eventsOf(t.id)).at(-1)).toMatchObject({ action: 'refund.sent' });
  });

  it('shows the refund in the customer at a glance, where the next agent sees it during the call', async () => {
    const t = await chargeComplaint({ customerPhone: '13900007777' });
    const r = (await refund(agent, t.id, 1200)).json() as Refund;
    const profile = (await agent.get('/api/v1/customers/13900007777')).json() as CustomerProfile;
    expect(profile.refunds).toEqual([
      expect.objectContaining({ id: r.id, ticketId: t.id, number: t.number, amountFen: 1200, status: 'granted' }),
    ]);
    // sent now, so the tests below count only their own refunds
    expect(await ctx.app.billing.sweep()).toBe(1);
  });

  it('is refused on a complaint that is not about charges, and to roles without the right', async () => {
    const t = await chargeComplaint({ categoryCode: '0101', description: '无信号' });
    const res = await refund(agent, t.id, 100);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('refund.not_charge_complaint');
    const charge = await chargeComplaint();
    expect((await refund(qa, charge.id, 100)).statusCode).toBe(403);
    const bad = await agent.post(`/api/v1/tickets/${charge.id}/refunds`, { amount: 12.5, reason: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.field).toBe('body.amount');
  });

  it('sends an amount over the limit to a supervisor, who approves; nothing reaches billing before', async () => {
    const t = await chargeComplaint();
    const r = (await refund(agent, t.id, 8000)).json() as Refund;
    expect(r).toMatchObject({ status: 'pending_approval', billingState: 'waiting', approvalReasons: ['over_limit'] });
    expect(await ctx.app.billing.sweep()).toBe(0);
    expect((await agent.post(`/api/v1/refunds/${r.id}/approve`, {})).statusCode).toBe(403);

    const pending = (await desk.get('/api/v1/refunds?status=pending_approval')).json() as RefundList;
    expect(pending.items.map((x) => x.id)).toContain(r.id);

    const approved = await desk.post(`/api/v1/refunds/${r.id}/approve`, { note: '金额合理' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'granted',
      billingState: 'queued',
      decidedBy: { name: '李娟' },
      decisionNote: '金额合理',
    });
    const again = await manager.post(`/api/v1/refunds/${r.id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('refund.not_pending');
    expect(await ctx.app.billing.sweep()).toBe(1);
    expect((await eventsOf(t.id)).map((e) => e.action).slice(-3)).toEqual(['refund.requested', 'refund.approved', 'refund.sent']);
  });

  it('never lets a supervisor approve their own request, and a rejection sends nothing', async () => {
    const t = await chargeComplaint();
    const r = (await refund(desk, t.id, 30000)).json() as Refund;
    expect(r).toMatchObject({ status: 'pending_approval', limit: 20000 });
    const own = await desk.post(`/api/v1/refunds/${r.id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('refund.own_request');
    const noReason = await manager.post(`/api/v1/refunds/${r.id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await manager.post(`/api/v1/refunds/${r.id}/reject`, { note: '需先查证' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', billingState: 'waiting' });
    expect(await ctx.app.billing.sweep()).toBe(0);
    expect(await k().selectFrom('billing_outbox').select('id').where('refund_id', '=', r.id).execute()).toHaveLength(0);
  });

  it('needs approval for a customer below the credit threshold, and follows the admin’s policy', async () => {
    const low = await k().selectFrom('customers').select('phone').where('credit_level', '<', 3).executeTakeFirstOrThrow();
    const t = await chargeComplaint({ customerPhone: low.phone });
    const r = (await refund(agent, t.id, 100)).json() as Refund;
    expect(r).toMatchObject({ status: 'pending_approval', approvalReasons: ['low_credit'] });

    const policy = (await admin.get('/api/v1/refunds/policy')).json() as RefundPolicy;
    expect(policy).toMatchObject({ minCreditLevel: 3, roleLimits: { agent: 5000, desk: 20000 } });
    const changed = { ...policy, roleLimits: { ...policy.roleLimits, agent: 10000 }, minCreditLevel: 1 };
    expect((await agent.request('PUT', '/api/v1/refunds/policy', changed)).statusCode).toBe(403);
    expect((await admin.request('PUT', '/api/v1/refunds/policy', changed)).statusCode).toBe(200);
    try {
      expect((await refund(agent, t.id, 9000)).json()).toMatchObject({ status: 'granted', limit: 10000 });
    } finally {
      await admin.request('PUT', '/api/v1/refunds/policy', policy);
    }
    await ctx.app.billing.sweep();
  });

  it('counts earlier refunds on the same complaint against the limit, so splitting an amount needs approval', async () => {
    const t = await chargeComplaint();
    expect((await refund(agent, t.id, 4000)).json()).toMatchObject({ status: 'granted' });
    expect((await refund(agent, t.id, 1500)).json()).toMatchObject({ status: 'pending_approval', approvalReasons: ['over_limit'] });
    await ctx.app.billing.sweep();
  });

  it('is refused on a closed ticket', async () => {
    const t = (
      await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0301', resolveNow: { resolution: '已解释' } }))
    ).json() as TicketView;
    const res = await refund(agent, t.id, 100);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('refund.ticket_closed');
  });

  it('records billing’s later verification once', async () => {
    const t = await chargeComplaint();
    const r = (await refund(agent, t.id, 1200)).json() as Refund;
    await ctx.app.billing.sweep();
    expect((await agent.post(`/api/v1/refunds/${r.id}/verification`, { result: 'confirmed' })).statusCode).toBe(403);
    const v = await desk.post(`/api/v1/refunds/${r.id}/verification`, { result: 'not_confirmed', note: '查证为客户本人订购' });
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ verification: 'not_confirmed', verificationNote: '查证为客户本人订购' });
    const again = await desk.post(`/api/v1/refunds/${r.id}/verification`, { result: 'confirmed' });
    expect(again.json().error.code).toBe('refund.already_verified');
    expect((await eventsOf(t.id)).at(-1)).toMatchObject({ action: 'refund.verified', data: { result: 'not_confirmed' } });
  });
});

describe('the refund audit report', () => {
  it('lists every refund with filters, totals in fen, and exports CSV with masked numbers', async () => {
    const t = await chargeComplaint({ customerPhone: '13912345678' });
    await refund(agent, t.id, 4321, '=HYPERLINK("x") 退费, 含逗号');
    const all = (await qa.get('/api/v1/refunds')).json() as RefundList;
    expect(all.total).toBe(all.items.length);
    expect(all.sum).toBe(all.items.reduce((s, r) => s + r.amount, 0));
    expect(all.items[0]!.customer.phone).toBe('139****5678');

    const one = (await qa.get(`/api/v1/refunds?ticket=${t.number}`)).json() as RefundList;
    expect(one).toMatchObject({ total: 1, sum: 4321 });
    const rejected = (await qa.get('/api/v1/refunds?status=rejected')).json() as RefundList;
    expect(rejected.items.every((r) => r.status === 'rejected')).toBe(true);
    expect(rejected.total).toBeGreaterThan(0);
    expect((await qa.get('/api/v1/refunds?from=2026-11-24T00:00:00Z')).json().total).toBe(0);
    expect((await agent.get('/api/v1/refunds')).statusCode).toBe(403);

    const csv = await desk.get(`/api/v1/refunds/export?ticket=${t.number}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',139****5678,43.21,"\'=HYPERLINK(""x"") 退费, 含逗号",granted,');
    expect(csv.body).not.toContain('13912345678');
  });
});
