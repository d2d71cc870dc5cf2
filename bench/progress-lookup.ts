import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon, { type RawRequest } from 'autocannon';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../server/src/db/connection.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { signIn } from './product-api.js';
import { freePort, startServer, waitUntilHealthy } from './processes.js';
import { LOAD, measurePair, type RunFigures, type Scenario, type Target } from './scenarios.js';

// Progress lookup by phone, the hottest read of the IVR and SMS paths (issue 8): GET /api/v1/ivr/callers/:phone
// with an API token, on a product holding 1,000,000 tickets (bulk-loaded straight into its SQLite file, not through
// the API), against the read ceiling. Then the same lookup at half the rate it reached, for its p99.

export const PROGRESS_GOALS = { ratio: 0.7, p99AtHalfRateMs: 10 } as const;
const CUSTOMERS_PER_TICKET = 5; // each customer has five complaints over the years, about one in ten still open
const LOOKUP_PHONES = 2_000;

export interface ProgressFigures {
  ticketsStored: number;
  customers: number;
  loadSeconds: number;
  runs: RunFigures[];
  ratio: number;
  halfRate: { rate: number; requestsPerSecond: number; p50: number; p99: number; requests: number; failed: number };
}

const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;

function bulkLoad(file: string, tickets: number): number {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // loading only; the server runs with the product's own settings
  const agent = db.prepare("select id, unit_id from users where username = 'agent'").get() as { id: number; unit_id: number };
  const units = (db.prepare("select id from org_units where code in ('NET-MAINT', 'VAS', 'IT')").all() as { id: number }[]).map(
    (u) => u.id,
  );
  const customers = Math.max(1, Math.floor(tickets / CUSTOMERS_PER_TICKET));
  const at = new Date('2026-11-23T02:00:00.000Z').getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const insertCustomer = db.prepare(
    "insert into customers (phone, name, level, credit_level, home_area, created_at, updated_at) values (?, null, 'normal', 3, null, ?, ?)",
  );
  const insertTicket = db.prepare(`insert into tickets (number, channel, customer_id, category_code, description, priority,
      escalation_level, status, owner_id, owner_unit_id, handling_unit_id, is_over_level, is_intercepted, created_at, updated_at,
      dispatched_at, closed_at, answer_due_at, version)
    values (?, 'hotline', ?, '0101', '小区信号差，通话经常中断', 'normal', 0, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, 1)`);
  const firstCustomer = db.transaction(() => {
    const created = iso(at - 400 * 86_400_000);
    let first = 0;
    for (let c = 0; c < customers; c++) {
      const id = Number(insertCustomer.run(phoneOf(c), created, created).lastInsertRowid);
      if (c === 0) first = id;
    }
    return first;
  })();
  const load = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const customerId = firstCustomer + (i % customers);
      // every other customer's latest complaint is still open: one ticket in ten
      const isOpen = i >= tickets - customers && i % 2 === 0;
      const created = at - (tickets - i) * 30_000; // one complaint every 30 s, oldest first
      const status = isOpen ? (i % 4 === 0 ? 'dispatched' : 'processing') : 'closed';
      insertTicket.run(
        `TS${String(20250000 + Math.floor(i / 1_000_000))}${String(i % 1_000_000).padStart(6, '0')}`,
        customerId,
        status,
        agent.id,
        agent.unit_id,
        isOpen ? units[i % units.length]! : null,
        iso(created),
        iso(created),
        iso(created + 600_000),
        isOpen ? null : iso(created + 86_400_000),
        isOpen ? iso(created + 72 * 3_600_000) : null,
      );
    }
  });
  for (let i = 0; i < tickets; i += 50_000) load(i, Math.min(tickets, i + 50_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return customers;
}

/** the product's schema and demo organisation, then `tickets` complaints of tickets/5 customers, loaded directly */
export async function prepareProgressDatabase(file: string, tickets: number): Promise<{ customers: number; loadSeconds: number }> {
  const setup = openDatabase({ kind: 'sqlite', file });
  await migrateToLatest(setup);
  await seedDemo(setup, new Date('2026-11-23T02:00:00.000Z'));
  await setup.close();
  const started = performance.now();
  const customers = bulkLoad(file, tickets);
  return { customers, loadSeconds: (performance.now() - started) / 1000 };
}

async function atRate(target: Target, phones: string[], rate: number, seconds: number) {
  let n = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: target.baseUrl,
    ...LOAD,
    overallRate: rate,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        headers: target.headers,
        setupRequest: (req: RawRequest) => ({ ...req, path: `/api/v1/ivr/callers/${phones[n++ % phones.length]}` }),
      },
    ],
  });
  instance.on('response', (_c, status, _b, ms) => {
    if (status === 200) latencies.push(ms);
  });
  const r = await instance;
  const sorted = Float64Array.from(latencies).sort();
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const answered = Object.values(r.statusCodeStats).reduce((a, s) => a + s.count, 0);
  return {
    rate,
    requestsPerSecond: latencies.length / r.duration,
    p50: pct(50),
    p99: pct(99),
    requests: answered,
    failed: answered - latencies.length + r.errors,
  };
}

export async function measureProgressLookup(opts: {
  root: string;
  /** how to start the product: node arguments (the built main.js) */
  serverArgs: string[];
  tmp: string;
  tickets: number;
  seconds: number;
  ceiling: Scenario;
}): Promise<ProgressFigures> {
  const file = path.join(opts.tmp, 'progress.db');
  const { customers, loadSeconds } = await prepareProgressDatabase(file, opts.tickets);

  const port = await freePort();
  const server = startServer({
    name: 'product (1M tickets)',
    cwd: opts.root,
    port,
    args: opts.serverArgs,
    env: {
      ...process.env,
      DATABASE_URL: file,
      PORT: String(port),
      HOST: '127.0.0.1',
      CLOSELOOP_DEMO: '0',
      LOG_LEVEL: 'warn',
      WEB_ROOT: '/nonexistent',
    },
  });
  try {
    await waitUntilHealthy(server, '/healthz', 60_000);
    const admin = await signIn(server.baseUrl, 'admin', 'demo1234');
    const issued = await fetch(`${server.baseUrl}/api/v1/api-tokens`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'bench IVR', scopes: ['ivr'] }),
    });
    if (issued.status !== 201) throw new Error(`issuing an API token answered ${issued.status}: ${await issued.text()}`);
    const { token } = (await issued.json()) as { token: string };
    const target: Target = { baseUrl: server.baseUrl, headers: { authorization: `Bearer ${token}` }, cpuSeconds: server.cpuSeconds };
    // callers spread over every customer, so lookups touch the whole index, not its last pages
    const phones = Array.from({ length: LOOKUP_PHONES }, (_, i) => phoneOf(Math.floor((i * customers) / LOOKUP_PHONES)));
    const lookup: Scenario = {
      name: 'progress lookup',
      target: 'product',
      server: target,
      method: 'GET',
      expectStatus: 200,
      next: (n) => ({ path: `/api/v1/ivr/callers/${phones[n % phones.length]}` }),
    };
    const runs = await measurePair({ ...opts.ceiling, name: 'read ceiling (2)' }, lookup, opts.seconds);
    const [ceiling, product] = runs;
    const halfRate = await atRate(target, phones, Math.max(1, Math.floor(product.requestsPerSecond / 2)), opts.seconds);
    return {
      ticketsStored: opts.tickets,
      customers,
      loadSeconds,
      runs,
      ratio: product.requestsPerSecond / ceiling.requestsPerSecond,
      halfRate,
    };
  } finally {
    await server.stop();
    fs.rmSync(file, { force: true });
  }
}

export function formatProgress(f: ProgressFigures): string {
  const [c, p] = f.runs as [RunFigures, RunFigures];
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'BELOW');
  return [
    `progress lookup by phone (GET /api/v1/ivr/callers/:phone, API token), ${f.ticketsStored} tickets of ${f.customers} customers (bulk-loaded in ${f.loadSeconds.toFixed(0)} s)`,
    `  ${c.name}: ${c.requestsPerSecond.toFixed(0)} req/s, p99 ${c.latencyMs.p99.toFixed(2)} ms; progress lookup: ${p.requestsPerSecond.toFixed(0)} req/s, p50 ${p.latencyMs.p50.toFixed(2)} ms, p99 ${p.latencyMs.p99.toFixed(2)} ms, ${p.failed} failed`,
    `  progress / read ceiling   ${f.ratio.toFixed(2)}   goal >= ${PROGRESS_GOALS.ratio.toFixed(2)}   ${verdict(f.ratio >= PROGRESS_GOALS.ratio)}`,
    `  at half that rate (${f.halfRate.rate} req/s): p50 ${f.halfRate.p50.toFixed(2)} ms, p99 ${f.halfRate.p99.toFixed(2)} ms   goal < ${PROGRESS_GOALS.p99AtHalfRateMs} ms   ${verdict(f.halfRate.p99 < PROGRESS_GOALS.p99AtHalfRateMs)}   (${f.halfRate.failed} failed)`,
  ].join('\n');
}
