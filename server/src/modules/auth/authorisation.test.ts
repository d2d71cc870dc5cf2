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
const PUBLIC = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/demo-accounts',
  'GET /healthz',
  // a customer asks for a sign-in code and signs in with it (self-service page)
  'POST /api/v1/my/otp',
  'POST /api/v1/my/session',
]);

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
    .replace(':date', '2026-10-01')
    .replace(':number', 'TS20261123000001');

describe('every API route', () => {
  it('is either public on purpose or demands a signed-in user', () => {
    const open = apiRoutes()
      .filter((r) => !r.signedIn && !r.customer && !r.tokenScope)
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

describe('customer and system routes', () => {
  const customerRoutes = () => apiRoutes().filter((r) => r.customer);
  const tokenRoutes = () => apiRoutes().filter((r) => r.tokenScope);
  const send = (r: { method: string; url: string }, extra: { cookies?: Record<string, string>; headers?: Record<string, string> }) =>
    ctx.app.inject({
      method: r.method as 'GET',
      url: concrete(r.url),
      payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      ...extra,
    });

  it('are only the self-service page under /api/v1/my and the IVR API under /api/v1/ivr, each demanding its own caller', () => {
    expect(customerRoutes().length).toBeGreaterThan(4);
    for (const r of customerRoutes()) expect(r.url.startsWith('/api/v1/my/') && !r.signedIn && !r.tokenScope, r.url).toBe(true);
    expect(tokenRoutes().length).toBeGreaterThan(2);
    for (const r of tokenRoutes()) expect(r.url.startsWith('/api/v1/ivr/') && !r.signedIn && !r.customer, r.url).toBe(true);
  });

  it('refuse a staff session: a staff cookie never opens the customer page or the IVR API', async () => {
    const desk = clients.desk;
    for (const r of [...customerRoutes(), ...tokenRoutes()]) {
      const res = await desk.request(r.method as 'GET', concrete(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('refuse a customer session on staff routes and on the IVR API', async () => {
    await ctx.app.inject({ method: 'POST', url: '/api/v1/my/otp', payload: { phone: '13800138000' } });
    const sms = await ctx.database.db.kysely.selectFrom('sms_outbox').select('text').where('purpose', '=', 'otp').executeTakeFirstOrThrow();
    const code = /([0-9]{6})/.exec(sms.text)![1]!;
    const signIn = await ctx.app.inject({ method: 'POST', url: '/api/v1/my/session', payload: { phone: '13800138000', code } });
    const cookie = signIn.cookies.find((c) => c.name === 'closeloop_customer')!;
    expect(cookie.path).toBe('/api/v1/my');
    const csrf = signIn.json().csrfToken as string;
    const asCustomer = { cookies: { closeloop_customer: cookie.value }, headers: { 'x-csrf-token': csrf } };
    expect((await send({ method: 'GET', url: '/api/v1/my/tickets' }, asCustomer)).statusCode).toBe(200);
    for (const r of [...apiRoutes().filter((x) => x.signedIn), ...tokenRoutes()]) {
      const res = await send(r, asCustomer);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('refuse a token on staff and customer routes, and a token without the route’s scope', async () => {
    const issued = (await clients.admin.post('/api/v1/api-tokens', { name: 'IVR platform', scopes: ['ivr'] })).json();
    const bearer = { headers: { authorization: `Bearer ${issued.token}` } };
    for (const r of [...apiRoutes().filter((x) => x.signedIn), ...customerRoutes()]) {
      expect((await send(r, bearer)).statusCode, `${r.method} ${r.url}`).toBe(401);
    }
    for (const r of tokenRoutes()) expect((await send(r, { headers: {} })).statusCode, `${r.method} ${r.url}`).toBe(401);
    // a token holding only a scope no IVR route accepts, as a later integration's token would
    const fresh = (await clients.admin.post('/api/v1/api-tokens', { name: 'other', scopes: ['ivr'] })).json();
    await ctx.database.db.kysely.updateTable('api_tokens').set({ scopes: '["tickets:create"]' }).where('id', '=', fresh.id).execute();
    for (const r of tokenRoutes()) {
      const res = await send(r, { headers: { authorization: `Bearer ${fresh.token}` } });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'auth.forbidden', details: { scope: r.tokenScope } });
    }
  });
});
