import { sql } from 'kysely';
import type { MigrationUp } from './column-types.js';

// A ticket's revision: it changes with every UPDATE of the row, whoever writes it. `version` is the optimistic lock
// the user sees and bookkeeping (the sweep's next instant, the assignment check) deliberately leaves it alone; a
// cached representation of the ticket must not, so the database itself counts every change.
export const up: MigrationUp = async (db, dialect) => {
  await db.schema
    .alterTable('tickets')
    .addColumn('row_rev', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  if (dialect === 'postgres') {
    await sql`create function tickets_count_revision() returns trigger language plpgsql as $$
      begin new.row_rev := old.row_rev + 1; return new; end $$`.execute(db);
    await sql`create trigger tickets_revision before update on tickets
      for each row execute function tickets_count_revision()`.execute(db);
  } else {
    // SQLite triggers cannot change NEW; a second write of the one column, skipped when the writer set it itself
    await sql`create trigger tickets_revision after update on tickets for each row when new.row_rev = old.row_rev
      begin update tickets set row_rev = old.row_rev + 1 where id = new.id; end`.execute(db);
  }
};
