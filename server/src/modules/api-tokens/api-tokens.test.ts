import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../../test/app.js';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx.close());

const asToken = (token: string) => ({ authorization: `Bearer ${token}` });
const ivrCall = (token: string) => ctx.app.inject({ method: 'GET', url: '/api/v1/ivr/callers/13800138000', headers: asToken(token) });

describe('API tokens', () => {
  it('are shown once, stored only hashed, and listed without the secret', async () => {
    const res = await admin.post('/api/v1/api-tokens', { name: 'Asterisk 1', scopes: ['ivr'] });
    expect(res.statusCode).toBe(201);
    const { id, token } = res.json();
    expect(token).toMatch(/^clt_[A-Za-z0-9_-]{40,}$/);
    const stored = await ctx.database.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    const list = (await admin.get('/api/v1/api-tokens')).json();
    expect(list.items[0]).toMatchObject({ id, name: 'Asterisk 1', scopes: ['ivr'], prefix: token.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await ivrCall(token)).statusCode).toBe(200);
    expect((await admin.get('/api/v1/api-tokens')).json().items[0].lastUsedAt).not.toBeNull();
  });

  it('stop working the moment they are revoked', async () => {
    const { id, token } = (await admin.post('/api/v1/api-tokens', { name: 'old IVR', scopes: ['ivr'] })).json();
    expect((await ivrCall(token)).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await ivrCall(token)).statusCode).toBe(401);
    expect((await admin.delete('/api/v1/api-tokens/9999')).json().error.code).toBe('api_token.not_found');
  });

  it('refuse unknown scopes and misspelt fields', async () => {
    const res = await admin.post('/api/v1/api-tokens', { name: 'x', scopes: ['admin'] });
    expect(res.statusCode).toBe(400);
    expect((await admin.post('/api/v1/api-tokens', { name: 'x', scopes: ['ivr'], scope: 'ivr' })).json().error.code).toBe(
      'validation.unknown_field',
    );
  });
});
