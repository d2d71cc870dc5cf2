import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { Database } from './schema.js';

// The few places where SQLite and PostgreSQL differ, named, so repositories never branch inline.
export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /**
   * Runs `fn` in a transaction and answers after it committed. Use this, not `kysely.transaction()`: on SQLite the
   * transactions waiting at one moment share one COMMIT (group commit, db/group-commit.ts).
   */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// SQLite hands back the ISO text we stored; only other shapes need parsing.
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const toIso = (v: string | Date): string =>
  v instanceof Date ? v.toISOString() : CANONICAL.test(v) ? v : new Date(v).toISOString();
export const toIsoOrNull = (v: string | Date | null | undefined): string | null => (v == null ? null : toIso(v));
export const flag = (v: boolean): number => (v ? 1 : 0);
export const isSet = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;

// COUNT(*) comes back as a string (bigint) from pg and a number from SQLite.
export const count = (v: string | number | bigint | null | undefined): number => Number(v ?? 0);

// Claiming work several processes may reach at once: on PostgreSQL lock the rows and skip those another process
// holds; SQLite serialises writers on its one connection and has no row locks.
export function claimRows<DB, TB extends keyof DB, O>(dialect: DialectName, q: SelectQueryBuilder<DB, TB, O>) {
  return dialect === 'postgres' ? q.forUpdate().skipLocked() : q;
}

// Reading a row that must not change until commit while others read it too: FOR SHARE on PostgreSQL (a writer waits
// for the readers, the readers do not wait for each other); SQLite serialises writers on its one connection.
export function shareRows<DB, TB extends keyof DB, O>(dialect: DialectName, q: SelectQueryBuilder<DB, TB, O>) {
  return dialect === 'postgres' ? q.forShare() : q;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

// Case-insensitive substring match: ILIKE on PostgreSQL; SQLite's LIKE already ignores ASCII case.
export const likeOperator = (dialect: DialectName) => (dialect === 'postgres' ? 'ilike' : 'like');

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Counters added into rows keyed by `keys`: a missing row is inserted, an existing one gets each counter added
 * (`insert … on conflict (keys) do update set c = t.c + excluded.c`). Both databases take the same statement; only
 * the placeholders differ. Answers the SQL for `rows` rows; bind the values row by row, keys then counters.
 */
export function upsertAddingSql(dialect: DialectName, table: string, keys: readonly string[], counters: readonly string[], rows: number) {
  const width = keys.length + counters.length;
  let n = 0;
  const placeholder = () => (dialect === 'postgres' ? `$${++n}` : (n++, '?'));
  const tuples = Array.from({ length: rows }, () => `(${Array.from({ length: width }, placeholder).join(', ')})`);
  return (
    `insert into ${table} (${[...keys, ...counters].join(', ')}) values ${tuples.join(', ')} ` +
    `on conflict (${keys.join(', ')}) do update set ${counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`
  );
}

/**
 * Serialises the transactions that take the same key until they end: pg_advisory_xact_lock on PostgreSQL (taken
 * again by its holder at no cost); nothing on SQLite, whose one writer is serialised already.
 */
export async function lockUntilCommit(dialect: DialectName, trx: Transaction<Database>, key: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}
