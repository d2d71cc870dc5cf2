import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { countTickets, signIn } from './product-api.js';
import { freePort, killAllServersNow, startServer, stopAllServers, waitUntilHealthy } from './processes.js';
import { findProfile, summarizeProfile } from './profile-summary.js';
import { formatProgress, measureProgressLookup, type ProgressFigures } from './progress-lookup.js';
import { buildReport, formatReport, writeReport, type BenchReport } from './report.js';
import { measureSweep, type SweepFigures } from './sla-sweep.js';
import { formatStats, measureStats, type StatsBenchFigures } from './stats.js';
import { measureDetection, type DetectionFigures } from './incident-detection.js';
import {
  LOAD,
  MAX_ERROR_RATE,
  WARMUP_SECONDS,
  createTickets,
  fillTickets,
  insertRows,
  measurePair,
  readRows,
  readTickets,
  spread,
  type RunFigures,
  type Scenario,
} from './scenarios.js';

// `npm run bench`: the product against a bare ceiling, same machine, same minute, same load.
// Exits 0 whatever the ratios say (this is a measurement, not a test); non-zero only when the
// measurement itself broke: a server that did not start, or more than 1% failed requests.

const root = path.resolve(import.meta.dirname, '..');
const MAIN = path.join(root, 'dist', 'server', 'src', 'main.js');
const START_TIMEOUT_MS = 30_000;
// reads on a toy table would flatter the product; both tables hold at least this many rows when read
const DATASET_ROWS = positiveInteger('BENCH_TICKETS', 20_000);
const READ_IDS = 2_000;
const SECONDS = positiveInteger('BENCH_SECONDS', 10);
const PROFILE_DIR = path.join(root, '.bench', 'profiles');

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(raw)) throw new Error(`${name}=${raw}: expected a positive whole number`);
  return Number(raw);
}

// Returns when the measured build was made, so a figure can be matched to the code it measured.
function ensureBuild(notes: string[]): string {
  if (!fs.existsSync(MAIN)) {
    console.log('dist/server is missing: npm run build:server');
    const r = spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build:server failed');
  }
  // benching yesterday's build by mistake is the easiest way to get a wrong figure
  const built = newestMtime(path.join(root, 'dist', 'server'));
  const source = Math.max(newestMtime(path.join(root, 'server', 'src')), newestMtime(path.join(root, 'contracts')));
  if (source > built)
    notes.push('server or contracts sources are newer than dist/: this measures the last build (run npm run build:server)');
  return new Date(built).toISOString();
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    // tests are not built, so an edited test does not make the build stale
    if (!entry.isFile() || !/\.(ts|js)$/.test(entry.name) || /\.test\.ts$/.test(entry.name)) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-bench-'));
const cleanUp = () => {
  killAllServersNow();
  fs.rmSync(tmp, { recursive: true, force: true });
};
process.once('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers`);
    process.exit(130);
  });
}

async function main(): Promise<number> {
  const notes: string[] = [];
  const builtAt = ensureBuild(notes);
  const profiling = process.env.BENCH_CPU_PROF === '1';
  const profileArgs = profiling ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  if (profiling) {
    // profiles of earlier runs would be mistaken for this one's
    fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
    notes.push(`BENCH_CPU_PROF=1: both servers ran under the profiler (slower); profiles in ${path.relative(root, PROFILE_DIR)}/`);
  }

  const postgres = process.env.BENCH_DATABASE_URL;
  if (postgres && !/^postgres(ql)?:\/\//.test(postgres))
    throw new Error('BENCH_DATABASE_URL must be a postgres:// URL (SQLite is the default)');
  const database = postgres
    ? `PostgreSQL ${postgres.replace(/\/\/[^@/]*@/, '//***@')} (ceiling stays on SQLite: the ratios compare different databases)`
    : 'SQLite, a fresh file in a temp dir';

  const [productPort, ceilingPort] = [await freePort(), await freePort()];
  const product = startServer({
    name: 'product',
    cwd: root,
    port: productPort,
    args: [...profileArgs, MAIN],
    env: {
      ...process.env,
      DATABASE_URL: postgres ?? path.join(tmp, 'bench.db'),
      PORT: String(productPort),
      HOST: '127.0.0.1',
      CLOSELOOP_DEMO: '1',
      LOG_LEVEL: 'warn',
      WEB_ROOT: '/nonexistent',
    },
  });
  const ceiling = startServer({
    name: 'ceiling',
    cwd: root,
    port: ceilingPort,
    args: [...profileArgs, '--import', 'tsx', path.join(root, 'bench', 'ceiling-server.ts')],
    env: {
      ...process.env,
      CEILING_DATABASE: path.join(tmp, 'ceiling.db'),
      PORT: String(ceilingPort),
      LOG_LEVEL: 'warn',
      CEILING_PRELOAD_ROWS: String(DATASET_ROWS),
    },
  });
  await Promise.all([waitUntilHealthy(product, '/healthz', START_TIMEOUT_MS), waitUntilHealthy(ceiling, '/healthz', START_TIMEOUT_MS)]);
  console.log(`product on ${product.baseUrl} (${database}), ceiling on ${ceiling.baseUrl}; ${SECONDS} s per run`);

  // on a database that already held an organisation the product skips the demo seed, and the agent is missing
  const headers = await signIn(product.baseUrl, 'agent', 'demo1234').catch((err: unknown) => {
    throw postgres ? new Error(`${String(err)}: BENCH_DATABASE_URL must point at an empty database`) : err;
  });
  const agent = { baseUrl: product.baseUrl, headers, cpuSeconds: product.cpuSeconds };
  const bare = { baseUrl: ceiling.baseUrl, headers: { 'content-type': 'application/json' }, cpuSeconds: ceiling.cpuSeconds };

  const runs: RunFigures[] = [];
  const pair = async (label: string, ceilingRun: Scenario, productRun: Scenario) => {
    process.stdout.write(`${label}: ${WARMUP_SECONDS} s warm-up each, then ${SECONDS} s each in alternating slices ...`);
    const figures = await measurePair(ceilingRun, productRun, SECONDS);
    runs.push(...figures);
    console.log(` ${figures.map((f) => `${f.name} ${f.requestsPerSecond.toFixed(0)} req/s`).join(', ')}`);
  };

  await pair('create', insertRows(bare), createTickets(agent));

  const stored = await countTickets(product.baseUrl, headers);
  const fill = Math.max(READ_IDS, DATASET_ROWS - stored);
  process.stdout.write(`filling: ${fill} more tickets through the API (not timed) ...`);
  // numbered apart from the timed run's tickets, so each description stays unique
  const filledIds = await fillTickets(agent, fill, 1_000_000);
  console.log(' done');
  const readIds = spread(filledIds, READ_IDS);
  const ceilingIds = spread(
    Array.from({ length: DATASET_ROWS }, (_, i) => i + 1),
    READ_IDS,
  );

  await pair('read', readRows(bare, ceilingIds), readTickets(agent, readIds));

  // progress lookup by phone (IVR/SMS) on a second product holding 1,000,000 bulk-loaded tickets; BENCH_PROGRESS=0 skips it
  let progress: ProgressFigures | undefined;
  if (process.env.BENCH_PROGRESS !== '0') {
    const tickets = positiveInteger('BENCH_PROGRESS_TICKETS', 1_000_000);
    process.stdout.write(`progress lookup: loading ${tickets} tickets straight into SQLite (not timed), then measuring ...`);
    progress = await measureProgressLookup({
      root,
      serverArgs: [MAIN],
      tmp,
      tickets,
      seconds: SECONDS,
      ceiling: readRows(bare, ceilingIds),
    });
    console.log(' done');
  }

  const ticketsStored = await countTickets(product.baseUrl, headers);
  const ceilingRowsStored = ((await (await fetch(`${ceiling.baseUrl}/healthz`)).json()) as { rows: number }).rows;
  // a profile is written when its process exits
  await stopAllServers();

  const profiles: BenchReport['profiles'] = [];
  if (profiling) {
    const pids = { product: product.child.pid, ceiling: ceiling.child.pid };
    for (const r of runs) {
      const file = findProfile(PROFILE_DIR, pids[r.target]);
      if (file) profiles.push({ run: r.name, file: path.relative(root, file), ...summarizeProfile(file, r.windows) });
    }
  }

  const report = buildReport({
    database,
    builtAt,
    secondsPerRun: SECONDS,
    load: { ...LOAD },
    dataset: { ticketsStored, ticketsRead: readIds.length, ceilingRowsStored },
    runs,
    profiles,
    notes,
  });
  // The SLA sweep: its cost must follow what falls due (1,000 here), not how many tickets are open.
  const sweeps: SweepFigures[] = [];
  if (process.env.BENCH_SWEEP !== '0') {
    for (const open of [10_000, 1_000_000]) {
      process.stdout.write(`SLA sweep, ${open} open tickets (loading takes a while) ...`);
      const f = await measureSweep(open, 1_000);
      sweeps.push(f);
      console.log(` ${f.fired} fired in ${f.sweepMs.toFixed(0)} ms`);
    }
  }
  // Repeat and group-complaint detection: the same per complaint over 10,000 and 1,000,000 earlier tickets.
  let detection: DetectionFigures[] = [];
  if (process.env.BENCH_DETECTION !== '0') {
    process.stdout.write('Complaint detection, 10,000 and 1,000,000 earlier tickets (loading takes a while) ...');
    detection = await measureDetection(10_000, 1_000_000);
    console.log(` ${detection.map((f) => `${f.perComplaintMs.toFixed(2)} ms`).join(' / ')} per complaint`);
  }
  // Figures at scale: BENCH_STATS=50000 (a generated year of that many tickets) or BENCH_STATS=./data/year.db
  let stats: StatsBenchFigures | undefined;
  if (process.env.BENCH_STATS) {
    const spec = process.env.BENCH_STATS;
    process.stdout.write(`figures: dashboard calls, rollup cost and a full recount on ${spec} ...`);
    stats = await measureStats(/^[0-9]+$/.test(spec) ? { tickets: Number(spec) } : { file: path.resolve(spec) });
    console.log(' done');
  }
  const file = path.join(root, '.bench', 'last.json');
  writeReport(
    {
      ...report,
      ...(sweeps.length ? { sweeps } : {}),
      ...(detection.length ? { detection } : {}),
      ...(progress ? { progress } : {}),
      ...(stats ? { stats } : {}),
    },
    file,
  );
  if (stats) console.log(`\n${formatStats(stats)}`);
  console.log(`\n${formatReport(report)}\n\nwritten to ${path.relative(root, file)}`);
  if (progress) console.log(`\n${formatProgress(progress)}`);
  if (sweeps.length === 2) {
    const [small, large] = sweeps as [SweepFigures, SweepFigures];
    console.log(
      `SLA sweep of 1,000 due: ${small.sweepMs.toFixed(0)} ms among ${small.open} open, ${large.sweepMs.toFixed(0)} ms among ${large.open} open ` +
        `(ratio ${(large.sweepMs / small.sweepMs).toFixed(2)}, goal about 1); a sweep with nothing due: ${large.idleSweepMs.toFixed(1)} ms`,
    );
  }

  if (detection.length === 2) {
    const [small, large] = detection as [DetectionFigures, DetectionFigures];
    console.log(
      `Complaint detection (repeat screening + group-complaint windows, whole intake): ${small.perComplaintMs.toFixed(2)} ms among ` +
        `${small.history} earlier tickets, ${large.perComplaintMs.toFixed(2)} ms among ${large.history} (ratio ` +
        `${(large.perComplaintMs / small.perComplaintMs).toFixed(2)}, goal about 1)`,
    );
  }

  const broken = [...runs, ...(progress?.runs ?? [])].filter((r) => r.errorRate > MAX_ERROR_RATE);
  for (const r of broken)
    console.error(`${r.name}: ${r.failed} of ${r.requests} requests failed (${JSON.stringify(r.statusCounts)}): the figures are not valid`);
  return broken.length > 0 ? 1 : 0;
}

async function run() {
  let code: number;
  try {
    code = await main();
  } catch (err) {
    console.error(`\nbench failed: ${err instanceof Error ? err.message : String(err)}`);
    code = 1;
  }
  await stopAllServers();
  cleanUp();
  process.exit(code);
}

void run();
