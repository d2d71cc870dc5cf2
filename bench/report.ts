import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CostShare } from './profile-summary.js';
import type { RunFigures } from './scenarios.js';

// Figures on a shared 2-core machine move by tens of percent between runs; the ratio to a ceiling measured
// minutes apart on the same machine moves much less, so the goals are ratios.
export const GOALS = { create: 0.4, read: 0.6 } as const;

export interface BenchReport {
  date: string;
  machine: { cpuModel: string; cpus: number; node: string; platform: string };
  database: string;
  /** when dist/server was built: the code these figures belong to */
  builtAt: string;
  secondsPerRun: number;
  load: { connections: number; pipelining: number };
  dataset: { ticketsStored: number; ticketsRead: number; ceilingRowsStored: number };
  runs: RunFigures[];
  ratios: { name: string; value: number; goal: number; verdict: 'PASS' | 'BELOW' }[];
  /** ceiling CPU per request / product CPU per request: the same question asked of the processor, not the clock */
  cpuRatios: { name: string; value: number | null }[];
  /** with BENCH_CPU_PROF=1: where each server's CPU went during each measured run */
  profiles: { run: string; file: string; busyMs: number; shares: CostShare[] }[];
  notes: string[];
}

export function buildReport(input: Omit<BenchReport, 'date' | 'machine' | 'ratios' | 'cpuRatios'>): BenchReport {
  const run = (name: string) => input.runs.find((r) => r.name === name);
  const rps = (name: string) => run(name)?.requestsPerSecond ?? NaN;
  const cpuRatio = (name: string, product: string, ceiling: string) => {
    const p = run(product)?.serverCpuUsPerRequest;
    const c = run(ceiling)?.serverCpuUsPerRequest;
    return { name, value: p && c ? c / p : null };
  };
  const ratio = (name: string, value: number, goal: number) => ({
    name,
    value,
    goal,
    verdict: value >= goal ? ('PASS' as const) : ('BELOW' as const),
  });
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    machine: {
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cpus: cpus.length,
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    ...input,
    ratios: [
      ratio('create / insert ceiling', rps('ticket create') / rps('insert ceiling'), GOALS.create),
      ratio('read / read ceiling', rps('ticket read') / rps('read ceiling'), GOALS.read),
    ],
    cpuRatios: [
      cpuRatio('create, by server CPU', 'ticket create', 'insert ceiling'),
      cpuRatio('read, by server CPU', 'ticket read', 'read ceiling'),
    ],
  };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const ms = (v: number) => `${v.toFixed(v < 1 ? 2 : v < 10 ? 1 : 0)} ms`;
const us = (v: number | null) => (v === null ? '-' : `${v.toFixed(0)} µs`);

export function formatReport(r: BenchReport): string {
  const lines = [
    `Closeloop bench, ${r.date}`,
    `machine   ${r.machine.cpuModel} x ${r.machine.cpus}, node ${r.machine.node}, ${r.machine.platform}`,
    `database  ${r.database}`,
    `build     dist/server built ${r.builtAt}`,
    `load      ${r.load.connections} connections, pipelining ${r.load.pipelining}, ${r.secondsPerRun} s per run after a 2 s warm-up, product and ceiling in alternating slices`,
    `dataset   ${r.dataset.ticketsStored} tickets stored (reads cycle over ${r.dataset.ticketsRead} of them); ceiling table ${r.dataset.ceilingRowsStored} rows`,
    '',
    `${pad('run', 16)}${padLeft('req/s', 9)}${padLeft('p50', 10)}${padLeft('p99', 10)}${padLeft('requests', 10)}${padLeft('failed', 8)}${padLeft('CPU/req', 10)}`,
    ...r.runs.map(
      (x) =>
        `${pad(x.name, 16)}${padLeft(x.requestsPerSecond.toFixed(0), 9)}${padLeft(ms(x.latencyMs.p50), 10)}${padLeft(ms(x.latencyMs.p99), 10)}` +
        `${padLeft(String(x.requests), 10)}${padLeft(String(x.failed), 8)}${padLeft(us(x.serverCpuUsPerRequest), 10)}`,
    ),
    '',
    ...r.ratios.map((x) => `${pad(x.name, 26)}${x.value.toFixed(2)}   goal >= ${x.goal.toFixed(2)}   ${x.verdict}`),
    ...r.cpuRatios.map(
      (x) => `${pad(x.name, 26)}${x.value === null ? '-' : x.value.toFixed(2)}   (ceiling CPU/req ÷ product CPU/req; no goal)`,
    ),
    ...r.profiles.flatMap((p) => [
      '',
      `where the CPU went: ${p.run} (${p.busyMs.toFixed(0)} ms busy, ${path.basename(p.file)})`,
      ...p.shares.map((s) => `  ${padLeft((s.share * 100).toFixed(1), 5)}%  ${s.cost}`),
    ]),
    ...r.notes.map((n) => `note: ${n}`),
  ];
  return lines.join('\n');
}

export function writeReport(r: BenchReport, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(r, null, 2) + '\n');
}
