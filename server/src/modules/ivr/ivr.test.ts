import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let token: string;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login('agent');
  token = (await (await ctx.login('admin')).post('/api/v1/api-tokens', { name: 'IVR', scopes: ['ivr'] })).json().token;
});
afterAll(() => ctx.close());

const ivr = (method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

describe('the IVR API', () => {
  it('greets a caller with an open complaint with its progress and the complaint menu, and counts the query', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13722220001', categoryCode: '0101' }))).json();
    await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {});
    const res = await ivr('GET', '/api/v1/ivr/callers/13722220001');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.openTickets).toMatchObject([{ number: t.number, status: 'dispatched', handlingUnit: { name: '网络维护中心' } }]);
    expect(body.speech.zh).toMatch(/^您有1件投诉正在处理。尾号/);
    expect(body.menu.map((m: { key: string; action: string }) => `${m.key}:${m.action}`)).toEqual([
      '1:progress',
      '2:leave_information',
      '0:transfer',
    ]);
    await ctx.app.selfService.settled();
    const counted = await ctx.database.db.kysely
      .selectFrom('customer_contacts')
      .selectAll()
      .where('phone', '=', '13722220001')
      .where('kind', '=', 'self_service_query')
      .execute();
    expect(counted).toMatchObject([{ channel: 'ivr' }]);
  });

  it('attaches a recording to the latest open complaint and routes the caller to the complaint desk', async () => {
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13722220002' }))).json();
    const added = await ivr('POST', '/api/v1/ivr/callers/13722220002/info', { recordingRef: 'rec/2026/11/23/abc.wav' });
    expect(added.statusCode).toBe(201);
    expect(added.json().ticketNumber).toBe(t.number);
    const events = (await agent.get(`/api/v1/tickets/${t.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ action: 'customer_info', data: { channel: 'ivr', recordingRef: 'rec/2026/11/23/abc.wav' } });
    expect((await ivr('POST', '/api/v1/ivr/callers/13722220002/transfer')).json()).toEqual({
      queue: 'complaint-desk',
      reason: 'open_complaint',
      ticketNumber: t.number,
    });
  });

  it('sends a caller without an open complaint to the general queue, with nothing to add to', async () => {
    expect((await ivr('GET', '/api/v1/ivr/callers/13722220003')).json()).toMatchObject({ openTickets: [], menu: [{ key: '0' }] });
    expect((await ivr('POST', '/api/v1/ivr/callers/13722220003/transfer')).json()).toMatchObject({
      queue: 'general',
      reason: 'no_open_complaint',
    });
    expect((await ivr('POST', '/api/v1/ivr/callers/13722220003/info', { recordingRef: 'r.wav' })).statusCode).toBe(404);
  });
});
