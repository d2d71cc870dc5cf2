import pg from 'pg';
import type { LiveEvent as VisibleLiveEvent } from '../../../../contracts/live.js';

// Changes worth telling a browser about at once. Each carries whom it concerns, so the stream filters per user;
// those two lists never leave the server.
export interface LiveEvent extends VisibleLiveEvent {
  unitIds: number[];
  userIds: number[];
}

export interface LiveBus {
  publish(events: LiveEvent[]): void;
  subscribe(listener: (e: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process: events go straight to the listeners. */
export function createMemoryBus(): LiveBus {
  const listeners = new Set<(e: LiveEvent) => void>();
  return {
    publish: (events) => events.forEach((e) => listeners.forEach((l) => l(e))),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => listeners.clear(),
  };
}

// NOTIFY carries at most 8000 bytes; an event is far smaller, a batch is split into one NOTIFY each.
const NOTIFY_LIMIT = 7900;

/**
 * Several processes on one PostgreSQL: every event goes through NOTIFY, and every process (the sender too)
 * hears it through LISTEN and hands it to its own browsers.
 */
export async function createPostgresBus(options: {
  url: string;
  channel: string;
  log?: { warn: (o: object, m: string) => void };
}): Promise<LiveBus> {
  const listeners = new Set<(e: LiveEvent) => void>();
  const listener = new pg.Client({ connectionString: options.url });
  const sender = new pg.Pool({ connectionString: options.url, max: 2 });
  await listener.connect();
  listener.on('notification', (msg) => {
    if (msg.channel !== options.channel || !msg.payload) return;
    const e = JSON.parse(msg.payload) as LiveEvent;
    listeners.forEach((l) => l(e));
  });
  await listener.query(`listen "${options.channel}"`);
  return {
    publish(events) {
      for (const e of events) {
        const payload = JSON.stringify(e);
        if (payload.length > NOTIFY_LIMIT) continue;
        sender
          .query('select pg_notify($1, $2)', [options.channel, payload])
          .catch((err: unknown) => options.log?.warn({ err }, 'live event not sent'));
      }
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async close() {
      listeners.clear();
      await listener.end();
      await sender.end();
    },
  };
}
