import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/connection.js';
import type { Db } from '../server/src/db/dialect.js';
import { migrateToLatest } from '../server/src/db/migrate.js';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase {
  db: Db;
  config: DatabaseConfig;
  searchPath?: string;
  close(): Promise<void>;
}

// Every test file gets a database of its own: a temporary SQLite file, or a fresh PostgreSQL schema
// when TEST_DATABASE_URL is set, so the same tests run on both and in parallel.
// Closing twice is allowed, so a test may close the database under a running app and still clean up.
function closeOnce(db: Db): Db {
  let closing: Promise<void> | undefined;
  const close = db.close;
  return { ...db, close: () => (closing ??= close()) };
}

export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseUrl) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const config: DatabaseConfig = { kind: 'postgres', url: testDatabaseUrl };
    const db = closeOnce(openDatabase(config, { searchPath: schema, poolSize: 5 }));
    await migrateToLatest(db);
    return {
      db,
      config,
      searchPath: schema,
      close: async () => {
        await db.close();
        const c = new pg.Client({ connectionString: testDatabaseUrl });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closeloop-test-'));
  const config: DatabaseConfig = { kind: 'sqlite', file: path.join(dir, 'test.db') };
  const db = closeOnce(openDatabase(config));
  await migrateToLatest(db);
  return {
    db,
    config,
    close: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
