import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let agent: Client;
let specialist: Client;
let admin: Client;
let phoneSeq = 0;
const newPhone = () => `1391234${String(1000 + phoneSeq++).padStart(4, '0')}`;

const signIn = async () => {
  [agent, specialist, admin] = await Promise.all([ctx.login('agent'), ctx.login('specialist'), ctx.login('admin')]);
};
// sessions end after hours idle: days later everyone signs in again
const later = async (days: number) => {
  ctx.clock.advance({ days });
  await signIn();
};

beforeAll(async () => {
  ctx = await createTestContext();
  await signIn();
});
afterAll(() => ctx.close());

const file = async (c: Client, body: Parameters<typeof makeTicketBody>[0]) => {
  const res = await c.post(
    '/api/v1/tickets',
    makeTicketBody({ location: { city: '江门', district: '江海区', compound: `测试${phoneSeq}` }, ...body }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('repeat complaints at intake', () => {
  it('flags the same number with the same problem, raises it and gives it to the earlier owner', async () => {
    const phone = newPhone();
    const first = await file(agent, { customerPhone: phone, categoryCode: '0102' });
    expect(first.repeat).toEqual({ isRepeat: false, of: [] });
    await later(2);
    const second = await file(specialist, { customerPhone: phone, categoryCode: '0102' });
    expect(second.repeat).toEqual({ isRepeat: true, of: [first.number] });
    expect(second.priority).toBe('high');
    expect(second.owner.name).toBe(first.owner.name);
    const contacts = await ctx.database.db.kysely.selectFrom('customer_contacts').selectAll().where('phone', '=', phone).execute();
    expect(contacts).toMatchObject([{ kind: 'repeat_call', channel: 'hotline', ticket_id: first.id }]);
  });

  it('does not flag a closed complaint outside the window, or another problem', async () => {
    const phone = newPhone();
    await file(agent, { customerPhone: phone, categoryCode: '0301', resolveNow: { resolution: '已解释话费构成' } });
    await later(31);
    expect(
      (await file(agent, { customerPhone: phone, categoryCode: '0301', resolveNow: { resolution: '再次解释' } })).repeat.isRepeat,
    ).toBe(false);
    await later(1);
    expect(
      (await file(agent, { customerPhone: phone, categoryCode: '0302', resolveNow: { resolution: '套餐说明' } })).repeat.isRepeat,
    ).toBe(false);
    const again = await file(agent, { customerPhone: phone, categoryCode: '0301' });
    expect(again.repeat.isRepeat).toBe(true);
  });

  it('counts a whole first level as one problem where the administrator says so', async () => {
    const phone = newPhone();
    await file(agent, { customerPhone: phone, categoryCode: '0401', resolveNow: { resolution: '已说明活动规则' } });
    expect(
      (await file(agent, { customerPhone: phone, categoryCode: '0402', resolveNow: { resolution: '礼品补发' } })).repeat.isRepeat,
    ).toBe(false);
    expect((await agent.patch('/api/v1/repeats/settings', { firstLevelCategories: ['04'] })).statusCode).toBe(403);
    const saved = await admin.patch('/api/v1/repeats/settings', { firstLevelCategories: ['04'], priorityStep: 2 });
    expect(saved.json()).toMatchObject({ firstLevelCategories: ['04'], priorityStep: 2, windowDays: 30 });
    const third = await file(agent, { customerPhone: phone, categoryCode: '0402' });
    expect(third.repeat.of).toHaveLength(2);
    expect(third.priority).toBe('urgent');
    await admin.patch('/api/v1/repeats/settings', { firstLevelCategories: [], priorityStep: 1 });
  });

  it('sends a repeat to the complaint desk when routing to the earlier owner finds nobody', async () => {
    const phone = newPhone();
    const first = await file(agent, { customerPhone: phone, categoryCode: '0203' });
    await ctx.database.db.kysely.updateTable('tickets').set({ owner_id: null }).where('id', '=', first.id).execute();
    const second = await file(specialist, { customerPhone: phone, categoryCode: '0203' });
    expect(second.owner).toBeNull();
    expect(second.ownerUnit.code).toBe('CSC-DESK');
  });
});

describe('while the caller is on the line', () => {
  it('shows the earlier tickets with their results, and attaches the call to the open one', async () => {
    const phone = newPhone();
    const closed = await file(agent, { customerPhone: phone, categoryCode: '0103', resolveNow: { resolution: '已重启基站，网速恢复' } });
    const open = await file(agent, { customerPhone: phone, categoryCode: '0201' });
    const check = await agent.get(`/api/v1/repeats/check?phone=${phone}&categoryCode=0103`);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      isRepeat: true,
      of: [closed.number, open.number],
      earlier: [{ number: closed.number, resolution: '已重启基站，网速恢复' }, { number: open.number }],
      openTickets: [{ number: open.number }],
      priority: 'high',
    });
    expect((await agent.get(`/api/v1/repeats/check?phone=${newPhone()}`)).json()).toMatchObject({ isRepeat: false, earlier: [] });

    const attached = await agent.post('/api/v1/repeats/attach', { ticket: open.number, customerPhone: phone, note: '客户来电催促进度' });
    expect(attached.statusCode, attached.body).toBe(200);
    const events = (await agent.get(`/api/v1/tickets/${open.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ action: 'note', note: '客户来电催促进度', data: { repeatCall: true, channel: 'hotline' } });
    const contacts = await ctx.database.db.kysely.selectFrom('customer_contacts').selectAll().where('phone', '=', phone).execute();
    expect(contacts).toMatchObject([{ kind: 'repeat_call', channel: 'hotline', ticket_id: open.id }]);

    const wrong = await agent.post('/api/v1/repeats/attach', { ticket: open.number, customerPhone: newPhone(), note: 'x' });
    expect(wrong.statusCode).toBe(400);
    const closedOne = await agent.post('/api/v1/repeats/attach', { ticket: closed.number, customerPhone: phone, note: 'x' });
    expect(closedOne.statusCode).toBe(409);
  });

  it('the customer at a glance names repeats', async () => {
    const phone = newPhone();
    await file(agent, { customerPhone: phone, categoryCode: '0104' });
    await file(agent, { customerPhone: phone, categoryCode: '0104' });
    const profile = (await agent.get(`/api/v1/customers/${phone}`)).json();
    expect(profile.repeatCount).toBe(1);
    expect(profile.openTickets.map((t: { isRepeat: boolean }) => t.isRepeat)).toEqual([true, false]);
    expect(profile).toMatchObject({ incidents: [], surveys: [] });
  });
});

describe('repeat complaint rate', () => {
  it('is repeats over complaints per month, by category, unit and branch', async () => {
    const month = ctx.clock.now().toISOString().slice(0, 7);
    const all = await specialist.get(`/api/v1/repeats/rate?from=${month}`);
    expect(all.statusCode).toBe(403);
    const desk = await ctx.login('desk');
    const res = (await desk.get(`/api/v1/repeats/rate?from=${month}`)).json();
    expect(res.items).toHaveLength(1);
    const row = res.items[0];
    expect(row.repeats).toBeGreaterThan(0);
    expect(row.rate).toBeCloseTo(row.repeats / row.complaints);
    const byCategory = (await desk.get(`/api/v1/repeats/rate?from=${month}&by=category`)).json();
    const sum = byCategory.items.reduce((n: number, r: { repeats: number }) => n + r.repeats, 0);
    expect(sum).toBe(row.repeats);
    expect(byCategory.items.find((r: { key: string }) => r.key === '01').repeats).toBeGreaterThan(0);
    expect((await desk.get(`/api/v1/repeats/rate?from=${month}&by=unit`)).statusCode).toBe(200);
    expect((await desk.get(`/api/v1/repeats/rate?from=${month}&by=branch`)).statusCode).toBe(200);
    expect((await desk.get(`/api/v1/repeats/rate?from=2026-05&to=2026-01`)).statusCode).toBe(400);
  });
});
