import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The real start-up, as `npm start` runs it, in a child process.
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', WEB_ROOT: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function waitHealthy(base: string) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

const freePort = () => 20000 + Math.floor(Math.random() * 20000);

describe('start-up', () => {
  it('stops with one clear line naming a bad variable', async () => {
    const run = start({ PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.stderr().trim().split('\n')).toEqual(['closeloop: PORT="eighty" is not valid: expected an integer from 0 to 65535']);
  });

  it.skipIf(!!process.env.TEST_DATABASE_URL)('keeps an acknowledged complaint through a crash (kill -9) and restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-crash-'));
    const port = String(freePort());
    const base = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: path.join(dir, 'crash.db'), PORT: port };
    const first = start(env);
    await waitHealthy(base);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent', password: 'demo1234' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await fetch(`${base}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ customerPhone: '13700001234', categoryCode: '0102', description: '崩溃前受理的投诉', channel: 'hotline' }),
    });
    expect(created.status).toBe(201);
    const { number } = (await created.json()) as { number: string };
    first.child.kill('SIGKILL');
    await first.exited;

    const second = start(env);
    await waitHealthy(base);
    const read = await fetch(`${base}/api/v1/tickets/${number}`, { headers: { cookie } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { description: string }).description).toBe('崩溃前受理的投诉');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
