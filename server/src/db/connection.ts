import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import type { Db } from './dialect.js';
import { createGroupCommit } from './group-commit.js';
import type { Database } from './schema.js';

// int8 (COUNT, SUM) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(config: DatabaseConfig, options: { searchPath?: string; poolSize?: number } = {}): Db {
  if (config.kind === 'sqlite') return openSqlite(config.file);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.poolSize ?? 10,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', transaction: (fn) => kysely.transaction().execute(fn), close: () => kysely.destroy() };
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  // FULL: an acknowledged complaint survives a power cut, not only a process crash.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { kysely, dialect: 'sqlite', transaction: createGroupCommit(kysely), close: () => kysely.destroy() };
}

// Kysely prepares every query afresh; preparing costs more than running a small statement. The same SQL text
// always gets the same prepared statement. Safe: better-sqlite3 runs one statement at a time on this thread.
const STATEMENT_CACHE = 500;
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver) as unknown;
      return (source: string) => {
        let stmt = cache.get(source);
        if (!stmt) {
          if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
          stmt = prepare(source);
          cache.set(source, stmt);
        }
        return stmt;
      };
    },
  });
}

export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
