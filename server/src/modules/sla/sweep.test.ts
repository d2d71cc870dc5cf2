import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '../../../../contracts/tickets.js';
import { buildApp } from '../../app.js';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { testDatabaseUrl } from '../../../../test/database.js';
import { makeTicketBody } from '../../../../test/factories.js';

const run = promisify(execFile);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function dispatchMany(n: number, phonePrefix: string): Promise<number[]> {
  const agent = await ctx.login('agent');
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = (
      await agent.post('/api/v1/tickets', makeTicketBody({ customerPhone: `${phonePrefix}${String(i).padStart(4, '0')}` }))
    ).json() as TicketView;
    await agent.post(`/api/v1/tickets/${t.id}/dispatch`, {});
    ids.push(t.id);
  }
  return ids;
}

async function overdueEvents(ids: number[]): Promise<Map<number, number>> {
  const rows = await ctx.database.db.kysely
    .selectFrom('ticket_events')
    .select(['ticket_id'])
    .where('action', '=', 'sla.overdue')
    .where('ticket_id', 'in', ids)
    .execute();
  const n = new Map<number, number>();
  for (const r of rows) n.set(r.ticket_id, (n.get(r.ticket_id) ?? 0) + 1);
  return n;
}

describe('the sweep', () => {
  it('catches up after a restart: what fell due while the server was down fires once, as its current state', async () => {
    const ids = await dispatchMany(3, '1370000');
    await ctx.app.sla.sweep();
    // the server is down for 50 hours; a new one starts on the same database
    ctx.clock.advance({ hours: 50 });
    const restarted = await buildApp({ config: ctx.config, db: ctx.database.db, clock: ctx.clock, logger: false });
    expect(await restarted.sla.sweep()).toBeGreaterThanOrEqual(3);
    expect(await restarted.sla.sweep()).toBe(0);
    const fired = await overdueEvents(ids);
    expect(ids.map((id) => fired.get(id))).toEqual([1, 1, 1]);
    await restarted.close();
  });

  it.skipIf(!testDatabaseUrl)('fires each transition exactly once when two server processes sweep one PostgreSQL database', async () => {
    const ids = await dispatchMany(300, '1360000');
    const at = new Date(ctx.clock.now().getTime() + 48 * 3_600_000 + 60_000).toISOString();
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl!, PG_SEARCH_PATH: ctx.database.searchPath!, SWEEP_AT: at };
    const workers = await Promise.all([0, 1].map(() => run(process.execPath, ['--import', 'tsx', 'test/sweep-worker.ts'], { env })));
    const firedByWorker = workers.map((w) => (JSON.parse(w.stdout) as { fired: number }).fired);
    const fired = await overdueEvents(ids);
    expect([...fired.values()].every((n) => n === 1)).toBe(true);
    expect(fired.size).toBe(300);
    expect(firedByWorker.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(300);
  });
});

describe('the live stream', () => {
  it('tells a connected department about its tickets’ changes and breaches, and nothing about other units’', async () => {
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const connect = async (username: string) => {
      const client = await ctx.login(username);
      const me = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo1234' } });
      const cookie = me.cookies.find((c) => c.name === 'closeloop_session')!.value;
      const received: string[] = [];
      const req = http.get(`${address}/api/v1/live`, { headers: { cookie: `closeloop_session=${cookie}` } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => received.push(chunk));
      });
      await new Promise<void>((resolve) => {
        const check = () => (received.join('').includes('connected') ? resolve() : setTimeout(check, 10));
        check();
      });
      return { client, received, close: () => req.destroy() };
    };
    const network = await connect('network');
    const it = await connect('it');
    const [t] = await dispatchMany(1, '1350000');
    ctx.clock.advance({ hours: 37 });
    await ctx.app.sla.sweep();
    const deadline = Date.now() + 2000;
    while (!network.received.join('').includes('event: ticket.sla') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const seen = network.received.join('');
    expect(seen).toContain('event: ticket.changed');
    expect(seen).toContain(`"ticketId":${t}`);
    expect(seen).toMatch(/event: ticket\.sla\ndata: \{[^}]*"state":"warning"/);
    expect(seen).not.toMatch(/1[3-9][0-9]{9}/); // no phone number on the wire
    expect(it.received.join('')).not.toContain(`"ticketId":${t}`);
    network.close();
    it.close();
  });
});
