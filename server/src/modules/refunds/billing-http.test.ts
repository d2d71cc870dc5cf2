import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Refund } from '../../../../contracts/refunds.js';
import type { TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { createBillingSender, createHttpBillingAdapter, createRefundRepository, loadBillingConfig } from './index.js';

// A fake billing system on a random port: applies each idempotency key once, and can be told to fail.
interface FakeBilling {
  url: string;
  requests: { key: string; body: { amountFen: number; refundId: number } }[];
  applied: Map<string, number>;
  /** what the next requests get: a status, or 'reset' (applied, then the connection dies before the answer) */
  script: (number | 'reset')[];
  close(): Promise<void>;
}

async function fakeBilling(): Promise<FakeBilling> {
  const fake = { requests: [], applied: new Map(), script: [] } as unknown as FakeBilling;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      const body = JSON.parse(raw) as FakeBilling['requests'][number]['body'];
      fake.requests.push({ key, body });
      const step = fake.script.shift() ?? 200;
      if (step === 'reset') {
        if (!fake.applied.has(key)) fake.applied.set(key, body.amountFen);
        req.socket.destroy();
        return;
      }
      if (step !== 200) {
        res.writeHead(step, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'billing is busy' }));
        return;
      }
      if (!fake.applied.has(key)) fake.applied.set(key, body.amountFen);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ reference: `BIL-${body.refundId}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/refunds`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}

let ctx: TestContext;
let agent: Client;
let desk: Client;
let billing: FakeBilling;

beforeAll(async () => {
  ctx = await createTestContext();
  [agent, desk] = await Promise.all([ctx.login('agent'), ctx.login('desk')]);
  billing = await fakeBilling();
});
afterAll(async () => {
  await billing.close();
  await ctx.close();
});

const sender = () =>
  createBillingSender({
    repo: createRefundRepository(ctx.database.db),
    clock: ctx.clock,
    adapter: createHttpBillingAdapter({ url: billing.url, timeoutMs: 5000 }),
    retryBaseSeconds: 30,
    retryMaxSeconds: 600,
  });

async function grantedRefund(amount: number): Promise<Refund> {
  const t = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0301', description: '话费多扣' }))).json() as TicketView;
  const res = await agent.post(`/api/v1/tickets/${t.id}/refunds`, { amount, reason: '多扣费用先退' });
  expect(res.statusCode).toBe(201);
  return res.json() as Refund;
}
const refundNow = async (id: number) => ((await desk.get('/api/v1/refunds')).json() as { items: Refund[] }).items.find((r) => r.id === id)!;

describe('the HTTP billing adapter through the outbox', () => {
  it('retries a failing endpoint with backoff until it recovers, with the same idempotency key each time', async () => {
    const r = await grantedRefund(2500);
    billing.script.push(503, 500);
    const s = sender();
    expect(await s.sweep()).toBe(0);
    expect((await refundNow(r.id)).billingError).toContain('HTTP 503');
    // not before the backoff: 30 s after the first failure, 60 s after the second
    expect(await s.sweep()).toBe(0);
    expect(billing.requests).toHaveLength(1);
    ctx.clock.advance({ seconds: 30 });
    expect(await s.sweep()).toBe(0);
    expect(billing.requests).toHaveLength(2);
    ctx.clock.advance({ seconds: 30 });
    expect(await s.sweep()).toBe(0);
    expect(billing.requests).toHaveLength(2);
    ctx.clock.advance({ seconds: 30 });
    expect(await s.sweep()).toBe(1);
    expect(billing.requests.map((q) => q.key)).toEqual(Array(3).fill(`closeloop-refund-${r.id}`));
    expect(await refundNow(r.id)).toMatchObject({ billingState: 'sent', billingRef: `BIL-${r.id}`, billingError: null });
    expect(await s.sweep()).toBe(0);
    expect(billing.requests).toHaveLength(3);
  });

  it('applies a refund once when the answer is lost after billing applied it, or the sender died mid-send', async () => {
    const r = await grantedRefund(777);
    billing.script.push('reset');
    const s = sender();
    expect(await s.sweep()).toBe(0);
    ctx.clock.advance({ seconds: 30 });
    expect(await s.sweep()).toBe(1);
    const key = `closeloop-refund-${r.id}`;
    expect(billing.requests.filter((q) => q.key === key)).toHaveLength(2);
    expect(billing.applied.get(key)).toBe(777);

    // a sender that claimed a send and died before recording it: the row waits out its lease, then goes again
    const r2 = await grantedRefund(888);
    const repo = createRefundRepository(ctx.database.db);
    const now = ctx.clock.now();
    const claimed = await repo.claimDue(now.toISOString(), new Date(now.getTime() + 120_000).toISOString(), 10);
    expect(claimed.map((c) => c.refundId)).toEqual([r2.id]);
    expect(await s.sweep()).toBe(0);
    ctx.clock.advance({ seconds: 121 });
    expect(await s.sweep()).toBe(1);
    expect(await s.sweep()).toBe(0);
    expect(billing.requests.filter((q) => q.key === `closeloop-refund-${r2.id}`)).toHaveLength(1);
  });

  it('stops on a refusal, shows it, and sends again when the desk asks', async () => {
    const r = await grantedRefund(999);
    billing.script.push(422);
    const s = sender();
    expect(await s.sweep()).toBe(0);
    ctx.clock.advance({ hours: 2 });
    expect(await s.sweep()).toBe(0);
    const failed = await refundNow(r.id);
    expect(failed).toMatchObject({ billingState: 'failed' });
    expect(failed.billingError).toContain('HTTP 422');
    const resent = await desk.post(`/api/v1/refunds/${r.id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json().billingState).toBe('queued');
    expect(await s.sweep()).toBe(1);
    expect((await desk.post(`/api/v1/refunds/${r.id}/resend`)).statusCode).toBe(409);
  });

  it('retries an unreachable endpoint', async () => {
    const r = await grantedRefund(100);
    const down = createBillingSender({
      repo: createRefundRepository(ctx.database.db),
      clock: ctx.clock,
      adapter: createHttpBillingAdapter({ url: 'http://127.0.0.1:1/refunds', timeoutMs: 2000 }),
      retryBaseSeconds: 30,
      retryMaxSeconds: 600,
    });
    expect(await down.sweep()).toBe(0);
    expect((await refundNow(r.id)).billingError).toMatch(/unreachable/);
    ctx.clock.advance({ seconds: 30 });
    expect(await sender().sweep()).toBe(1);
  });
});

describe('billing configuration', () => {
  it('defaults to the ledger and refuses a bad value naming the variable', () => {
    expect(loadBillingConfig({})).toMatchObject({ url: null, timeoutMs: 5000, retryBaseSeconds: 30 });
    expect(loadBillingConfig({ BILLING_URL: 'https://billing.local/refunds', BILLING_TIMEOUT_MS: '800' })).toMatchObject({
      url: 'https://billing.local/refunds',
      timeoutMs: 800,
    });
    expect(() => loadBillingConfig({ BILLING_URL: 'ftp://x' })).toThrow(/BILLING_URL/);
    expect(() => loadBillingConfig({ BILLING_TIMEOUT_MS: 'soon' })).toThrow(/BILLING_TIMEOUT_MS/);
  });
});
