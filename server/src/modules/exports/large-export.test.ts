import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';

// A large export streams: the server's retained heap stays flat while tens of megabytes go out, and a reader that
// stops reading stops the database reads too. Retained heap is measured after a forced collection, not guessed.

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const retainedMb = () => {
  gc();
  const m = process.memoryUsage();
  // buffers live outside the JS heap: count them too
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
};

const ROWS = 200_000;
const DESCRIPTION =
  '小区里手机信号时有时无，晚上八点到十点基本打不出电话，用户要求尽快派人测试并给出处理时间，联系人王先生，地址蓬江区丰乐花园';

let ctx: TestContext;
let base: string;
let cookie: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const k = ctx.database.db.kysely;
  const customer = await k.selectFrom('customers').select('id').where('phone', '=', '13800138000').executeTakeFirstOrThrow();
  const owner = await k.selectFrom('users').select(['id', 'unit_id']).where('username', '=', 'agent').executeTakeFirstOrThrow();
  const start = Date.parse('2026-01-01T00:00:00Z');
  // 15 columns × 2,000 rows stays under both databases' limit on bound parameters (SQLite 32,766)
  const BATCH = 2_000;
  for (let b = 0; b < ROWS / BATCH; b++) {
    const rows = Array.from({ length: BATCH }, (_, j) => {
      const i = b * BATCH + j;
      const at = new Date(start + i * 60_000).toISOString();
      return {
        number: `TS${String(i).padStart(12, '0')}`,
        channel: 'hotline',
        customer_id: customer.id,
        category_code: '0101',
        description: `${DESCRIPTION} #${i}`,
        priority: 'normal',
        escalation_level: 0,
        status: 'accepted',
        owner_id: owner.id,
        owner_unit_id: owner.unit_id,
        is_over_level: 0,
        is_intercepted: 0,
        created_at: at,
        updated_at: at,
        version: 1,
      };
    });
    await k.insertInto('tickets').values(rows).execute();
  }
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'manager', password: 'demo1234' }),
  });
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}, 180_000);
afterAll(() => ctx.close());

function download(path: string, onChunk: (chunk: Buffer, res: http.IncomingMessage) => void | Promise<void>) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { cookie } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          const pending = onChunk(chunk, res);
          if (pending) {
            res.pause();
            void pending.then(() => res.resume(), reject);
          }
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe(`an export of ${ROWS.toLocaleString('en')} tickets`, () => {
  it('streams as CSV with bounded memory, and pauses with a reader that pauses', async () => {
    const before = retainedMb();
    let peak = 0;
    let lines = 0;
    let chunks = 0;
    let pausedAt = -1;
    let pausedGrowth = 0;
    let tail = '';
    const result = await download('/api/v1/exports/tickets?format=csv', async (chunk) => {
      chunks++;
      const text = tail + chunk.toString('latin1');
      lines += text.split('\r\n').length - 1;
      const end = text.lastIndexOf('\r\n');
      tail = end < 0 ? text : text.slice(end + 2);
      if (chunks % 150 === 0) peak = Math.max(peak, retainedMb() - before);
      if (chunks === 300) {
        // the reader stops for a while: the server must stop too (it would read ~everything in this time otherwise)
        pausedAt = lines;
        const atPause = retainedMb();
        await turns(400);
        pausedGrowth = retainedMb() - atPause;
      }
    });
    expect(result.status).toBe(200);
    expect(lines).toBe(ROWS + 1);
    expect(result.bytes).toBeGreaterThan(60 * 1024 * 1024);
    console.log(
      `CSV export: ${ROWS} rows, ${(result.bytes / 1024 / 1024).toFixed(0)} MB; retained heap growth peak ${peak.toFixed(1)} MB; ` +
        `while paused at line ${pausedAt}: ${pausedGrowth.toFixed(1)} MB`,
    );
    expect(peak).toBeLessThan(25);
    expect(pausedGrowth).toBeLessThan(5);
  }, 180_000);

  it('goes out at a measured fraction of the speed of the bare database reads', async () => {
    // the ceiling: the same keyset pages read straight from the database, no formatting, no HTTP
    const k = ctx.database.db.kysely;
    let started = performance.now();
    let read = 0;
    for (let before: number | undefined; ;) {
      let q = k
        .selectFrom('tickets as t')
        .innerJoin('customers as cu', 'cu.id', 't.customer_id')
        .innerJoin('categories as cat', 'cat.code', 't.category_code')
        .select(['t.id', 't.number', 't.description', 't.created_at', 'cu.phone', 'cat.name_zh'])
        .orderBy('t.id', 'desc')
        .limit(500);
      if (before !== undefined) q = q.where('t.id', '<', before);
      const rows = await q.execute();
      read += rows.length;
      if (rows.length < 500) break;
      before = rows[rows.length - 1]!.id;
    }
    const ceilingMs = performance.now() - started;
    expect(read).toBe(ROWS);

    started = performance.now();
    let csvBytes = 0;
    // every ticket once, newest first, across the 400 keyset pages
    let tail = '';
    let last = Infinity;
    let ordered = 0;
    const result = await download('/api/v1/exports/tickets?format=csv', (chunk) => {
      csvBytes += chunk.length;
      const text = tail + chunk.toString('latin1');
      const end = text.lastIndexOf('\r\n');
      const cut = end < 0 ? 0 : end + 2;
      for (const m of text.slice(0, cut).matchAll(/^TS([0-9]{12}),/gm)) {
        const n = Number(m[1]);
        if (n === last - 1 || last === Infinity) ordered++;
        last = n;
      }
      tail = text.slice(cut);
    });
    expect(ordered).toBe(ROWS);
    expect(last).toBe(0);
    const exportMs = performance.now() - started;
    expect(result.status).toBe(200);
    expect(csvBytes).toBe(result.bytes);
    console.log(
      `CSV export of ${ROWS} rows: ${Math.round(exportMs)} ms; the same keyset pages read bare: ${Math.round(ceilingMs)} ms ` +
        `(ratio ${(ceilingMs / exportMs).toFixed(2)}; ${Math.round(ROWS / (exportMs / 1000))} rows/s)`,
    );
  }, 180_000);

  it('streams as XLSX with bounded memory', async () => {
    const before = retainedMb();
    let peak = 0;
    let chunks = 0;
    const result = await download('/api/v1/exports/tickets?format=xlsx', (_chunk) => {
      chunks++;
      if (chunks % 100 === 0) peak = Math.max(peak, retainedMb() - before);
    });
    expect(result.status).toBe(200);
    expect(result.bytes).toBeGreaterThan(1024 * 1024);
    console.log(
      `XLSX export: ${ROWS} rows, ${(result.bytes / 1024 / 1024).toFixed(1)} MB compressed; retained heap growth peak ${peak.toFixed(1)} MB`,
    );
    expect(peak).toBeLessThan(25);
  }, 180_000);
});
