import autocannon, { type RawRequest, type Result } from 'autocannon';
import { ticketBody } from './ticket-bodies.js';

// The load: the same autocannon settings against the product and against the ceiling, so the two differ
// only in the server. A product run and its ceiling run are cut into slices taken in turn (C P P C C ...),
// so a neighbour that grabs the disk or a core for a few seconds slows both sides of a ratio, not one.

export const LOAD = { connections: 10, pipelining: 1 } as const;
export const WARMUP_SECONDS = 2;
const SLICE_SECONDS = 2;
// above this share of failed requests the figure measures failures, not the server
export const MAX_ERROR_RATE = 0.01;

export interface RunFigures {
  name: string;
  target: 'product' | 'ceiling';
  seconds: number;
  requests: number;
  failed: number;
  errorRate: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; mean: number };
  /** server CPU (user + system) per answered request, in microseconds; null where it cannot be read */
  serverCpuUsPerRequest: number | null;
  /** when the measured slices ran, on the monotonic clock V8 stamps its CPU profiles with (µs) */
  windows: { startUs: number; endUs: number }[];
  statusCounts: Record<string, number>;
}

export interface Target {
  baseUrl: string;
  headers: Record<string, string>;
  cpuSeconds?: () => number | null;
}

export interface Scenario {
  name: string;
  target: RunFigures['target'];
  server: Target;
  method: 'GET' | 'POST';
  expectStatus: number;
  next: (n: number) => { path: string; body?: string };
}

export const createTickets = (server: Target): Scenario => ({
  name: 'ticket create',
  target: 'product',
  server,
  method: 'POST',
  expectStatus: 201,
  next: (n) => ({ path: '/api/v1/tickets', body: ticketBody(n) }),
});

export const insertRows = (server: Target): Scenario => ({
  name: 'insert ceiling',
  target: 'ceiling',
  server,
  method: 'POST',
  expectStatus: 201,
  next: (n) => ({ path: '/insert', body: ticketBody(n) }),
});

export const readTickets = (server: Target, ids: number[]): Scenario => ({
  name: 'ticket read',
  target: 'product',
  server,
  method: 'GET',
  expectStatus: 200,
  next: (n) => ({ path: `/api/v1/tickets/${ids[n % ids.length]}` }),
});

export const readRows = (server: Target, ids: number[]): Scenario => ({
  name: 'read ceiling',
  target: 'ceiling',
  server,
  method: 'GET',
  expectStatus: 200,
  next: (n) => ({ path: `/read/${ids[n % ids.length]}` }),
});

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

// What one scenario has gathered over its slices.
class Tally {
  n = 0;
  seconds = 0;
  errors = 0;
  cpuSeconds: number | null = 0;
  statusCounts: Record<string, number> = {};
  latencies: number[] = [];
  windows: { startUs: number; endUs: number }[] = [];

  constructor(readonly scenario: Scenario) {}

  async run(seconds: number, measured: boolean): Promise<void> {
    const s = this.scenario;
    const instance = autocannon({
      url: s.server.baseUrl,
      ...LOAD,
      duration: seconds,
      requests: [{ method: s.method, headers: s.server.headers, setupRequest: (req: RawRequest) => ({ ...req, ...s.next(this.n++) }) }],
    });
    if (!measured) {
      await instance;
      return;
    }
    // autocannon's own histogram keeps whole milliseconds, and the ceiling answers in less than one
    const latencies: number[] = [];
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === s.expectStatus) latencies.push(ms);
    });
    const cpuBefore = s.server.cpuSeconds?.() ?? null;
    const startUs = monotonicUs();
    const result = await instance;
    const cpuAfter = s.server.cpuSeconds?.() ?? null;
    this.add(result, latencies, { startUs, endUs: monotonicUs() }, cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore);
  }

  private add(r: Result, latencies: number[], window: { startUs: number; endUs: number }, cpu: number | null) {
    this.seconds += r.duration;
    this.errors += r.errors;
    for (const [status, s] of Object.entries(r.statusCodeStats)) this.statusCounts[status] = (this.statusCounts[status] ?? 0) + s.count;
    for (const ms of latencies) this.latencies.push(ms);
    this.windows.push(window);
    this.cpuSeconds = this.cpuSeconds === null || cpu === null ? null : this.cpuSeconds + cpu;
  }

  figures(): RunFigures {
    const s = this.scenario;
    const sorted = Float64Array.from(this.latencies).sort();
    const answered = Object.values(this.statusCounts).reduce((a, b) => a + b, 0);
    const expected = this.statusCounts[String(s.expectStatus)] ?? 0;
    const failed = answered - expected + this.errors;
    const attempts = answered + this.errors;
    return {
      name: s.name,
      target: s.target,
      seconds: this.seconds,
      requests: answered,
      failed,
      errorRate: attempts === 0 ? 1 : failed / attempts,
      requestsPerSecond: expected / this.seconds,
      latencyMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length },
      serverCpuUsPerRequest: this.cpuSeconds !== null && expected > 0 ? (this.cpuSeconds * 1e6) / expected : null,
      windows: this.windows,
      statusCounts: this.statusCounts,
    };
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// A ceiling run and a product run of `seconds` each: both warmed up first (JIT, SQLite page cache),
// then measured in alternating slices, the order flipped every round so neither always goes first.
export async function measurePair(ceiling: Scenario, product: Scenario, seconds: number): Promise<[RunFigures, RunFigures]> {
  const c = new Tally(ceiling);
  const p = new Tally(product);
  await c.run(WARMUP_SECONDS, false);
  await p.run(WARMUP_SECONDS, false);
  const slices = Math.max(1, Math.round(seconds / SLICE_SECONDS));
  for (let i = 0; i < slices; i += 1) {
    const sliceSeconds = i < slices - 1 ? SLICE_SECONDS : seconds - SLICE_SECONDS * (slices - 1);
    if (sliceSeconds <= 0) break;
    for (const t of i % 2 === 0 ? [c, p] : [p, c]) await t.run(sliceSeconds, true);
  }
  return [c.figures(), p.figures()];
}

// Untimed: grows the product's table through its own API and returns the ids it was given.
export async function fillTickets(product: Target, amount: number, firstN: number): Promise<number[]> {
  if (amount <= 0) return [];
  const ids: number[] = [];
  let n = firstN;
  const result = await autocannon({
    url: product.baseUrl,
    ...LOAD,
    amount,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/tickets',
        headers: product.headers,
        setupRequest: (req: RawRequest) => ({ ...req, body: ticketBody(n++) }),
        onResponse: (status: number, body: string) => {
          if (status === 201) ids.push((JSON.parse(body) as { id: number }).id);
        },
      },
    ],
  });
  const created = result.statusCodeStats['201']?.count ?? 0;
  const answered = Object.values(result.statusCodeStats).reduce((a, s) => a + s.count, 0);
  const failed = answered - created + result.errors;
  if (failed > MAX_ERROR_RATE * (answered + result.errors))
    throw new Error(`filling the ticket table: ${failed} of ${answered} creates failed (${JSON.stringify(result.statusCodeStats)})`);
  return ids;
}

// An even spread over what is stored, so reads touch the whole table, not the last pages written.
export function spread(ids: number[], count: number): number[] {
  if (ids.length <= count) return ids;
  const step = ids.length / count;
  return Array.from({ length: count }, (_, i) => ids[Math.floor(i * step)]!);
}
