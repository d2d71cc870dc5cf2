import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { fakeClock } from '../server/src/clock.js';
import { openDatabase } from '../server/src/db/connection.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { createSlaRepository, createSlaScheduler } from '../server/src/modules/sla/index.js';

// The SLA sweep's cost must follow what falls due, not what is open (issue 4): the same 1,000 due tickets are
// swept once among 10,000 open tickets and once among 1,000,000, each in its own fresh SQLite file.

export interface SweepFigures {
  open: number;
  due: number;
  fired: number;
  sweepMs: number;
  idleSweepMs: number; // a sweep with nothing due: the fixed cost of looking
  loadSeconds: number;
}

const NOW = new Date('2026-11-23T02:00:00.000Z');
const H = 3_600_000;
const iso = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

function bulkLoad(file: string, open: number, due: number) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // loading only; the sweep runs under the product's own settings
  const customer = (db.prepare('select id from customers limit 1').get() as { id: number }).id;
  const network = (db.prepare("select id from org_units where code = 'NET-MAINT'").get() as { id: number }).id;
  const agent = db.prepare("select id, unit_id from users where username = 'agent'").get() as { id: number; unit_id: number };
  const insert =
    db.prepare(`insert into tickets (number, channel, customer_id, category_code, description, priority, escalation_level, status,
      owner_id, owner_unit_id, handling_unit_id, is_over_level, is_intercepted, created_at, updated_at, dispatched_at, version,
      sla_state, reply_state, sla_limits, sla_started_at, sla_warn_at, sla_reply_due_at, sla_problem_at, answer_started_at, answer_warn_at, answer_due_at,
      legal_warn_at, legal_due_at, sla_next_at)
    values (?, 'hotline', ?, '0101', '无信号', 'normal', 0, 'dispatched', ?, ?, ?, 0, 0, ?, ?, ?, 1,
      'ok', 'ok', '{"name":"default","replyMinutes":2880,"problemMinutes":4320,"warnPercent":75,"answerMinutes":4320}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const row = (n: number, startedMs: number) => {
    const started = iso(startedMs);
    const warn = startedMs + 36 * H;
    return [
      `TS20261123${String(n).padStart(7, '0')}`,
      customer,
      agent.id,
      agent.unit_id,
      network,
      started,
      started,
      started,
      started,
      iso(warn),
      iso(startedMs + 48 * H),
      iso(startedMs + 72 * H),
      started,
      iso(startedMs + 54 * H),
      iso(startedMs + 72 * H),
      iso(startedMs + 300 * H),
      iso(startedMs + 360 * H),
      iso(Math.min(warn, startedMs + 54 * H)),
    ];
  };
  const load = db.transaction((from: number, to: number, startedMs: number) => {
    for (let i = from; i < to; i++) insert.run(...row(i, startedMs));
  });
  // open tickets dispatched an hour ago: nothing due for 35 hours
  for (let i = 0; i < open; i += 50_000) load(i, Math.min(open, i + 50_000), -1 * H);
  // due tickets dispatched 37 hours ago: each warns now, once
  load(open, open + due, -37 * H);
  db.close();
}

export async function measureSweep(open: number, due: number): Promise<SweepFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-sweep-'));
  const file = path.join(dir, 'sweep.db');
  try {
    const setup = openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(setup);
    await seedDemo(setup, NOW);
    await setup.close();
    const started = performance.now();
    bulkLoad(file, open, due);
    const loadSeconds = (performance.now() - started) / 1000;

    const db = openDatabase({ kind: 'sqlite', file });
    const scheduler = createSlaScheduler({ repo: createSlaRepository(db), clock: fakeClock(NOW), onAlerts: () => {} });
    const t0 = performance.now();
    const fired = await scheduler.sweep(NOW);
    const sweepMs = performance.now() - t0;
    const t1 = performance.now();
    await scheduler.sweep(NOW);
    const idleSweepMs = performance.now() - t1;
    await db.close();
    return { open, due, fired, sweepMs, idleSweepMs, loadSeconds };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const due = Number(process.env.BENCH_SWEEP_DUE ?? 1000);
  for (const open of (process.env.BENCH_SWEEP_OPEN ?? '10000,1000000').split(',').map(Number)) {
    const f = await measureSweep(open, due);
    console.log(
      `${f.open} open, ${f.due} due: fired ${f.fired} in ${f.sweepMs.toFixed(0)} ms; idle sweep ${f.idleSweepMs.toFixed(1)} ms; loaded in ${f.loadSeconds.toFixed(0)} s`,
    );
  }
}
