import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from '../../../../test/app.js';

export interface HeardEvent {
  type: string;
  data: Record<string, unknown>;
  /** process.hrtime in ms when it arrived */
  at: number;
}

// A real browser's view of the live stream: the app listens on a random port and this client reads
// GET /api/v1/live as Server-Sent Events with a signed-in user's cookie.
export async function listenLive(ctx: TestContext, username: string) {
  const login = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'demo1234' } });
  const cookie = login.cookies.find((c) => c.name === 'closeloop_session')!.value;
  if (!ctx.app.server.listening) await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = ctx.app.server.address() as AddressInfo;
  const heard: HeardEvent[] = [];
  const waiters: { match: (e: HeardEvent) => boolean; resolve: (e: HeardEvent) => void }[] = [];
  let req: http.ClientRequest;
  await new Promise<void>((resolve, reject) => {
    req = http.get({ host: '127.0.0.1', port, path: '/api/v1/live', headers: { cookie: `closeloop_session=${cookie}` } }, (res) => {
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (!type || !data) {
            if (block.includes(': connected')) resolve();
            continue;
          }
          const e = { type, data: JSON.parse(data) as Record<string, unknown>, at: performance.now() };
          heard.push(e);
          for (const w of [...waiters]) {
            if (!w.match(e)) continue;
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(e);
          }
        }
      });
    });
    req.on('error', reject);
  });
  return {
    heard,
    waitFor(match: (e: HeardEvent) => boolean, timeoutMs = 5000): Promise<HeardEvent> {
      const seen = heard.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no such live event in time')), timeoutMs);
        waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
      });
    },
    close: () => req.destroy(),
  };
}
