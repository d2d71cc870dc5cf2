import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

// A stored answer stands in for a fresh read only while the row is unchanged — whoever changed it, however.
describe('reading a ticket again', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('answers the same bytes and ETag as a fresh read', async () => {
    const agent = await ctx.login('agent');
    const id = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13900000001' }))).json().id as number;
    const first = await agent.get(`/api/v1/tickets/${id}`);
    const again = await agent.get(`/api/v1/tickets/${id}`);
    expect(again.statusCode).toBe(200);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.body).toBe(first.body);
    expect(again.headers['cache-control']).toBe('no-store');
  });

  it('shows a change written behind the service’s back, without a version bump', async () => {
    const agent = await ctx.login('agent');
    const id = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13900000002' }))).json().id as number;
    expect((await agent.get(`/api/v1/tickets/${id}`)).json().priority).toBe('normal');
    // the way the SLA and assignment sweeps write bookkeeping: no version change
    await ctx.database.db.kysely.updateTable('tickets').set({ priority: 'urgent' }).where('id', '=', id).execute();
    const after = await agent.get(`/api/v1/tickets/${id}`);
    expect(after.json()).toMatchObject({ priority: 'urgent', version: 1 });
  });

  it('keeps each reader’s own answer: the actions offered and the phone shown differ by who asks', async () => {
    const agent = await ctx.login('agent');
    const qa = await ctx.login('qa');
    const id = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13900000003' }))).json().id as number;
    await agent.get(`/api/v1/tickets/${id}`);
    await qa.get(`/api/v1/tickets/${id}`);
    const byAgent = (await agent.get(`/api/v1/tickets/${id}`)).json();
    const byQa = (await qa.get(`/api/v1/tickets/${id}`)).json();
    expect(byAgent.actions).toContain('dispatch');
    expect(byQa.actions).not.toContain('dispatch');
    expect(byAgent.customer.phone).toBe('13900000003');
    expect(byQa.customer.phone).not.toBe('13900000003');
  });

  it('still answers 404 for a ticket that does not exist', async () => {
    const agent = await ctx.login('agent');
    expect((await agent.get('/api/v1/tickets/99999999')).statusCode).toBe(404);
  });
});
