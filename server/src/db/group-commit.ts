import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export type TransactionFn<T> = (trx: Transaction<Database>) => Promise<T>;

interface Waiting {
  fn: TransactionFn<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** at most this many callers share one commit, so the first of them never waits long for the rest */
const MAX_BATCH = 32;

// Group commit for the embedded database. With synchronous=FULL every COMMIT waits for an fsync, and on one
// connection the transactions of concurrent requests queue for it one after another: the disk, not the CPU, sets
// the pace. Here the transactions that are waiting at the same moment run one after another inside ONE database
// transaction, each in a savepoint of its own, and share its COMMIT. Each caller is answered only after that COMMIT
// has returned, so an acknowledged write is as durable as before; a caller whose work fails is rolled back to its
// savepoint alone and gets its own error; if the COMMIT itself fails, every caller in the batch gets that error.
// The caller's function sees the same rows a transaction of its own would: the batch holds the one connection, so no
// reader outside sees uncommitted work, and a savepoint rolled back leaves nothing for the next caller to see.
export function createGroupCommit(kysely: Kysely<Database>) {
  const queue: Waiting[] = [];
  let draining = false;
  const counts = { commits: 0, callers: 0 };

  async function runBatch(conn: Kysely<Database>, batch: Waiting[]) {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    await sql`begin`.execute(conn);
    try {
      for (const w of batch) {
        await sql`savepoint caller`.execute(conn);
        try {
          // the connection-bound Kysely does everything a transaction does except start another one
          const value = await w.fn(conn as Transaction<Database>);
          await sql`release caller`.execute(conn);
          outcomes.push({ ok: true, value });
        } catch (err) {
          await sql`rollback to caller`.execute(conn);
          await sql`release caller`.execute(conn);
          outcomes.push({ ok: false, value: err });
        }
      }
      await sql`commit`.execute(conn);
      counts.commits += 1;
      counts.callers += batch.length;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => (outcomes[i]!.ok ? w.resolve(outcomes[i]!.value) : w.reject(outcomes[i]!.value)));
  }

  async function drain() {
    draining = true;
    try {
      while (queue.length > 0) {
        // one turn of the event loop first: requests that arrived meanwhile reach their transaction and join this batch
        await new Promise<void>((resolve) => setImmediate(resolve));
        await kysely
          .connection()
          .execute(async (conn) => {
            while (queue.length > 0) await runBatch(conn, queue.splice(0, MAX_BATCH));
          })
          .catch((err: unknown) => {
            // no connection (the database is closing): nobody waiting may hang
            for (const w of queue.splice(0)) w.reject(err);
          });
      }
    } finally {
      draining = false;
    }
  }

  function transaction<T>(fn: TransactionFn<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ fn: fn as TransactionFn<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (!draining) void drain();
    });
  }
  /** how many COMMITs served how many callers so far: the batching the disk was spared */
  return Object.assign(transaction, { counts: counts as Readonly<typeof counts> });
}
