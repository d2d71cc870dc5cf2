import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RolePermissions } from '../../../../contracts/permissions.js';
import { Roles, type Role } from '../../../../contracts/roles.js';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';

// One demo account per role (the department staff role is played by the network centre).
const accountOf: Record<Role, string> = {
  agent: 'agent',
  desk: 'desk',
  handler: 'network',
  specialist: 'specialist',
  qa: 'qa',
  manager: 'manager',
  admin: 'admin',
};
const PUBLIC = new Set(['POST /api/v1/auth/login', 'GET /api/v1/auth/demo-accounts', 'GET /healthz']);

let ctx: TestContext;
const clients = {} as Record<Role, Client>;

beforeAll(async () => {
  ctx = await createTestContext();
  for (const role of Roles) clients[role] = await ctx.login(accountOf[role]);
});
afterAll(() => ctx.close());

const apiRoutes = () => ctx.app.routeGuards.filter((r) => r.url.startsWith('/api/v1/') || r.url === '/healthz');
const concrete = (url: string) =>
  url
    .replace(':idOrNumber', '1')
    .replace(':id', '1')
    .replace(':code', '01')
    .replace(':categoryCode', '01')
    .replace(':phone', '13800138000')
    .replace(':date', '2026-10-01');

describe('every API route', () => {
  it('is either public on purpose or demands a signed-in user', () => {
    const open = apiRoutes()
      .filter((r) => !r.signedIn)
      .map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([...PUBLIC].sort());
  });

  it('answers 401 to a request without a session', async () => {
    for (const r of apiRoutes().filter((x) => x.signedIn)) {
      const res = await ctx.app.inject({
        method: r.method as 'GET',
        url: concrete(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('auth.unauthenticated');
    }
  });

  it('refuses every role that lacks the route’s permission, before touching anything', async () => {
    let refusals = 0;
    for (const r of apiRoutes().filter((x) => x.permission)) {
      for (const role of Roles.filter((x) => !RolePermissions[x].includes(r.permission!))) {
        const client = clients[role];
        const res = await client.request(r.method as 'GET', concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'auth.forbidden', details: { permission: r.permission } });
        refusals++;
      }
    }
    // department staff may not file or dispatch, agents may not administer, and so on: many refusals
    expect(refusals).toBeGreaterThan(100);
  });
});

describe('ticket visibility', () => {
  it('shows department staff only orders that are or were with their unit', async () => {
    const agent = clients.agent;
    const created = (
      await agent.post('/api/v1/tickets', { customerPhone: '13800138000', categoryCode: '0601', description: 'SP扣费', channel: 'hotline' })
    ).json();
    const network = clients.handler;
    expect((await network.get(`/api/v1/tickets/${created.id}`)).statusCode).toBe(404);
    const list = (await network.get('/api/v1/tickets?limit=200')).json();
    expect(list.items.map((t: { id: number }) => t.id)).not.toContain(created.id);
    await agent.post(`/api/v1/tickets/${created.id}/dispatch`, { unitCode: 'NET-MAINT' });
    expect((await network.get(`/api/v1/tickets/${created.id}`)).statusCode).toBe(200);
  });

  it('masks the customer’s number for roles that need not see it', async () => {
    const t = (
      await clients.agent.post('/api/v1/tickets', {
        customerPhone: '13912345678',
        categoryCode: '0101',
        description: '无信号',
        channel: 'hotline',
      })
    ).json();
    await clients.agent.post(`/api/v1/tickets/${t.id}/dispatch`, {});
    expect(t.customer.phone).toBe('13912345678');
    for (const role of ['handler', 'qa', 'manager', 'admin'] as const) {
      const seen = (await clients[role].get(`/api/v1/tickets/${t.id}`)).json();
      expect(seen.customer.phone, role).toBe('139****5678');
    }
    expect((await clients.manager.get('/api/v1/customers/13912345678')).json().phone).toBe('139****5678');
    expect((await clients.desk.get('/api/v1/customers/13912345678')).json().phone).toBe('13912345678');
  });
});
