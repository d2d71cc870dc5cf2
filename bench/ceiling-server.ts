import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

// The ceiling: the fastest this stack can take a ticket-sized row in and out with the product's durability
// settings. Bare Fastify over better-sqlite3, one statement per request, no auth, no schema, no ORM.
// The product's figures are read as a fraction of this, measured in the same run on the same machine.

const file = process.env.CEILING_DATABASE ?? path.resolve('ceiling.db');
const port = Number(process.env.PORT ?? 0);
const preloadRows = Number(process.env.CEILING_PRELOAD_ROWS ?? 0);

const db = new SQLite(file);
// the product's pragmas (server/src/db/connection.ts): without synchronous=FULL the ceiling would not pay its fsync
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');

db.exec(`create table if not exists tickets (
  id integer primary key autoincrement,
  number text not null,
  channel text not null,
  customer_phone text not null,
  category_code text not null,
  description text not null,
  location_city text,
  location_district text,
  location_compound text,
  priority text not null,
  status text not null,
  owner_id integer,
  escalation_level integer not null,
  created_at text not null,
  updated_at text not null,
  version integer not null
)`);

interface TicketBody {
  customerPhone: string;
  categoryCode: string;
  description: string;
  channel: string;
  priority?: string;
  location?: { city?: string; district?: string; compound?: string };
}

const insert = db.prepare(`insert into tickets
  (number, channel, customer_phone, category_code, description, location_city, location_district, location_compound,
   priority, status, owner_id, escalation_level, created_at, updated_at, version)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', 1, 0, ?, ?, 1)`);
const read = db.prepare('select * from tickets where id = ?');

let sequence = 0;
function insertTicket(b: TicketBody): number {
  const at = new Date().toISOString();
  sequence += 1;
  const number = `TS${at.slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;
  const loc = b.location ?? {};
  const r = insert.run(
    number,
    b.channel,
    b.customerPhone,
    b.categoryCode,
    b.description,
    loc.city ?? null,
    loc.district ?? null,
    loc.compound ?? null,
    b.priority ?? 'normal',
    at,
    at,
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
