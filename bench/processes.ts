import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

// The servers under test run in their own processes, so the load generator's CPU is not counted as theirs
// and a crash in one is seen, not swallowed.

export interface ServerProcess {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  /** the last lines the process wrote, shown when it fails */
  tail(): string;
  /** CPU seconds (user + system) the process has used so far; null where /proc is missing */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

const TAIL_LINES = 40;
const STOP_GRACE_MS = 5_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const running = new Set<ServerProcess>();

let ticksPerSecond: number | undefined;
// Server CPU per request does not depend on how fast the load generator is, which on 2 cores it often is not.
function cpuSecondsOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // fields after the parenthesised command name; utime and stime are the 14th and 15th of the line
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

export function startServer(opts: { name: string; args: string[]; env: NodeJS.ProcessEnv; port: number; cwd: string }): ServerProcess {
  const child = spawn(process.execPath, opts.args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((l) => l.trim() !== ''),
    );
    if (lines.length > TAIL_LINES) lines.splice(0, lines.length - TAIL_LINES);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const server: ServerProcess = {
    name: opts.name,
    baseUrl: `http://127.0.0.1:${opts.port}`,
    child,
    tail: () => lines.join('\n'),
    cpuSeconds: () => cpuSecondsOf(child.pid),
    async stop() {
      running.delete(server);
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGTERM first: the product closes its database cleanly and a --cpu-prof profile gets written
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(server);
  return server;
}

export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

// Last resort when the bench itself is exiting: no awaiting possible, so no grace period.
export function killAllServersNow(): void {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  running.clear();
}

export async function waitUntilHealthy(server: ServerProcess, path: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(
        `${server.name} exited before it was ready (code ${server.child.exitCode ?? server.child.signalCode}):\n${server.tail()}`,
      );
    }
    try {
      const res = await fetch(server.baseUrl + path, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${server.name} did not answer ${path} with 200 within ${timeoutMs / 1000} s:\n${server.tail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
