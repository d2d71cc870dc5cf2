import { buildApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import type { Db } from './db/dialect.js';
import { hasAnyUser, isDemoSeeded, seedDemo } from './demo/seed.js';
import { seedDemoTickets } from './demo/tickets.js';
import { createMemoryBus, createPostgresBus } from './modules/live/index.js';
import { createOrgRepository, ensureFirstAdmin } from './modules/org/index.js';

// Start-up: configuration, database and schema, demo or first admin, the app, and a clean shutdown.
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`closeloop: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const clock = systemClock();
  const db = openDatabase(config.database);
  await migrateToLatest(db);
  const bus =
    config.database.kind === 'postgres'
      ? await createPostgresBus({ url: config.database.url, channel: 'closeloop_live' })
      : createMemoryBus();
  const app = await buildApp({ config, db, clock, bus });
  if (await prepareData(db, config, clock, app.log)) {
    app.log.info({ tickets: await seedDemoTickets(app) }, 'demo complaints filed');
  }

  // Clocks fire on a timer; the first sweep at start catches up on whatever fell due while the server was down.
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const fired = await app.sla.sweep();
      if (fired) app.log.info({ fired }, 'clock warnings and breaches fired');
      const moved = await app.assignment.sweep();
      if (moved) app.log.info({ moved }, 'orders assigned again');
      const refunded = await app.billing.sweep();
      if (refunded) app.log.info({ refunded }, 'refunds sent to billing');
    } catch (err) {
      app.log.error({ err }, 'SLA sweep failed; it will run again');
    } finally {
      sweeping = false;
    }
  };
  await sweep();
  const sweepTimer = setInterval(() => void sweep(), config.slaSweepSeconds * 1000);

  // The SMS link connects in the background; the outbox is worked every 2 s and whenever the link comes up.
  app.sms.start();
  const smsTimer = setInterval(() => {
    app.sms.dispatch().catch((err: unknown) => app.log.error({ err }, 'SMS dispatch failed; it will run again'));
  }, 2000);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(sweepTimer);
    clearInterval(smsTimer);
    await app.close();
    await bus.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: config.database.kind, demo: await isDemoSeeded(db) },
    `Closeloop is ready at http://${config.host}:${config.port}`,
  );
}

// Demo data by default only for a new embedded database; PostgreSQL starts empty unless CLOSELOOP_DEMO=1.
async function prepareData(
  db: Db,
  config: Config,
  clock: ReturnType<typeof systemClock>,
  log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void },
) {
  const empty = !(await hasAnyUser(db));
  const wantDemo = config.demo ?? config.database.kind === 'sqlite';
  const seeding = wantDemo && empty;
  if (seeding) {
    await seedDemo(db, clock.now());
    log.info({}, 'demo organisation created; every demo account signs in with password demo1234');
  } else if (config.demo === true && !empty && !(await isDemoSeeded(db))) {
    log.warn({}, 'CLOSELOOP_DEMO=1 ignored: the database already holds an organisation');
  }
  const first = await ensureFirstAdmin(createOrgRepository(db), clock, config.adminPassword);
  if (first.generatedPassword) {
    log.warn(
      {},
      `first administrator created: sign in as admin with password ${first.generatedPassword} and change it (or set CLOSELOOP_ADMIN_PASSWORD)`,
    );
  }
  return seeding;
}

main().catch((err: unknown) => {
  process.stderr.write(`closeloop: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
