import type { Clock } from './clock.js';

// Categories, routing, policies and calendars change a few times a month and are read by every complaint.
// They are kept in memory for a few seconds; an administrator's change clears this process's copy at once,
// and other processes pick it up when theirs expires.
export interface ReferenceCache {
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(): void;
}

export function createReferenceCache(clock: Clock, ttlMs = 10_000): ReferenceCache {
  const entries = new Map<string, { value: Promise<unknown>; at: number }>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const now = clock.now().getTime();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
      const value = load();
      entries.set(key, { value, at: now });
      value.catch(() => entries.delete(key));
      return value;
    },
    invalidate: () => entries.clear(),
  };
}

/** For tests and tools that want every read fresh. */
export const noReferenceCache: ReferenceCache = { get: (_key, load) => load(), invalidate: () => {} };
