import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workload } from '../../../../contracts/assignment.js';
import type { TicketEvent, TicketView } from '../../../../contracts/tickets.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
let admin: Client;
let agent: Client;
let desk: Client;
let ids: { network: number; wang: number };

beforeAll(async () => {
  ctx = await createTestContext();
  [admin, agent, desk] = await Promise.all([ctx.login('admin'), ctx.login('agent'), ctx.login('desk')]);
  const wang = await admin.post('/api/v1/users', {
    username: 'wangfang',
    displayName: '王芳',
    role: 'handler',
    unitCode: 'NET-MAINT',
    password: 'netmaint-2026',
  });
  const network = (await admin.get('/api/v1/users?unit=NET-MAINT'))
    .json()
    .items.find((u: { username: string }) => u.username === 'network');
  ids = { network: network.id, wang: wang.json().id };
  await admin.patch('/api/v1/units/NET-MAINT', { assignmentMode: 'least_open', maxOpenPerPerson: 2, takeTimeoutMinutes: 30 });
});
afterAll(() => ctx.close());

const dispatch = async () => {
  const t = (await agent.post('/api/v1/tickets', makeTicketBody())).json() as TicketView;
  return (await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {})).json() as TicketView;
};
const read = async (id: number) => (await desk.get(`/api/v1/tickets/${id}`)).json() as TicketView;
const events = async (id: number) => (await desk.get(`/api/v1/tickets/${id}/events`)).json().items as TicketEvent[];

describe('pushing orders inside a unit', () => {
  it('spreads dispatched orders over the least loaded members and stops at each one’s cap', async () => {
    const a = await dispatch();
    const b = await dispatch();
    expect(new Set([a.handlingUser?.id, b.handlingUser?.id])).toEqual(new Set([ids.network, ids.wang]));
    expect((await events(a.id)).find((e) => e.action === 'dispatch')?.data.assignedTo).toMatchObject({ id: a.handlingUser!.id });
    await dispatch();
    await dispatch();
    const fifth = await dispatch();
    expect(fifth.handlingUser).toBeNull(); // both carry 2: it waits in the unit's pool
    const load = (await desk.get('/api/v1/units/NET-MAINT/workload')).json() as Workload;
    expect(load.members.filter((m) => m.open === 2)).toHaveLength(2);
  });

  it('takes back an order nobody took in time and gives it to someone else, with events', async () => {
    await admin.patch('/api/v1/units/NET-MAINT', { maxOpenPerPerson: null });
    const t = await dispatch();
    const first = t.handlingUser!.id;
    ctx.clock.advance({ minutes: 31 });
    [agent, desk, admin] = await Promise.all([ctx.login('agent'), ctx.login('desk'), ctx.login('admin')]);
    expect(await ctx.app.assignment.sweep()).toBeGreaterThanOrEqual(1);
    const after = await read(t.id);
    expect(after.handlingUser?.id).not.toBe(first);
    const actions = (await events(t.id)).map((e) => `${e.action}:${String(e.data.reason ?? '')}`);
    expect(actions).toEqual(expect.arrayContaining(['unassign:not_taken', 'assign:']));
  });

  it('hands back what was waiting for someone who goes away', async () => {
    const t = await dispatch();
    const holder = await ctx.login(
      t.handlingUser!.id === ids.network ? 'network' : 'wangfang',
      t.handlingUser!.id === ids.network ? 'demo1234' : 'netmaint-2026',
    );
    expect((await holder.request('PUT', '/api/v1/me/presence', { presence: 'away' })).statusCode).toBe(200);
    await ctx.app.assignment.sweep();
    const after = await read(t.id);
    expect(after.handlingUser?.id).not.toBe(t.handlingUser!.id);
    expect((await events(t.id)).some((e) => e.action === 'unassign' && e.data.reason === 'away')).toBe(true);
    await holder.request('PUT', '/api/v1/me/presence', { presence: 'online' });
  });

  it('stops the take timer once the order is taken', async () => {
    const t = await dispatch();
    const holder = await ctx.login(
      t.handlingUser!.id === ids.network ? 'network' : 'wangfang',
      t.handlingUser!.id === ids.network ? 'demo1234' : 'netmaint-2026',
    );
    await holder.post(`/api/v1/tickets/${t.id}/take`, {});
    ctx.clock.advance({ hours: 2 });
    await ctx.app.assignment.sweep();
    expect((await read(t.id)).handlingUser?.id).toBe(t.handlingUser!.id);
  });

  it('lets the desk reassign to a named member, and refuses department staff who are not supervisors', async () => {
    [agent, desk, admin] = await Promise.all([ctx.login('agent'), ctx.login('desk'), ctx.login('admin')]);
    const t = await dispatch();
    const other = t.handlingUser!.id === ids.network ? ids.wang : ids.network;
    expect((await desk.post(`/api/v1/tickets/${t.id}/assign`, { userId: other })).statusCode).toBe(204);
    expect((await read(t.id)).handlingUser?.id).toBe(other);
    const network = await ctx.login('network');
    expect((await network.post(`/api/v1/tickets/${t.id}/assign`, { userId: ids.network })).json().error.code).toBe(
      'ticket.not_handling_unit',
    );
    const outsider = (await admin.get('/api/v1/users?unit=IT')).json().items[0].id;
    expect((await desk.post(`/api/v1/tickets/${t.id}/assign`, { userId: outsider })).json().error.details.field).toBe('body.userId');
  });

  it('leaves a pull unit’s orders for its people to take', async () => {
    await admin.patch('/api/v1/units/NET-MAINT', { assignmentMode: 'pull' });
    const t = await dispatch();
    expect(t.handlingUser).toBeNull();
  });
});
