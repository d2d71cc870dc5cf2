import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/database.js';
import { makeTicketBody } from '../../../../test/factories.js';
import { buildApp, type App } from '../../app.js';
import { fakeClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import { seedDemo } from '../../demo/seed.js';
import { createMemoryBus, type LiveEvent } from '../live/index.js';

// A ticket page open elsewhere refreshes when a callback's outcome lands in the ticket's timeline.
let database: TestDatabase;
let app: App;
const seen: LiveEvent[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = fakeClock('2026-11-23T02:00:00.000Z');
  await seedDemo(database.db, clock.now());
  const bus = createMemoryBus();
  bus.subscribe((e) => seen.push(e));
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_ROOT: '/nonexistent' }), database: database.config };
  app = await buildApp({ config, db: database.db, clock, logger: false, bus });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function login(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo1234' } });
  const cookie = res.cookies.find((c) => c.name === 'closeloop_session')!.value;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: { closeloop_session: cookie }, headers: { 'x-csrf-token': csrf }, ...(payload ? { payload } : {}) });
}

it('announces the ticket on the live stream when a callback is booked for it and when a call is recorded', async () => {
  const agent = await login('agent');
  const desk = await login('desk');
  const ticket = (await agent('POST', '/api/v1/tickets', makeTicketBody())).json() as { id: number; number: string };
  seen.length = 0;
  const cb = (
    await agent('POST', '/api/v1/callbacks', {
      customerPhone: '13800138000',
      skillGroup: 'DATA',
      topic: '回电',
      ticketNumber: ticket.number,
    })
  ).json();
  expect(seen).toEqual([
    expect.objectContaining({ type: 'ticket.changed', ticketId: ticket.id, number: ticket.number, status: 'accepted' }),
  ]);
  await desk('POST', `/api/v1/callbacks/${cb.id}/attempts`, { outcome: 'reached_solved' });
  expect(seen).toHaveLength(2);
  // a callback without a ticket announces nothing
  await agent('POST', '/api/v1/callbacks', { customerPhone: '13800138000', skillGroup: 'DATA', topic: '回电' });
  expect(seen).toHaveLength(2);
});
