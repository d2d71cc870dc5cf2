import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPage } from '../../../contracts/tickets.js';
import { createTestContext, type TestContext } from '../../../test/app.js';
import { seedDemoTickets } from './tickets.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the demo organisation', () => {
  it('lets every demo account sign in with demo1234 and lists them for the login page', async () => {
    const listing = (await ctx.app.inject({ url: '/api/v1/auth/demo-accounts' })).json();
    expect(listing.demo).toBe(true);
    expect(listing.accounts.map((a: { username: string }) => a.username)).toEqual([
      'admin',
      'agent',
      'desk',
      'network',
      'it',
      'vas',
      'marketing',
      'specialist',
      'qa',
      'manager',
    ]);
    for (const a of listing.accounts) await ctx.login(a.username, 'demo1234');
  });

  it('fills the queues with complaints in every stage of the loop', async () => {
    expect(await seedDemoTickets(ctx.app)).toBeGreaterThan(15);
    const desk = await ctx.login('desk');
    const page = (await desk.get('/api/v1/tickets?limit=1')).json() as TicketPage;
    for (const status of ['accepted', 'dispatched', 'processing', 'replied', 'answered', 'closed', 'returned'] as const) {
      expect(page.counts[status], status).toBeGreaterThan(0);
    }
  });
});
