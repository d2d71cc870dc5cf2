import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { listenLive } from './live-listener.test-support.js';

let ctx: TestContext;
let agent: Client;
let desk: Client;
let network: Client;
let admin: Client;
let seq = 0;
const phone = () => `1370000${String(1000 + seq++).padStart(4, '0')}`;

beforeAll(async () => {
  ctx = await createTestContext();
  [agent, desk, network, admin] = await Promise.all(['agent', 'desk', 'network', 'admin'].map((u) => ctx.login(u)));
});
afterAll(() => ctx.close());

type Loc = { city?: string; district?: string; compound?: string; address?: string; cellId?: string };
async function complain(location: Loc, over: Partial<Parameters<typeof makeTicketBody>[0]> = {}) {
  const res = await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: phone(), categoryCode: '0101', location, ...over }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; number: string; incidentId: number | null; status: string };
}
const incident = async (id: number) => (await desk.get(`/api/v1/incidents/${id}`)).json();

describe('early warning', () => {
  it('opens one incident at the fifth complaint in 30 minutes about one compound, holding all five', async () => {
    const live = await listenLive(ctx, 'network');
    const area = ['红谷滩区绿地小区3栋', '红谷滩绿地小区', '红谷滩区绿地小区12栋2单元', '南昌市红谷滩区绿地小区', '红谷滩绿地小区5幢'];
    const first: { id: number; incidentId: number | null }[] = [];
    for (const compound of area.slice(0, 4)) {
      first.push(await complain({ compound }, { categoryCode: first.length % 2 ? '0102' : '0104' }));
      ctx.clock.advance({ minutes: 5 });
    }
    expect(first.every((t) => t.incidentId === null)).toBe(true);
    const fifth = await complain({ compound: area[4] });
    expect(fifth.incidentId).not.toBeNull();
    const heard = await live.waitFor((e) => e.type === 'incident.opened');
    expect(heard.data).toMatchObject({ incidentId: fifth.incidentId, count: 5, incidentStatus: 'open', ticketId: fifth.id });
    live.close();

    const view = await incident(fifth.incidentId!);
    expect(view).toMatchObject({
      status: 'open',
      count: 5,
      area: { label: '南昌红谷滩绿地', level: 'compound' },
      category: { code: '01' },
      rule: { threshold: 5, windowMinutes: 30 },
      unit: { code: 'NET-MAINT' },
    });
    expect(view.children.map((c: { id: number }) => c.id).sort()).toEqual([...first.map((t) => t.id), fifth.id].sort());
    for (const t of first) expect((await agent.get(`/api/v1/tickets/${t.id}`)).json().incidentId).toBe(fifth.incidentId);
    expect((await desk.get('/api/v1/incidents?status=open')).json().items.map((i: { id: number }) => i.id)).toContain(fifth.incidentId);
    expect((await desk.get('/api/v1/incidents?status=resolved')).json().items).toEqual([]);

    // before filing, the agent can tell the next caller from there that it is being handled
    const match = await agent.get(
      `/api/v1/incidents/match?categoryCode=0103&district=${encodeURIComponent('红谷滩')}&compound=${encodeURIComponent('绿地小区8栋')}`,
    );
    expect(match.json().items.map((i: { id: number }) => i.id)).toEqual([fifth.incidentId]);
    expect(
      (await agent.get(`/api/v1/incidents/match?categoryCode=0301&compound=${encodeURIComponent('红谷滩绿地小区')}`)).json().items,
    ).toEqual([]);

    // a later complaint about the same area joins it, and the count goes up live
    const listening = await listenLive(ctx, 'desk');
    const later = await complain({ district: '红谷滩区', compound: '绿地小区' }, { categoryCode: '0105' });
    expect(later.incidentId).toBe(fifth.incidentId);
    expect((await listening.waitFor((e) => e.type === 'incident.changed' && e.data.count === 6)).data.ticketId).toBe(later.id);
    listening.close();
  });

  it('does not fire for complaints spread over more than the window, other areas or other categories', async () => {
    const loc = { city: '江门', district: '江海区', compound: '金汇花园' };
    for (let i = 0; i < 4; i++) expect((await complain(loc)).incidentId).toBeNull();
    ctx.clock.advance({ minutes: 31 });
    expect((await complain(loc)).incidentId).toBeNull();
    expect((await complain({ ...loc, compound: '五邑城' })).incidentId).toBeNull();
    expect((await complain(loc, { categoryCode: '0301' })).incidentId).toBeNull();
    expect((await complain(loc, { customerPhone: '13800138000' })).incidentId).toBeNull();
  });

  it('makes exactly one incident when complaints cross the threshold at the same moment', async () => {
    const loc = { city: '江门', district: '蓬江区', compound: '同时花园' };
    await Promise.all(Array.from({ length: 3 }, () => complain(loc)));
    const racing = await Promise.all(Array.from({ length: 6 }, () => complain(loc)));
    const ids = new Set(racing.map((t) => t.incidentId).filter((i) => i !== null));
    expect(ids.size).toBe(1);
    const view = await incident([...ids][0]!);
    expect(view.count).toBe(9);
    expect(view.children).toHaveLength(9);
  });
});

describe('the desk handles an incident once for everyone', () => {
  it('confirms, dispatches once, and resolves: every customer told once and every child closed with the result', async () => {
    const loc = { city: '江门', district: '新会区', compound: '碧桂园' };
    const repeatCaller = phone();
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await complain(loc, i === 4 ? { customerPhone: repeatCaller } : {}));
    const id = tickets[4]!.incidentId!;
    const again = await complain(loc, { customerPhone: repeatCaller });
    expect(again.incidentId).toBe(id);

    expect((await agent.post(`/api/v1/incidents/${id}/confirm`, {})).statusCode).toBe(403);
    expect((await desk.post(`/api/v1/incidents/${id}/dispatch`, {})).statusCode).toBe(409);
    expect((await desk.post(`/api/v1/incidents/${id}/confirm`)).json()).toMatchObject({ status: 'confirmed' });
    // confirmed, the children wait on it instead of travelling separately
    const dispatchChild = await agent.post(`/api/v1/tickets/${tickets[0]!.id}/dispatch`, {});
    expect(dispatchChild.statusCode).toBe(409);
    expect(dispatchChild.json().error.code).toBe('incident.child_waits');
    expect((await desk.post(`/api/v1/incidents/${id}/confirm`)).statusCode).toBe(409);
    const dispatched = await desk.post(`/api/v1/incidents/${id}/dispatch`, {});
    expect(dispatched.json()).toMatchObject({ status: 'confirmed', unit: { code: 'NET-MAINT' } });
    expect(dispatched.json().dispatchedAt).not.toBeNull();
    expect((await desk.post(`/api/v1/incidents/${id}/dispatch`, {})).json().error.code).toBe('incident.already_dispatched');
    expect((await network.get(`/api/v1/incidents/${id}`)).statusCode).toBe(200);

    const resolved = await desk.post(`/api/v1/incidents/${id}/resolve`, { result: '室内分布系统故障已修复，信号恢复' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', result: '室内分布系统故障已修复，信号恢复', count: 6 });
    expect(resolved.json().children.every((c: { status: string }) => c.status === 'closed')).toBe(true);
    const events = (await agent.get(`/api/v1/tickets/${tickets[0]!.id}/events`)).json().items;
    expect(events.at(-1)).toMatchObject({ action: 'resolve', data: { resolution: expect.stringContaining('室内分布系统故障已修复') } });

    const sms = await ctx.database.db.kysely.selectFrom('sms_outbox').selectAll().where('purpose', '=', 'incident').execute();
    expect(sms).toHaveLength(5);
    expect(new Set(sms.map((m) => m.phone)).size).toBe(5);
    expect(sms.every((m) => m.text.includes('室内分布系统故障已修复') && m.text.includes('新会'))).toBe(true);

    // the customer at a glance names the incident and its result
    const profile = (await agent.get(`/api/v1/customers/${repeatCaller}`)).json();
    expect(profile.incidents).toMatchObject([
      { id, status: 'resolved', result: '室内分布系统故障已修复，信号恢复', areaLabel: '江门新会碧桂园' },
    ]);
    expect(profile.repeatCount).toBe(1);

    // resolving again sends nothing more
    expect((await desk.post(`/api/v1/incidents/${id}/resolve`, { result: 'again' })).statusCode).toBe(200);
    expect(await ctx.database.db.kysely.selectFrom('sms_outbox').select('id').where('purpose', '=', 'incident').execute()).toHaveLength(5);

    // the window counts afresh: the next complaint there is a new one, not a sixth of a closed incident
    expect((await complain(loc)).incidentId).toBeNull();
  });

  it('dismissed, the children travel on their own again', async () => {
    const loc = { city: '江门', district: '开平', compound: '碉楼花园' };
    const tickets = [];
    for (let i = 0; i < 5; i++) tickets.push(await complain(loc));
    const id = tickets[4]!.incidentId!;
    await desk.post(`/api/v1/incidents/${id}/confirm`);
    expect((await agent.post(`/api/v1/tickets/${tickets[0]!.id}/dispatch`, {})).statusCode).toBe(409);
    expect((await desk.post(`/api/v1/incidents/${id}/dismiss`, {})).statusCode).toBe(400);
    expect((await desk.post(`/api/v1/incidents/${id}/dismiss`, { reason: '各自原因不同' })).json()).toMatchObject({
      status: 'dismissed',
      reason: '各自原因不同',
    });
    expect((await agent.post(`/api/v1/tickets/${tickets[0]!.id}/dispatch`, {})).statusCode).toBe(200);
    expect((await complain(loc)).incidentId).toBeNull();
  });
});

describe('rules and settings', () => {
  it('the administrator edits the rules; a cell rule counts cells', async () => {
    expect((await desk.get('/api/v1/incident-rules')).statusCode).toBe(403);
    const created = await admin.post('/api/v1/incident-rules', {
      name: '数据业务：同一小区 10 分钟 3 宗',
      categoryCode: '08',
      areaLevel: 'cell',
      threshold: 3,
      windowMinutes: 10,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin.post('/api/v1/incident-rules', { ...(created.json() as object), id: undefined })).statusCode).toBe(400);
    expect(
      (await admin.post('/api/v1/incident-rules', { name: 'x', categoryCode: '77', areaLevel: 'cell', threshold: 3, windowMinutes: 10 }))
        .statusCode,
    ).toBe(422);
    const cat = (await admin.get('/api/v1/categories')).json();
    const leaf =
      JSON.stringify(cat)
        .match(/"code":"08[0-9]{2}"/)?.[0]
        ?.slice(8, 12) ?? '0801';
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await complain({ cellId: 'CELL-77' }, { categoryCode: leaf }));
    expect(made[2]!.incidentId).not.toBeNull();

    const rules = (await admin.get('/api/v1/incident-rules')).json().items;
    const patched = await admin.patch(`/api/v1/incident-rules/${created.json().id}`, { isActive: false }, { 'if-match': '"1"' });
    expect(patched.json()).toMatchObject({ isActive: false, version: 2 });
    expect(rules.length).toBeGreaterThanOrEqual(2);

    const settings = await admin.patch('/api/v1/incident-settings', { smsLanguage: 'en' });
    expect(settings.json()).toMatchObject({ smsLanguage: 'en' });
  });
});
