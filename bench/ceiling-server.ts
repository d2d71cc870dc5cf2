import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { openDatabase } from '../server/src/db/connection.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { seedDemo } from '../server/src/demo/seed.js';

// The ceiling: the fastest this stack can take a ticket in and out with the product's durability settings. Bare
// Fastify over better-sqlite3, one statement per request, no auth, no schema, no ORM — but the ticket is the
// product's own: its table comes from the product's migrations (same columns, indexes, foreign keys) and each row is
// what an accepted hotline complaint stores (about 1.5 KB as JSON, as large as the product's answer). A narrower
// toy row would make the ceiling measure a smaller job than the product's (docs/PERFORMANCE.md, "The ceiling").
// The product's figures are read as a fraction of this, measured in the same run on the same machine.

const file = process.env.CEILING_DATABASE ?? path.resolve('ceiling.db');
const port = Number(process.env.PORT ?? 0);
const preloadRows = Number(process.env.CEILING_PRELOAD_ROWS ?? 0);

// set-up, not measured: the product's schema and the demo organisation the rows refer to
{
  const setup = openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(setup);
  const seeded = await setup.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (!seeded) await seedDemo(setup, new Date());
  await setup.close();
}

const db = new SQLite(file);
// the product's pragmas (server/src/db/connection.ts): without synchronous=FULL the ceiling would not pay its fsync
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

const owner = db.prepare("select id, unit_id from users where username = 'agent'").get() as { id: number; unit_id: number };
const customer = db.prepare('select id from customers order by id limit 1').get() as { id: number };

interface TicketBody {
  customerPhone: string;
  categoryCode: string;
  description: string;
  channel: string;
  priority?: string;
  location?: { city?: string; district?: string; compound?: string };
}

// the columns an accepted hotline complaint fills at intake, with the clocks a 48 h / 72 h policy sets
const insert = db.prepare(`insert into tickets
  (number, channel, customer_id, category_code, description, location_city, location_district, location_compound,
   priority, escalation_level, status, owner_id, owner_unit_id, is_over_level, is_intercepted, created_at, updated_at,
   version, sla_limits, answer_started_at, answer_due_at, answer_warn_at, legal_due_at, legal_warn_at, sla_next_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'accepted', ?, ?, 0, 0, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`);
const read = db.prepare('select * from tickets where id = ?');
const LIMITS = JSON.stringify({ name: 'default', replyMinutes: 2880, problemMinutes: 4320, warnPercent: 75, answerMinutes: 4320 });
const HOUR = 3_600_000;

let sequence = 0;
function insertTicket(b: TicketBody): number {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const later = (hours: number) => new Date(now + hours * HOUR).toISOString();
  sequence += 1;
  const number = `TC${at.slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;
  const loc = b.location ?? {};
  const r = insert.run(
    number,
    b.channel,
    customer.id,
    b.categoryCode,
    b.description,
    loc.city ?? null,
    loc.district ?? null,
    loc.compound ?? null,
    b.priority ?? 'normal',
    owner.id,
    owner.unit_id,
    at,
    at,
    LIMITS,
    at,
    later(72),
    later(54),
    later(15 * 24),
    later(11 * 24),
    later(54),
  );
  return Number(r.lastInsertRowid);
}

// Rows for the read scenario go in at start-up, in one transaction, so they cost no measured time.
if (preloadRows > 0) {
  const preload = db.transaction((n: number) => {
    for (let i = 0; i < n; i += 1) {
      insertTicket({
        customerPhone: '13800138000',
        categoryCode: '0101',
        description: `预置工单 #${i}`,
        channel: 'hotline',
        location: { city: '江门', district: '蓬江区', compound: '丰乐花园' },
      });
    }
  });
  preload(preloadRows);
}

// the same log level the bench gives the product, so per-request logger set-up is on both sides
const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } });

app.get('/healthz', async () => ({ rows: (db.prepare('select count(*) as n from tickets').get() as { n: number }).n }));

app.post('/insert', async (req, reply) => {
  const id = insertTicket(req.body as TicketBody);
  return reply.code(201).send({ id });
});

app.get<{ Params: { id: string } }>('/read/:id', async (req, reply) => {
  const row = read.get(Number(req.params.id));
  if (!row) return reply.code(404).send({ error: 'not found' });
  return row;
});

const shutdown = () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

await app.listen({ port, host: '127.0.0.1' });
