import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/src/app.js';
import { fakeClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/connection.js';
import { generateYear } from '../server/src/demo/year.js';
import { recount } from '../server/src/modules/stats/index.js';
import { createStatsRepository } from '../server/src/modules/stats/repository.js';

// Figures at scale (issue 7): the dashboard's API calls on a demo year of N tickets, each repeated and timed
// (p50/p95, in-process through Fastify inject: routing, auth, validation and serialisation included, no socket);
// the rollup cost per ticket change (the observer's own time inside the change's transaction); and beside them a
// full-scan recount of every figure and the older full-scan timeliness query, which cost what the history costs.
// The machine is shared: beside the wall-clock latency, the process's CPU time per call (user + system; SQLite runs
// on the same thread) is what the call costs when nothing else competes for the cores.
//
//   node --import tsx bench/stats.ts --tickets 50000          # generates the year in a temp dir (about 15 s)
//   node --import tsx bench/stats.ts --db ./data/year.db      # an existing year (npm run demo:year)

export interface StatsBenchFigures {
  tickets: number;
  calls: { name: string; url: string; p50: number; p95: number; max: number; cpuP50: number; cpuP95: number }[];
  observer: { changes: number; meanUs: number; p50Us: number; p95Us: number; requestP50Ms: number } | null;
  recountMs: number | null;
  generateSeconds: number | null;
}

const END = new Date('2026-11-23T08:00:00.000Z');
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

export async function measureStats(opts: {
  tickets?: number;
  file?: string;
  reps?: number;
  lifecycles?: number;
  /** only the dashboard calls: no ticket changes, no recount (a quick look at a large year) */
  callsOnly?: boolean;
  /** everything but the full-scan recount (minutes at millions of tickets) */
  noRecount?: boolean;
  log?: (s: string) => void;
}) {
  const log = opts.log ?? (() => {});
  const reps = opts.reps ?? 40;
  let dir: string | undefined;
  let file = opts.file;
  let generateSeconds: number | null = null;
  if (!file) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-stats-'));
    file = path.join(dir, 'year.db');
    log(`generating a year of ${opts.tickets ?? 50_000} tickets ...`);
    const g = await generateYear({ file, tickets: opts.tickets ?? 50_000, end: END });
    generateSeconds = g.loadSeconds + g.rollupSeconds;
  }
  const db = openDatabase({ kind: 'sqlite', file });
  try {
    const tickets = Number(
      (
        await db.kysely
          .selectFrom('tickets')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const end = new Date(
      String(
        (
          await db.kysely
            .selectFrom('tickets')
            .select((e) => e.fn.max('created_at').as('m'))
            .executeTakeFirstOrThrow()
        ).m,
      ),
    );
    const clock = fakeClock(end);
    const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_ROOT: '/nonexistent' }), database: { kind: 'sqlite' as const, file } };
    const app = await buildApp({ config, db, clock, logger: false });
    await app.ready();
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo1234' } });
      const cookie = res.cookies.find((c) => c.name === 'closeloop_session')!.value;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      return (method: 'GET' | 'POST', url: string, payload?: object) =>
        app.inject({
          method,
          url,
          cookies: { closeloop_session: cookie },
          headers: { 'x-csrf-token': csrf },
          ...(payload ? { payload } : {}),
        });
    };
    const manager = await login('manager');

    // the dashboard's calls: this month and the year to date, sliced as the dashboard slices them
    const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const to = day(end);
    const month = `${to.slice(0, 7)}-01`;
    const yearFrom = `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}-01`;
    const q = `from=${month}&to=${to}`;
    const calls: [string, string][] = [
      ['summary, month', `/api/v1/stats/summary?${q}`],
      ['by unit, month', `/api/v1/stats/summary?${q}&by=unit`],
      ['by category1, month', `/api/v1/stats/summary?${q}&by=category1`],
      ['by category, month', `/api/v1/stats/summary?${q}&by=category`],
      ['by channel, month', `/api/v1/stats/summary?${q}&by=channel`],
      ['by day, month', `/api/v1/stats/summary?${q}&by=day`],
      ['by agent, month', `/api/v1/stats/summary?${q}&by=agent`],
      ['by branch, month', `/api/v1/stats/summary?${q}&by=branch`],
      ['by month, 12 months', `/api/v1/stats/summary?from=${yearFrom}&to=${to}&by=month`],
      ['by unit, 12 months', `/api/v1/stats/summary?from=${yearFrom}&to=${to}&by=unit`],
      ['by agent, 12 months', `/api/v1/stats/summary?from=${yearFrom}&to=${to}&by=agent`],
      ['drill-down: overdue at NET-MAINT', `/api/v1/stats/tickets?figure=overdue&${q}&by=unit&group=NET-MAINT`],
      ['drill-down: volume, month', `/api/v1/stats/tickets?figure=volume&${q}`],
      ['drill-down: satisfied, month', `/api/v1/stats/tickets?figure=satisfied&${q}`],
      ['drill-down: self-service, month', `/api/v1/stats/tickets?figure=selfServiceQueries&${q}`],
      ['(full scan) SLA timeliness, month', `/api/v1/stats/timeliness?from=${month}T00:00:00%2B08:00&to=${to}T23:59:59%2B08:00`],
    ];
    const results: StatsBenchFigures['calls'] = [];
    for (const [name, url] of calls) {
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < reps + 3; i++) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        const r = await manager('GET', url);
        const c = process.cpuUsage(c0);
        const ms = performance.now() - t0;
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
        if (i >= 3) {
          times.push(ms);
          cpu.push((c.user + c.system) / 1000);
        }
      }
      results.push({
        name,
        url,
        p50: quantile(times, 0.5),
        p95: quantile(times, 0.95),
        max: Math.max(...times),
        cpuP50: quantile(cpu, 0.5),
        cpuP95: quantile(cpu, 0.95),
      });
      log(
        `  ${name}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, CPU p95 ${quantile(cpu, 0.95).toFixed(1)} ms`,
      );
    }

    // the rollups' cost inside each change: the observer timed around its own call
    const observer = app.stats.observer;
    const inner = observer.onTicketChange.bind(observer);
    const observed: number[] = [];
    observer.onTicketChange = async (trx, change) => {
      const t0 = performance.now();
      await inner(trx, change);
      observed.push((performance.now() - t0) * 1000);
    };
    const [agent, network] = [await login('agent'), await login('network')];
    const requestMs: number[] = [];
    const lifecycles = opts.callsOnly ? 0 : (opts.lifecycles ?? 150);
    for (let i = 0; i < lifecycles; i++) {
      const t0 = performance.now();
      const r = await agent('POST', '/api/v1/tickets', {
        customerPhone: '13800138000',
        categoryCode: '0101',
        description: `bench ${i}`,
        channel: 'hotline',
        location: { compound: `bench-${i}` },
      });
      requestMs.push(performance.now() - t0);
      const id = (r.json() as { id: number }).id;
      for (const [who, action, body] of [
        [agent, 'dispatch', {}],
        [network, 'take', {}],
        [network, 'reply', { result: '已修复', solved: true }],
        [agent, 'answer', { answer: '已修复' }],
        [agent, 'close', {}],
      ] as const) {
        const res = await who('POST', `/api/v1/tickets/${id}/${action}`, body);
        if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
    }
    observer.onTicketChange = inner;
    await app.close();

    const t0 = performance.now();
    const recounting = !opts.callsOnly && !opts.noRecount;
    if (recounting) await recount(createStatsRepository(db), db.kysely, config.timeZone);
    const recountMs = recounting ? performance.now() - t0 : null;
    return {
      tickets,
      calls: results,
      observer: opts.callsOnly
        ? null
        : {
            changes: observed.length,
            meanUs: observed.reduce((a, b) => a + b, 0) / observed.length,
            p50Us: quantile(observed, 0.5),
            p95Us: quantile(observed, 0.95),
            requestP50Ms: quantile(requestMs, 0.5),
          },
      recountMs,
      generateSeconds,
    } satisfies StatsBenchFigures;
  } finally {
    await db.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatStats(f: StatsBenchFigures): string {
  const lines = [
    `Figures on ${f.tickets.toLocaleString('en')} tickets${f.generateSeconds !== null ? ` (generated in ${f.generateSeconds.toFixed(0)} s)` : ''}:`,
    '| call | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms |',
    '| --- | --- | --- | --- | --- | --- |',
    ...f.calls.map(
      (c) =>
        `| ${c.name} | ${c.p50.toFixed(1)} | ${c.p95.toFixed(1)} | ${c.max.toFixed(1)} | ${c.cpuP50.toFixed(1)} | ${c.cpuP95.toFixed(1)} |`,
    ),
    ...(f.observer
      ? [
          `rollup cost per ticket change (observer, ${f.observer.changes} changes): mean ${f.observer.meanUs.toFixed(0)} µs, ` +
            `p50 ${f.observer.p50Us.toFixed(0)} µs, p95 ${f.observer.p95Us.toFixed(0)} µs (a whole ticket create: p50 ${f.observer.requestP50Ms.toFixed(1)} ms)`,
        ]
      : []),
    ...(f.recountMs !== null ? [`full-scan recount of every figure: ${(f.recountMs / 1000).toFixed(1)} s`] : []),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const f = await measureStats({
    tickets: arg('tickets') ? Number(arg('tickets')) : undefined,
    file: arg('db') ? path.resolve(arg('db')!) : undefined,
    reps: arg('reps') ? Number(arg('reps')) : undefined,
    callsOnly: process.argv.includes('--calls-only'),
    noRecount: process.argv.includes('--no-recount'),
    log: console.log,
  });
  console.log(`\n${formatStats(f)}`);
}
