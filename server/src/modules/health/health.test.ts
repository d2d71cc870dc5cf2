import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/app.js';

describe('GET /healthz', () => {
  it('answers 200 while the database answers and 503 when it does not', async () => {
    const ctx = await createTestContext({ seed: false });
    const up = await ctx.app.inject({ url: '/healthz' });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toEqual({ status: 'ok', database: true });
    await ctx.database.db.close();
    const down = await ctx.app.inject({ url: '/healthz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', database: false });
    await ctx.close();
  });
});
