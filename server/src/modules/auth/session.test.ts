import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { makeTicketBody } from '../../../../test/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const login = (username: string, password: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('signing in', () => {
  it('sets an HttpOnly session cookie and tells who is signed in', async () => {
    const res = await login('agent', 'demo1234');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'closeloop_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await ctx.app.inject({ url: '/api/v1/me', cookies: { closeloop_session: cookie.value } });
    expect(me.json()).toMatchObject({ username: 'agent', role: 'agent', unit: { code: 'CSC-HOTLINE' } });
    expect(me.json().permissions).toContain('ticket:create');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody', 'demo1234');
    const wrong = await login('desk', 'wrong-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks an account out for a while after repeated wrong passwords', async () => {
    for (let i = 0; i < 5; i++) expect((await login('qa', 'guess' + i)).statusCode).toBe(401);
    expect((await login('qa', 'demo1234')).json().error.code).toBe('auth.too_many_attempts');
    ctx.clock.advance({ minutes: 16 });
    expect((await login('qa', 'demo1234')).statusCode).toBe(200);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const agent = await ctx.login('agent');
    const res = await agent.post('/api/v1/tickets', makeTicketBody(), { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf_failed');
    expect((await agent.get('/api/v1/tickets?owner=me')).json().items).toHaveLength(0);
  });

  it('ends the session on logout and after the idle limit', async () => {
    const agent = await ctx.login('agent');
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await agent.get('/api/v1/me')).statusCode).toBe(401);

    const desk = await ctx.login('desk');
    ctx.clock.advance({ hours: 11 });
    expect((await desk.get('/api/v1/me')).statusCode).toBe(200);
    ctx.clock.advance({ hours: 11 }); // active 11 h ago: the idle limit slid forward
    expect((await desk.get('/api/v1/me')).statusCode).toBe(200);
    ctx.clock.advance({ hours: 13 });
    expect((await desk.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ends the sessions of a disabled account at once', async () => {
    const admin = await ctx.login('admin');
    const specialist = await ctx.login('specialist');
    const id = (await specialist.get('/api/v1/me')).json().id;
    expect((await admin.delete(`/api/v1/users/${id}`)).statusCode).toBe(204);
    expect((await specialist.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login('specialist', 'demo1234')).json().error.code).toBe('auth.account_inactive');
  });
});
