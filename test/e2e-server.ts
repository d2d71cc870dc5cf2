import path from 'node:path';
import { buildApp } from '../server/src/app.js';
import { systemClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { openTestDatabase } from './database.js';

// The real server with the built web app, on a random loopback port, for browser tests.
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const database = await openTestDatabase();
  const clock = systemClock();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_ROOT: path.resolve('dist', 'web') }), database: database.config };
  await seedDemo(database.db, clock.now());
  const app = await buildApp({ config, db: database.db, clock, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
