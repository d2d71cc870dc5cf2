import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

// The test clock starts on Monday 2026-11-23 at 10:00 in Shanghai (02:00Z).
const local = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

let ctx: TestContext;
let agent: Client, specialist: Client, desk: Client, admin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  [agent, specialist, desk, admin] = await Promise.all(['agent', 'specialist', 'desk', 'admin'].map((u) => ctx.login(u)));
  const specialistId = (await specialist.get('/api/v1/me')).json().id as number;
  const group = (await admin.get('/api/v1/skill-groups')).json().items.find((g: { code: string }) => g.code === 'DATA');
  const res = await admin.patch(`/api/v1/skill-groups/${group.id}`, { memberIds: [specialistId], version: group.version });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => ctx.close());

// sessions end after hours idle: moving the clock far signs everyone in again
async function at(iso: string) {
  ctx.clock.set(iso);
  [agent, specialist, desk, admin] = await Promise.all(['agent', 'specialist', 'desk', 'admin'].map((u) => ctx.login(u)));
}

const book = (body: Record<string, unknown> = {}, who = agent) =>
  who.post('/api/v1/callbacks', { customerPhone: '13800138000', skillGroup: 'DATA', topic: '流量包未生效', ...body });

describe('booking a callback', () => {
  it('is due one hour later during open hours, and the agent sees the full number', async () => {
    await at('2026-11-23T02:00:00.000Z');
    const res = await book({ notes: '客户要求下午回电' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'open', attempts: 0, maxAttempts: 3, customerPhone: '13800138000', dueState: 'ok' });
    expect(local(res.json().dueAt)).toBe('2026-11-23 11:00');
  });

  it('booked after closing time, is due an hour after the next opening, skipping a holiday from the SLA calendar', async () => {
    expect((await admin.request('PUT', '/api/v1/holidays/2026-11-24', { kind: 'holiday', name: '测试假日' })).statusCode).toBe(200);
    await at('2026-11-23T14:30:00.000Z'); // 22:30 local
    const res = await book();
    expect(local(res.json().dueAt)).toBe('2026-11-25 10:00');
    await admin.delete('/api/v1/holidays/2026-11-24');
  });

  it('refuses an unknown skill group, an unknown ticket and unknown fields, storing nothing', async () => {
    await at('2026-11-23T02:00:00.000Z');
    const before = (await specialist.get('/api/v1/callbacks?state=open&limit=200')).json().items.length;
    const r1 = await book({ skillGroup: 'NOPE' });
    expect(r1.statusCode).toBe(422);
    expect(r1.json().error).toMatchObject({ code: 'skill_group.not_found', details: { field: 'body.skillGroup' } });
    const r2 = await book({ ticketNumber: 'TS20261123999999' });
    expect(r2.json().error).toMatchObject({ code: 'ticket.not_found', details: { field: 'body.ticketNumber' } });
    const r3 = await book({ priority: 'high' });
    expect(r3.json().error).toMatchObject({ code: 'validation.unknown_field', details: { field: 'body.priority' } });
    expect((await specialist.get('/api/v1/callbacks?state=open&limit=200')).json().items).toHaveLength(before);
  });

  it('may be booked by agents, specialists and the desk, not by department staff', async () => {
    expect((await book({}, desk)).statusCode).toBe(201);
    expect((await book({}, specialist)).statusCode).toBe(201);
    const network = await ctx.login('network');
    expect((await book({}, network)).statusCode).toBe(403);
    expect((await agent.get('/api/v1/callbacks')).statusCode).toBe(403);
  });
});

describe('the callback queue', () => {
  it('lists a group’s callbacks by due time, coloured due soon and overdue as time passes', async () => {
    await at('2026-11-30T02:00:00.000Z'); // Monday 10:00
    const late = (await book({ topic: '晚一些的回呼' })).json();
    await at('2026-11-30T01:30:00.000Z');
    const early = (await book({ topic: '早一些的回呼' })).json();
    await at('2026-11-30T02:20:00.000Z');
    const queue = (await specialist.get('/api/v1/callbacks?skillGroup=DATA&state=open')).json().items as { id: number; dueState: string }[];
    const ours = queue.filter((c) => c.id === early.id || c.id === late.id);
    expect(ours.map((c) => c.id)).toEqual([early.id, late.id]);
    expect(ours.map((c) => c.dueState)).toEqual(['warning', 'ok']);
    await at('2026-11-30T02:31:00.000Z');
    const later = (await specialist.get('/api/v1/callbacks?skillGroup=DATA')).json().items as { id: number; dueState: string }[];
    expect(later.find((c) => c.id === early.id)?.dueState).toBe('overdue');
    const ordered = later.map((c) => c.id);
    expect(ordered.indexOf(early.id)).toBeLessThan(ordered.indexOf(late.id));
  });

  it('lets one specialist take a callback; the desk cannot take it from them', async () => {
    const cb = (await book()).json();
    const taken = await specialist.post(`/api/v1/callbacks/${cb.id}/take`);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ state: 'taken', takenBy: { displayName: '赵婷' } });
    const again = await desk.post(`/api/v1/callbacks/${cb.id}/take`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('callback.already_taken');
    expect((await desk.post(`/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'no_answer' })).statusCode).toBe(409);
  });

  it('lets only members of the group work its callbacks, every specialist while it has none', async () => {
    const other = await admin.post('/api/v1/skill-groups', { code: 'ROAM', name: '国际漫游专席', nameEn: 'Roaming' });
    expect(other.statusCode, other.body).toBe(201);
    const unstaffed = (await book({ skillGroup: 'ROAM' })).json();
    expect((await specialist.post(`/api/v1/callbacks/${unstaffed.id}/take`)).statusCode).toBe(200);
    const deskId = (await desk.get('/api/v1/me')).json().id as number;
    expect(
      (await admin.patch(`/api/v1/skill-groups/${other.json().id}`, { memberIds: [deskId], version: other.json().version })).statusCode,
    ).toBe(200);
    const cb = (await book({ skillGroup: 'ROAM' })).json();
    const res = await specialist.post(`/api/v1/callbacks/${cb.id}/take`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('callback.not_member');
    expect((await desk.post(`/api/v1/callbacks/${cb.id}/take`)).statusCode).toBe(200);
  });
});

describe('recording attempts', () => {
  it('retries an unanswered call 30 minutes apart, then texts the customer; each outcome on the ticket’s timeline', async () => {
    await at('2026-11-30T12:00:00.000Z'); // 20:00 local
    const ticket = (await agent.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0601', description: '流量包扣费' }))).json();
    const cb = (await book({ ticketNumber: ticket.number, language: 'en', topic: 'Data pack not active' })).json();
    expect(local(cb.dueAt)).toBe('2026-11-30 21:00');

    await at('2026-11-30T13:40:00.000Z'); // 21:40
    const first = await specialist.post(`/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'no_answer', note: '无人接听' });
    expect(first.statusCode, first.body).toBe(200);
    // twenty minutes before closing, ten after the next opening
    expect(first.json()).toMatchObject({ state: 'open', attempts: 1, takenBy: null });
    expect(local(first.json().dueAt)).toBe('2026-12-01 09:10');

    await at('2026-12-01T01:10:00.000Z');
    await specialist.post(`/api/v1/callbacks/${cb.id}/take`);
    const second = (await specialist.post(`/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'no_answer' })).json();
    expect(second).toMatchObject({ state: 'open', attempts: 2 });
    expect(local(second.dueAt)).toBe('2026-12-01 09:40');
    const sms = () => ctx.database.db.kysely.selectFrom('sms_outbox').selectAll().where('purpose', '=', 'callback').execute();
    expect(await sms()).toHaveLength(0);

    await at('2026-12-01T01:41:00.000Z');
    const third = (await specialist.post(`/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'no_answer' })).json();
    expect(third).toMatchObject({ state: 'unreached', attempts: 3 });
    expect(third.closedAt).not.toBeNull();
    expect(third.history.map((h: { outcome: string }) => h.outcome)).toEqual(['no_answer', 'no_answer', 'no_answer']);
    const sent = await sms();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ phone: '13800138000', ticket_id: ticket.id });
    expect(sent[0]!.text).toContain('Data pack not active');

    // finished: no further attempts, and it has left the open queue
    expect((await specialist.post(`/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'no_answer' })).json().error.code).toBe(
      'callback.closed',
    );
    const open = (await specialist.get('/api/v1/callbacks?skillGroup=DATA')).json().items as { id: number }[];
    expect(open.some((c) => c.id === cb.id)).toBe(false);

    const events = (await agent.get(`/api/v1/tickets/${ticket.id}/events`)).json().items as {
      action: string;
      data: Record<string, unknown>;
    }[];
    const callbackEvents = events.filter((e) => e.action === 'callback');
    expect(callbackEvents.map((e) => e.data.callback)).toEqual(['booked', 'no_answer', 'no_answer', 'no_answer']);
    expect(callbackEvents.at(-1)!.data).toMatchObject({ attempt: 3, smsSent: true });
  });

  it('closes on reaching the customer, linking the ticket created during the call', async () => {
    await at('2026-11-30T03:00:00.000Z');
    const cb = (await book()).json();
    const ticket = (
      await specialist.post('/api/v1/tickets', makeTicketBody({ categoryCode: '0601', description: '套餐外流量费用' }))
    ).json();
    const res = await specialist.post(`/api/v1/callbacks/${cb.id}/attempts`, {
      outcome: 'reached_ticket',
      note: '已建单',
      ticketNumber: ticket.number,
    });
    expect(res.json()).toMatchObject({ state: 'ticketed', ticketNumber: ticket.number, attempts: 1 });
    const events = (await agent.get(`/api/v1/tickets/${ticket.id}/events`)).json().items as { action: string; note: string | null }[];
    expect(events.filter((e) => e.action === 'callback').map((e) => e.note)).toEqual(['已建单']);

    const solved = (await book()).json();
    expect((await desk.post(`/api/v1/callbacks/${solved.id}/attempts`, { outcome: 'reached_solved' })).json().state).toBe('solved');
  });

  it('follows the group’s own retry policy', async () => {
    const groups = (await admin.get('/api/v1/skill-groups')).json().items as { code: string; id: number; version: number }[];
    const roam = groups.find((g) => g.code === 'ROAM')!;
    const patched = await admin.patch(`/api/v1/skill-groups/${roam.id}`, { retryAttempts: 1, version: roam.version });
    expect(patched.json().members).toHaveLength(1);
    expect(patched.json().retryAttempts).toBe(1);
    const cb = (await book({ skillGroup: 'ROAM' })).json();
    expect((await desk.post(`/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'no_answer' })).json().state).toBe('unreached');
    expect((await admin.patch(`/api/v1/skill-groups/${roam.id}`, { retryAttempts: 2, version: roam.version })).statusCode).toBe(409);
  });
});
