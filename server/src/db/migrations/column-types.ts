import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

// Migrations take the dialect so one history serves both databases; only column types differ.
export type MigrationUp = (db: Kysely<any>, dialect: DialectName) => Promise<void>;

export function columnTypes(dialect: DialectName) {
  const pg = dialect === 'postgres';
  return {
    instant: pg ? sql`timestamptz` : sql`text`,
    id: (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()),
  };
}
