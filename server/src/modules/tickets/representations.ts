import type { Clock } from '../../clock.js';

interface Representation {
  rev: number;
  storedAt: number;
  etag: string;
  body: string;
}

// A ticket's serialised view for one reader, reused while the row is unchanged. Reading a ticket is the commonest
// request (every workbench refreshes the tickets a live event names; agents reopen the one on the line), and the
// answer is a join of eight tables turned into 1.5 KB of JSON. The row's revision, which the database changes on every
// UPDATE (migration 0011), says whether the stored answer is still the ticket's; names joined from other tables
// (a unit renamed, a customer's name) may lag by at most the time-to-live, like the reference caches.
export function createRepresentationCache(clock: Clock, { maxEntries = 20_000, ttlMs = 10_000 } = {}) {
  const entries = new Map<string, Representation>();
  return {
    get(key: string, rev: number): Representation | undefined {
      const r = entries.get(key);
      if (!r) return undefined;
      if (r.rev === rev && clock.now().getTime() - r.storedAt <= ttlMs) return r;
      entries.delete(key);
      return undefined;
    },
    set(key: string, rev: number, etag: string, body: string) {
      // oldest first out: a Map iterates in insertion order
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, { rev, storedAt: clock.now().getTime(), etag, body });
    },
  };
}
export type RepresentationCache = ReturnType<typeof createRepresentationCache>;
