import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../server/src/app.js';
import { fakeClock, type FakeClock } from '../server/src/clock.js';
import { loadConfig, type Config } from '../server/src/config.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { openTestDatabase, type TestDatabase } from './database.js';

export interface Client {
  username: string;
  csrfToken: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestContext {
  app: App;
  database: TestDatabase;
  clock: FakeClock;
  config: Config;
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

// The whole server in-process on a fresh database with the demo organisation, driven through inject().
export async function createTestContext(options: { seed?: boolean } = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = fakeClock('2026-11-23T02:00:00.000Z');
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_ROOT: '/nonexistent' }), database: database.config };
  if (options.seed !== false) await seedDemo(database.db, clock.now());
  const app = await buildApp({ config, db: database.db, clock, logger: false });
  await app.ready();

  async function login(username: string, password = 'demo1234'): Promise<Client> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'closeloop_session')!;
    const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
    const request: Client['request'] = (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        cookies: { closeloop_session: cookie.value },
        headers: { 'x-csrf-token': csrfToken, ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    return {
      username,
      csrfToken,
      request,
      get: (url, headers) => request('GET', url, undefined, headers),
      post: (url, body, headers) => request('POST', url, body ?? {}, headers),
      patch: (url, body, headers) => request('PATCH', url, body, headers),
      delete: (url, headers) => request('DELETE', url, undefined, headers),
    };
  }

  return {
    app,
    database,
    clock,
    config,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
