import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './dialect.js';
import { migrations } from './migrations/index.js';

// Migrations are listed in code, not read from a folder, so the built server carries them.
export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (k) => m.up(k, db.dialect) }])),
  };
  // Kysely looks for its bookkeeping tables in every schema it can see; on PostgreSQL name ours, or another schema's
  // tables (another test run's, another deployment's in the same database) would pass for this one's
  const migrationTableSchema =
    db.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.kysely)).rows[0]!.s : undefined;
  const migrator = new Migrator({ db: db.kysely, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
