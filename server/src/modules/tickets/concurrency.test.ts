import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketEvent, TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let desk: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  [agent, desk] = await Promise.all([ctx.login('agent'), ctx.login('desk')]);
});
afterAll(() => ctx.close());

describe('two people changing one ticket', () => {
  it('lets exactly one of two clients holding the same version win; the other gets 412 and changes nothing', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    const ifMatch = { 'if-match': `"${t.version}"` };
    const [a, b] = await Promise.all([
      agent.post(`/api/v1/tickets/${t.id}/dispatch`, { unitCode: 'NET-MAINT' }, ifMatch),
      desk.post(`/api/v1/tickets/${t.id}/resolve`, { resolution: '已在线解决' }, ifMatch),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 412]);
    const loser = a.statusCode === 412 ? a : b;
    expect(loser.json().error.code).toBe('ticket.version_conflict');
    const events = (await agent.get(`/api/v1/tickets/${t.id}/events`)).json().items as TicketEvent[];
    expect(events.filter((e) => e.action === 'dispatch' || e.action === 'resolve')).toHaveLength(1);
  });

  it('refuses a stale If-Match even long after', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    await agent.post(`/api/v1/tickets/${t.id}/escalate`, { reason: '客户催单' }, { 'if-match': `"${t.version}"` });
    const stale = await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {}, { 'if-match': `"${t.version}"` });
    expect(stale.statusCode).toBe(412);
    expect((await agent.get(`/api/v1/tickets/${t.id}`)).json().status).toBe('accepted');
  });

  it('applies many concurrent notes and moves without losing any', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? agent : desk).post(`/api/v1/tickets/${t.id}/escalate`, { reason: `催单${i}` })),
    );
    expect(results.filter((r) => r.statusCode === 200).length + results.filter((r) => r.statusCode === 412).length).toBe(10);
    const after = (await agent.get(`/api/v1/tickets/${t.id}`)).json() as TicketView;
    const escalations = ((await agent.get(`/api/v1/tickets/${t.id}/events`)).json().items as TicketEvent[]).filter(
      (e) => e.action === 'escalate',
    );
    expect(after.escalationLevel).toBe(escalations.length);
    expect(after.escalationLevel).toBe(results.filter((r) => r.statusCode === 200).length);
  });
});

describe('retrying a create', () => {
  it('returns the same ticket for the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'call-7f3a-1' };
    const first = await agent.post('/api/v1/tickets', makeTicketBody(), key);
    const again = await agent.post('/api/v1/tickets', makeTicketBody(), key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('creates one ticket when the same key arrives several times at once', async () => {
    const key = { 'idempotency-key': 'call-burst-2' };
    const before = (await agent.get('/api/v1/tickets?owner=me&limit=200')).json().items.length;
    const all = await Promise.all(
      Array.from({ length: 5 }, () => agent.post('/api/v1/tickets', makeTicketBody({ description: '并发重试' }), key)),
    );
    expect(new Set(all.map((r) => r.json().id)).size).toBe(1);
    expect((await agent.get('/api/v1/tickets?owner=me&limit=200')).json().items.length).toBe(before + 1);
  });

  it('refuses a key reused for a different complaint', async () => {
    const key = { 'idempotency-key': 'call-reuse-3' };
    await agent.post('/api/v1/tickets', makeTicketBody(), key);
    const other = await agent.post('/api/v1/tickets', makeTicketBody({ description: '另一件事' }), key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('ticket.idempotency_key_reused');
  });
});
