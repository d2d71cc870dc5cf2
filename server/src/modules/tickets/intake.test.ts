import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login('agent');
});
afterAll(() => ctx.close());

const ticketCount = async () => (await agent.get('/api/v1/tickets?limit=1')).json().counts as Record<string, number>;
const total = async () => Object.values(await ticketCount()).reduce((a, b) => a + b, 0);

describe('accepting a complaint', () => {
  it('numbers tickets by the local date in Shanghai, one sequence a day', async () => {
    ctx.clock.set('2026-11-23T16:30:00.000Z'); // 00:30 on the 24th in Shanghai
    agent = await ctx.login('agent'); // a new shift, a new session
    const a = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    const b = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
    expect(a.number).toBe('TS20261124000001');
    expect(b.number).toBe('TS20261124000002');
    expect((await agent.get(`/api/v1/tickets/${a.number}`)).json().id).toBe(a.id);
  });

  it('keeps Chinese text and emoji intact', async () => {
    const description = '家里📶信号差，视频通话卡顿😡；地址：江门市蓬江区“丰乐花园”3栋';
    const t = (
      await agent.post('/api/v1/tickets', makeTicketBody({ description, location: { compound: '丰乐花园🏠', address: '建设三路88号' } }))
    ).json() as TicketView;
    const read = (await agent.get(`/api/v1/tickets/${t.id}`)).json() as TicketView;
    expect(read.description).toBe(description);
    expect(read.location).toEqual({ compound: '丰乐花园🏠', address: '建设三路88号' });
  });

  it('records a new caller as a customer and shows their history on the next call', async () => {
    await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '15912340000', customerName: '梁先生' }));
    const profile = (await agent.get('/api/v1/customers/15912340000')).json();
    expect(profile.customer).toMatchObject({ phone: '15912340000', name: '梁先生', level: 'normal' });
    expect(profile.openTickets).toHaveLength(1);
    expect((await agent.get('/api/v1/customers/15900000009')).json()).toMatchObject({ customer: null, openTickets: [] });
  });

  it('carries the regulator’s reference and the over-level flag on an appeal', async () => {
    const t = (
      await agent.post('/api/v1/tickets', makeTicketBody({ channel: 'regulator', regulator: { reference: 'GD12300-2026-0456' } }))
    ).json() as TicketView;
    expect(t.regulator).toEqual({ reference: 'GD12300-2026-0456', overLevel: true });
    const missing = await agent.post('/api/v1/tickets', makeTicketBody({ channel: 'regulator' }));
    expect(missing.json().error).toMatchObject({ code: 'validation.required', details: { field: 'body.regulator.reference' } });
  });

  it('files a complaint against a sub-category, not a whole first level', async () => {
    const res = await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '01' }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'category.not_leaf', details: { field: 'body.categoryCode' } });
    expect((await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0199' }))).json().error.code).toBe('category.not_found');
  });
});

describe('bad input is refused with the field named and nothing stored', () => {
  const cases: [string, object, string, string][] = [
    ['an unknown field', { priorty: 'high' }, 'validation.unknown_field', 'body.priorty'],
    ['an unknown nested field', { location: { town: 'x' } }, 'validation.unknown_field', 'body.location.town'],
    ['a missing field', { description: undefined }, 'validation.required', 'body.description'],
    ['a wrong type', { description: 42 }, 'validation.invalid_type', 'body.description'],
    ['a number for a string', { customerPhone: 13800138000 }, 'validation.invalid_type', 'body.customerPhone'],
    ['a malformed phone', { customerPhone: '1380013800' }, 'validation.invalid_format', 'body.customerPhone'],
    ['an empty description', { description: '' }, 'validation.out_of_range', 'body.description'],
    ['a too-long description', { description: '长'.repeat(4001) }, 'validation.out_of_range', 'body.description'],
    ['an unknown channel', { channel: 'fax' }, 'validation.invalid_value', 'body.channel'],
    ['an unknown priority', { priority: 'asap' }, 'validation.invalid_value', 'body.priority'],
  ];
  for (const [what, override, code, field] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await total();
      const res = await agent.post('/api/v1/tickets', { ...makeTicketBody(), ...override });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code, details: { field } });
      expect(res.json().error.message).toContain(field);
      expect(await total()).toBe(before);
    });
  }

  it('refuses malformed JSON', async () => {
    const res = await agent.request('POST', '/api/v1/tickets', '{"customerPhone": "138', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.malformed_json');
  });

  it('refuses a body over the size limit', async () => {
    const res = await agent.post('/api/v1/tickets', { ...makeTicketBody(), description: 'x'.repeat(70 * 1024) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'request.body_too_large', details: { field: 'body' } });
  });

  it('refuses an unknown query parameter and a bad cursor', async () => {
    expect((await agent.get('/api/v1/tickets?stauts=closed')).json().error).toMatchObject({
      code: 'validation.unknown_field',
      details: { field: 'querystring.stauts' },
    });
    expect((await agent.get('/api/v1/tickets?limit=1000')).json().error.details.field).toBe('querystring.limit');
  });
});
