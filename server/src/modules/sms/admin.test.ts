import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedMessage, SmsKeyword, SmsOutboxEntry, SmsTemplate } from '../../../../contracts/sms.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { createSimulatorGateway } from './simulator.js';

let ctx: TestContext;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

describe('SMS administration', () => {
  it('lists the keywords and lets an administrator add one that works at once', async () => {
    const items = ((await admin.get('/api/v1/sms/keywords')).json() as { items: SmsKeyword[] }).items;
    expect(items.map((k) => k.keyword).sort()).toEqual(['BC', 'CX', 'TS', '投诉', '补充', '查询'].sort());
    const res = await admin.post('/api/v1/sms/keywords', { command: 'progress', keyword: '进度' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ command: 'progress', keyword: '进度' });

    const sim = createSimulatorGateway({ now: () => ctx.clock.now(), autoReceipt: false });
    ctx.app.sms.useGateway(sim);
    sim.start();
    ctx.app.sms.useCommands({
      selfService: {
        progress: async () => ({
          openTickets: [{ number: 'TS1', statusText: { zh: '处理中', en: 'in progress' }, handlingUnit: null, answerDueAt: null }],
        }),
        addInformation: async () => null,
        file: async () => ({ number: 'TS2' }),
      },
    });
    const inbox = await admin.post('/api/v1/sms/simulator/messages', { from: '13800138000', text: '进度' });
    expect(inbox.statusCode).toBe(200);
    expect((inbox.json() as { items: SimulatedMessage[] }).items.map((m) => [m.direction, m.text])).toEqual([
      ['in', '进度'],
      ['out', '投诉TS1：处理中，由客服中心处理，我们会尽快答复。'],
    ]);
    const again = (await admin.get('/api/v1/sms/simulator/messages?phone=13800138000')).json() as { items: SimulatedMessage[] };
    expect(again.items).toHaveLength(2);
    ctx.app.sms.useGateway(null);
  });

  it('refuses a keyword already in use (whatever its case), a bare survey digit, and removing a command’s last keyword', async () => {
    expect((await admin.post('/api/v1/sms/keywords', { command: 'file', keyword: 'cx' })).json()).toMatchObject({
      error: { code: 'sms.keyword_taken' },
    });
    expect((await admin.post('/api/v1/sms/keywords', { command: 'file', keyword: '3' })).json()).toMatchObject({
      error: { code: 'validation.invalid_value', details: { field: 'body.keyword' } },
    });
    expect((await admin.post('/api/v1/sms/keywords', { command: 'file', keyword: 'a b' })).statusCode).toBe(400);
    const items = ((await admin.get('/api/v1/sms/keywords')).json() as { items: SmsKeyword[] }).items;
    const file = items.filter((k) => k.command === 'file');
    expect((await admin.delete(`/api/v1/sms/keywords/${file[0]!.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/sms/keywords/${file[1]!.id}`)).json()).toMatchObject({ error: { code: 'sms.keyword_last' } });
    expect((await admin.delete('/api/v1/sms/keywords/99999')).statusCode).toBe(404);
  });

  it('edits templates in both languages; an unknown one is 404', async () => {
    const items = ((await admin.get('/api/v1/sms/templates')).json() as { items: SmsTemplate[] }).items;
    expect(
      items
        .filter((t) => t.key === 'accepted')
        .map((t) => t.language)
        .sort(),
    ).toEqual(['en', 'zh-CN']);
    const res = await admin.request('PUT', '/api/v1/sms/templates/help/en', { text: 'Reply CX for progress.' });
    expect(res.json()).toMatchObject({ key: 'help', language: 'en', text: 'Reply CX for progress.' });
    expect((await admin.request('PUT', '/api/v1/sms/templates/nosuch/en', { text: 'x' })).statusCode).toBe(404);
    expect((await admin.request('PUT', '/api/v1/sms/templates/help/fr', { text: 'x' })).statusCode).toBe(400);
  });

  it('shows the outbox with numbers masked, and the link’s state', async () => {
    await ctx.app.smsOutbox.enqueue(ctx.database.db.kysely, { phone: '13912345678', text: '您好', purpose: 'notification' });
    const items = ((await admin.get('/api/v1/sms/outbox?limit=5')).json() as { items: SmsOutboxEntry[] }).items;
    expect(items[0]).toMatchObject({ phone: '139****5678', state: 'queued', attempts: 0 });
    expect((await admin.get('/api/v1/sms/status')).json()).toEqual({ gateway: null, state: 'down', serviceNumber: '10086' });
    expect((await admin.get('/api/v1/sms/simulator/messages?phone=13800138000')).json()).toMatchObject({
      error: { code: 'sms.simulator_off' },
    });
  });

  it('is for administrators only', async () => {
    const agent = await ctx.login('agent');
    expect((await agent.get('/api/v1/sms/keywords')).statusCode).toBe(403);
    expect((await agent.post('/api/v1/sms/simulator/messages', { from: '13800138000', text: 'CX' })).statusCode).toBe(403);
  });
});
