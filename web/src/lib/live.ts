import { useEffect, useRef } from 'react';
import { LiveEventTypes, type LiveEvent, type LiveEventType } from '../../../contracts/live.js';

// The server's live stream (GET /api/v1/live): one EventSource per browser tab, however many pages listen, open while
// anyone listens. The server sends only what this user may see.

export const liveEventTypes = LiveEventTypes;
export type { LiveEvent, LiveEventType };

interface Listener {
  onEvent(e: LiveEvent): void;
  /** events may have been missed while the stream was down */
  onReconnect(): void;
}

export function parseLiveEvent(type: LiveEventType, data: string): LiveEvent | null {
  try {
    const value = JSON.parse(data) as Partial<LiveEvent>;
    return typeof value.ticketId === 'number' ? ({ ...value, type } as LiveEvent) : null;
  } catch {
    return null;
  }
}

const FIRST_RETRY_MS = 3_000;
const LAST_RETRY_MS = 60_000;
const listeners = new Set<Listener>();
let source: EventSource | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryMs = FIRST_RETRY_MS;
let wasDown = false;

function connect() {
  if (typeof EventSource === 'undefined') return;
  const es = new EventSource('/api/v1/live');
  source = es;
  es.onopen = () => {
    retryMs = FIRST_RETRY_MS;
    if (wasDown) listeners.forEach((l) => l.onReconnect());
    wasDown = false;
  };
  es.onerror = () => {
    wasDown = true;
    // after a dropped connection the browser retries by itself; after a refusal (401, a proxy's 502) it gives up
    if (es.readyState !== EventSource.CLOSED) return;
    es.close();
    source = null;
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  };
  for (const type of liveEventTypes) {
    es.addEventListener(type, (message: MessageEvent<string>) => {
      const event = parseLiveEvent(type, message.data);
      if (event) listeners.forEach((l) => l.onEvent(event));
    });
  }
}

function disconnect() {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  source?.close();
  source = null;
  wasDown = false;
  retryMs = FIRST_RETRY_MS;
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!source && retryTimer === undefined) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) disconnect();
  };
}

/** Calls `onEvent` for every live event while the component is mounted. */
export function useLiveEvents(onEvent: (e: LiveEvent) => void, onReconnect?: () => void): void {
  const latest = useRef({ onEvent, onReconnect });
  useEffect(() => {
    latest.current = { onEvent, onReconnect };
  });
  useEffect(
    () =>
      subscribe({
        onEvent: (e) => latest.current.onEvent(e),
        onReconnect: () => latest.current.onReconnect?.(),
      }),
    [],
  );
}

/**
 * Runs `fn` once, `delayMs` after the first of a burst of calls: a busy centre's stream of changes becomes one
 * refetch per window, and a steady stream still refetches (a plain debounce would wait for a pause that never comes).
 */
export function coalesce(fn: () => void, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      timer ??= setTimeout(() => {
        timer = undefined;
        fn();
      }, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Refetches what a page shows when a live event concerns it, and after the stream comes back. */
export function useLiveRefresh(refresh: () => unknown, concerns: (e: LiveEvent) => boolean, delayMs = 1000): void {
  const latest = useRef({ refresh, concerns });
  useEffect(() => {
    latest.current = { refresh, concerns };
  });
  const pending = useRef<ReturnType<typeof coalesce> | null>(null);
  useEffect(() => {
    const c = coalesce(() => void latest.current.refresh(), delayMs);
    pending.current = c;
    return () => c.cancel();
  }, [delayMs]);
  useLiveEvents(
    (e) => {
      if (latest.current.concerns(e)) pending.current?.schedule();
    },
    () => pending.current?.schedule(),
  );
}
