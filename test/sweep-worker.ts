// A separate server process's SLA sweep, for the two-process exactly-once test: it opens its own connections to
// the same PostgreSQL schema and sweeps at the instant it is given.
import { fakeClock } from '../server/src/clock.js';
import { openDatabase } from '../server/src/db/connection.js';
import { createSlaRepository, createSlaScheduler } from '../server/src/modules/sla/index.js';

const db = openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! }, { searchPath: process.env.PG_SEARCH_PATH!, poolSize: 2 });
const scheduler = createSlaScheduler({ repo: createSlaRepository(db), clock: fakeClock(process.env.SWEEP_AT!), onAlerts: () => {} });
const fired = await scheduler.sweep();
await db.close();
process.stdout.write(JSON.stringify({ fired }));
