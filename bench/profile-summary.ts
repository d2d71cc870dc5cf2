import fs from 'node:fs';

// Where a server's CPU went during one measured run, from a V8 .cpuprofile (node --cpu-prof).
// Native work (SQLite, syscalls) shows as self time of the JavaScript frame that called it, so the
// frame names below say which native work it was.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface CostShare {
  cost: string;
  share: number;
}

function packageOf(url: string): string | undefined {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
}

// Named for what the time paid for, so a reader sees the fix, not the call stack.
function costOf(node: ProfileNode, isInCommit: () => boolean): string | null {
  const { functionName: fn, url } = node.callFrame;
  if (fn === '(idle)') return null;
  if (fn === '(garbage collector)') return 'garbage collection';
  const pkg = packageOf(url);
  if (pkg === 'better-sqlite3' && fn === 'prepare') return 'SQLite: prepare a statement (not cached between requests)';
  if (pkg === 'kysely' && fn === 'executeQuery')
    return isInCommit() ? 'SQLite: COMMIT (WAL fsync, synchronous=FULL)' : 'SQLite: run statements';
  if (pkg === 'kysely') return 'Kysely: build and compile queries';
  if (pkg === 'pino' || pkg === 'pino-std-serializers' || pkg === 'sonic-boom') return 'logging (pino)';
  if (pkg !== undefined)
    return /fastify|find-my-way|fast-json|secure-json|ajv|avvio|toad-cache/.test(pkg) ? 'Fastify (routing, hooks, JSON in and out)' : pkg;
  if (url.includes('/dist/server/src/'))
    return `product: ${url.split('/dist/server/src/')[1]!.replace(/\.js$/, '')}${fn ? ` ${fn}()` : ''}`;
  if (url.includes('/bench/ceiling-server.ts')) return 'ceiling handler (SQLite run, inline)';
  if (fn === 'writev' || fn === 'writeUtf8String' || fn === 'writeBuffer' || fn === 'writeLatin1String') return 'socket write (syscall)';
  if (url.startsWith('node:')) return 'Node core (http, net, streams)';
  return `other: ${fn || '(anonymous)'}`;
}

export function summarizeProfile(
  file: string,
  windows: { startUs: number; endUs: number }[],
  top = 12,
): { busyMs: number; shares: CostShare[] } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const cached = new Map<number, string | null>();
  const costOfId = (id: number) => {
    if (!cached.has(id)) {
      const isInCommit = () => {
        for (let x: number | undefined = id; x !== undefined; x = parentOf.get(x))
          if (byId.get(x)!.callFrame.functionName === 'commitTransaction') return true;
        return false;
      };
      cached.set(id, costOf(byId.get(id)!, isInCommit));
    }
    return cached.get(id)!;
  };

  const totals = new Map<string, number>();
  let busy = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (!windows.some((w) => at >= w.startUs && at <= w.endUs)) return;
    const cost = costOfId(id);
    if (cost === null) return;
    busy += delta;
    totals.set(cost, (totals.get(cost) ?? 0) + delta);
  });
  const shares = [...totals]
    .map(([cost, us]) => ({ cost, share: busy === 0 ? 0 : us / busy }))
    .sort((a, b) => b.share - a.share)
    .slice(0, top);
  return { busyMs: busy / 1000, shares };
}

export function findProfile(dir: string, pid: number | undefined): string | undefined {
  if (pid === undefined || !fs.existsSync(dir)) return undefined;
  // CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile: thread 0 is the main thread, where requests are served
  const name = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && f.includes(`.${pid}.0.`));
  return name && `${dir}/${name}`;
}
