import type { ContactRow } from './repository.js';

// The count of self-service queries, written in batches: a lookup only queues its row, and the queue is stored at
// most once a second (or at once when it grows large), in one insert. On SQLite a commit waits for the disk and
// holds the only connection, so one insert per lookup would make every IVR caller wait for an fsync; a crash loses
// at most the last second's counts, never an answer. `settled()` stores what is queued now (shutdown, tests).
export function createContactLog(insert: (rows: ContactRow[]) => Promise<void>, options: { flushMs?: number; batchSize?: number } = {}) {
  const flushMs = options.flushMs ?? 1000;
  const batchSize = options.batchSize ?? 1000;
  let queue: { row: ContactRow; done: (err?: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    running = running.then(async () => {
      while (queue.length > 0) {
        const batch = queue.slice(0, batchSize);
        queue = queue.slice(batch.length);
        try {
          await insert(batch.map((b) => b.row));
          batch.forEach((b) => b.done());
        } catch (err) {
          batch.forEach((b) => b.done(err));
        }
      }
    });
    return running;
  }

  return {
    /** resolves when this row is stored (or rejects when storing it failed) */
    record(row: ContactRow): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ row, done: (err) => (err ? reject(err) : resolve()) });
        if (queue.length >= batchSize) void flush();
        else if (!timer) {
          timer = setTimeout(() => void flush(), flushMs);
          timer.unref();
        }
      });
    },
    settled: () => flush(),
  };
}
