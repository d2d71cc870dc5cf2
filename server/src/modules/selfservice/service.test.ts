import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = await ctx.login('agent');
});
afterAll(() => ctx.close());

// queries are counted in the background; settled() waits for the counts to be stored
const contacts = async (phone: string) => {
  await ctx.app.selfService.settled();
  return ctx.database.db.kysely
    .selectFrom('customer_contacts')
    .selectAll()
    .where('phone', '=', phone)
    .where('kind', '=', 'self_service_query')
    .orderBy('id')
    .execute();
};

describe('progress by phone', () => {
  it('tells the caller each open complaint in plain words, who handles it and when the answer is due, and counts the query', async () => {
    const phone = '13911112222';
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: phone, categoryCode: '0101' }))).json();
    await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {});
    await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: phone, resolveNow: { resolution: '已当场解释' } }));

    const p = await ctx.app.selfService.progress(phone, 'sms');
    expect(p.openTickets).toHaveLength(1);
    expect(p.openTickets[0]).toMatchObject({
      number: t.number,
      status: 'dispatched',
      statusText: { zh: '已转交处理部门', en: 'passed to the department that will handle it' },
      handlingUnit: { name: '网络维护中心', nameEn: 'Network Maintenance Centre' },
      answerDueAt: expect.any(String),
    });
    expect(p.speech.zh).toContain('网络维护中心');
    expect(p.speech.en).toContain('You have 1 open complaint.');
    expect(await contacts(phone)).toMatchObject([{ channel: 'sms', kind: 'self_service_query', ticket_id: t.id }]);
  });

  it('answers a number without complaints the same way and counts that query too', async () => {
    const p = await ctx.app.selfService.progress('13522223333', 'ivr');
    expect(p.openTickets).toEqual([]);
    expect(p.speech.en).toBe('You have no open complaints at the moment.');
    expect(await contacts('13522223333')).toMatchObject([
      { channel: 'ivr', kind: 'self_service_query', customer_id: null, ticket_id: null },
    ]);
  });

  it('counts every one of many queries arriving at once', async () => {
    await Promise.all(Array.from({ length: 25 }, () => ctx.app.selfService.progress('13600001234', 'web')));
    expect(await contacts('13600001234')).toHaveLength(25);
  });
});

describe('adding information', () => {
  it('lands on the latest open complaint, in its timeline, and tells the unit handling it', async () => {
    const phone = '13933334444';
    const t = (await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: phone, categoryCode: '0101' }))).json();
    await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {});
    const added = await ctx.app.selfService.addInformation(phone, '晚上八点后完全没信号', 'sms');
    expect(added).toMatchObject({ ticketNumber: t.number });
    const network = await ctx.login('network');
    const events = (await network.get(`/api/v1/tickets/${t.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ action: 'customer_info', actor: null, note: '晚上八点后完全没信号', data: { channel: 'sms' } });
    const inbox = (await network.get('/api/v1/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('customer.info');
  });

  it('returns null when the customer has no open complaint, and refuses a closed one named explicitly', async () => {
    expect(await ctx.app.selfService.addInformation('13544445555', '补充', 'sms')).toBeNull();
    const closed = (
      await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: '13544445555', resolveNow: { resolution: '已解释' } }))
    ).json();
    await expect(ctx.app.selfService.addInformation('13544445555', '补充', 'sms', closed.number)).rejects.toMatchObject({
      status: 409,
    });
    // someone else's complaint is no complaint of theirs
    expect(await ctx.app.selfService.addInformation('13500000000', '补充', 'sms', closed.number)).toBeNull();
  });
});
