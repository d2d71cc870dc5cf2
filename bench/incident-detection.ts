import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { buildApp } from '../server/src/app.js';
import { fakeClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/connection.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { seedDemo } from '../server/src/demo/seed.js';

// Repeat screening and the group-complaint windows must cost the same per complaint whatever the history holds
// (issue 5): the same 1,000 complaints are filed through the API once on top of 10,000 earlier tickets and once on
// top of 1,000,000 (with their customers, window hits and closed results), each in a fresh SQLite file built by bulk SQL.

export interface DetectionFigures {
  history: number;
  complaints: number;
  perComplaintMs: number;
  repeats: number;
  incidents: number;
  loadSeconds: number;
}

const NOW = new Date('2026-11-23T02:00:00.000Z');
const DAY = 86_400_000;
const AREAS = 5_000;
const CUSTOMERS_PER_TICKET = 0.2; // about five complaints per customer over the history
const categories = ['0101', '0102', '0103', '0104', '0301', '0302', '0401', '0203'];

function bulkLoad(file: string, history: number) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // loading only; the complaints run under the product's own settings
  const agent = db.prepare("select id, unit_id from users where username = 'agent'").get() as { id: number; unit_id: number };
  const customers = Math.max(1, Math.floor(history * CUSTOMERS_PER_TICKET));
  const t0 = new Date(NOW.getTime() - 365 * DAY).toISOString();
  const firstCustomer = (db.prepare('select coalesce(max(id), 0) + 1 as id from customers').get() as { id: number }).id;
  const seq = (n: number) => `with recursive seq(i) as (select 0 union all select i + 1 from seq where i < ${n - 1})`;
  // generated in SQL, not bound row by row from here: a million rows in seconds
  db.exec(`${seq(customers)} insert into customers (phone, name, level, credit_level, home_area, created_at, updated_at)
    select '1990' || substr('0000000' || i, -7, 7), null, 'normal', 3, 'BR-CQ', '${t0}', '${t0}' from seq`);
  const codes = categories.map((c) => `'${c}'`);
  const yearMs = 364 * DAY;
  // spread over the year before the measured complaints, oldest first, so ids follow time as they do in life
  db.exec(`${seq(history)} insert into tickets (number, channel, customer_id, category_code, description, location_city,
      location_district, location_compound, priority, escalation_level, status, owner_id, owner_unit_id, is_over_level,
      is_intercepted, is_solved, resolution, answer, created_at, updated_at, answered_at, closed_at, version)
    select 'TS2025' || substr('000000000000' || i, -12, 12), 'hotline', ${firstCustomer} + i % ${customers},
      case i % ${codes.length} ${codes.map((c, n) => `when ${n} then ${c}`).join(' ')} end,
      '历史投诉', '江门', '蓬江区', '小区' || (i % ${AREAS}), 'normal', 0, 'closed', ${agent.id}, ${agent.unit_id}, 0, 1, 1, '已处理', '已处理',
      t.at, t.at, t.at, t.at, 1
    from (select i, strftime('%Y-%m-%dT%H:%M:%fZ', ${(NOW.getTime() - 365 * DAY) / 1000} + ((i + 1) * ${yearMs / 1000}.0 / ${history + 1}), 'unixepoch') as at from seq) t`);
  db.exec(`insert into incident_hits (rule_id, area_key, ticket_id, at)
    select 1, location_city || '/蓬江/' || location_compound, id, created_at from tickets where number like 'TS2025%'`);
  db.close();
  return { customers, firstCustomer };
}

interface Prepared {
  history: number;
  loadSeconds: number;
  file: (i: number) => Promise<void>;
  counts: () => Promise<{ repeats: number; incidents: number }>;
  close: () => Promise<void>;
}

async function prepare(dir: string, history: number): Promise<Prepared> {
  const file = path.join(dir, `detection-${history}.db`);
  const setup = openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(setup);
  await seedDemo(setup, new Date(NOW.getTime() - 400 * DAY));
  await setup.close();
  const started = performance.now();
  const { customers } = bulkLoad(file, history);
  const loadSeconds = (performance.now() - started) / 1000;

  const db = openDatabase({ kind: 'sqlite', file });
  const clock = fakeClock(NOW.toISOString());
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_ROOT: '/nonexistent' }), database: { kind: 'sqlite' as const, file } };
  const app = await buildApp({ config, db, clock, logger: false });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'agent', password: 'demo1234' } });
  const cookies = { closeloop_session: login.cookies.find((c) => c.name === 'closeloop_session')!.value };
  const headers = { 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
  const count = async (q: 'repeats' | 'incidents') =>
    Number(
      (
        await (
          q === 'repeats'
            ? db.kysely
                .selectFrom('tickets')
                .select((e) => e.fn.countAll().as('n'))
                .where('is_repeat', '=', 1)
            : db.kysely.selectFrom('incidents').select((e) => e.fn.countAll().as('n'))
        ).executeTakeFirstOrThrow()
      ).n,
    );
  return {
    history,
    loadSeconds,
    async file(i: number) {
      clock.advance({ seconds: 2 });
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        cookies,
        headers,
        payload: {
          // customers with a history (repeat screening reads it), in areas with hits (the windows read them)
          customerPhone: `1990${String((i * 7919) % customers).padStart(7, '0')}`,
          categoryCode: categories[i % categories.length],
          description: '又没有信号了',
          channel: 'hotline',
          location: { city: '江门', district: '蓬江区', compound: `小区${i % 50}` },
        },
      });
      if (res.statusCode !== 201) throw new Error(`complaint ${i}: ${res.statusCode} ${res.body}`);
    },
    counts: async () => ({ repeats: await count('repeats'), incidents: await count('incidents') }),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

const SLICE = 100;

/**
 * Both histories side by side, the complaints in alternating slices of 100: a machine busy with something else slows
 * both alike, so the ratio stays meaningful where two runs minutes apart would not be.
 */
export async function measureDetection(small: number, large: number, complaints = 1_000): Promise<DetectionFigures[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-detection-'));
  const sides: Prepared[] = [];
  try {
    sides.push(await prepare(dir, small), await prepare(dir, large));
    for (const side of sides) for (let i = 0; i < 50; i++) await side.file(complaints + i); // warm-up: statements, caches
    const spent = sides.map(() => 0);
    for (let from = 0; from < complaints; from += SLICE) {
      for (const [n, side] of sides.entries()) {
        const t0 = performance.now();
        for (let i = from; i < Math.min(complaints, from + SLICE); i++) await side.file(i);
        spent[n]! += performance.now() - t0;
      }
    }
    const out: DetectionFigures[] = [];
    for (const [n, side] of sides.entries())
      out.push({
        history: side.history,
        complaints,
        perComplaintMs: spent[n]! / complaints,
        ...(await side.counts()),
        loadSeconds: side.loadSeconds,
      });
    return out;
  } finally {
    for (const side of sides) await side.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [small, large] = (process.env.BENCH_DETECTION_HISTORY ?? '10000,1000000').split(',').map(Number) as [number, number];
  const figures = await measureDetection(small, large);
  for (const f of figures)
    console.log(
      `${f.history} earlier tickets: ${f.complaints} complaints at ${f.perComplaintMs.toFixed(2)} ms each ` +
        `(${f.repeats} repeats, ${f.incidents} incidents); loaded in ${f.loadSeconds.toFixed(0)} s`,
    );
  console.log(`ratio large/small: ${(figures[1]!.perComplaintMs / figures[0]!.perComplaintMs).toFixed(2)} (goal about 1)`);
}
