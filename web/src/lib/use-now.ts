import { useSyncExternalStore } from 'react';

// One timer for the whole page, however many clocks are on it: every subscriber re-renders once a minute.
const TICK_MS = 60_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Re-renders the component every minute; read Date.now() in the render, so that a render for fresh data is exact too. */
export function useMinuteTick(): void {
  useSyncExternalStore(subscribe, () => now);
}
