import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './dialect.js';
import { migrations } from './migrations/index.js';

// Migrations are listed in code, not read from a folder, so the built server carries them.
export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (k) => m.up(k, db.dialect) }])),
  };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
