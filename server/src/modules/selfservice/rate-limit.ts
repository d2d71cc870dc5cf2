// Sliding-window counters per key, in this process's memory (as the staff sign-in throttle). Several processes
// each allow the limit; the code's own five tries are counted in the database and hold across processes.
export function createRateLimiter(limits: { max: number; windowMs: number }) {
  const hits = new Map<string, number[]>();
  return {
    /** true and counted when under the limit; false (and not counted) when over it */
    take(key: string, now: number): boolean {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < limits.windowMs);
      if (recent.length >= limits.max) {
        hits.set(key, recent);
        return false;
      }
      recent.push(now);
      hits.set(key, recent);
      if (hits.size > 50_000) hits.delete(hits.keys().next().value!);
      return true;
    },
  };
}
