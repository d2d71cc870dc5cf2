import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from './schema.js';

// The few places where SQLite and PostgreSQL differ, named, so repositories never branch inline.
export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
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

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

// Case-insensitive substring match: ILIKE on PostgreSQL; SQLite's LIKE already ignores ASCII case.
export const likeOperator = (dialect: DialectName) => (dialect === 'postgres' ? 'ilike' : 'like');

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
