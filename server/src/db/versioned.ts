import type { Kysely, Updateable } from 'kysely';
import type { Database } from './schema.js';

/** The tables whose rows carry an `id` and an optimistic-lock `version`. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; version: unknown } ? T : never;
}[keyof Database];

/**
 * Applies `patch` to row `id` only if it still has the `version` the caller read, and bumps the version: a stale
 * edit changes nothing and the caller answers 412. True when the row was changed.
 */
export async function updateVersioned<T extends VersionedTable>(
  conn: Kysely<Database>,
  table: T,
  id: number,
  version: number,
  patch: Updateable<Database[T]>,
): Promise<boolean> {
  // Kysely cannot type a table chosen at run time; every versioned table has the two columns used here, so one
  // stands for all (the signature above keeps callers exact)
  const r = await conn
    .updateTable(table as 'calendars')
    .set({ ...(patch as Updateable<Database['calendars']>), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
