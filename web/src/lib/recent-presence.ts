import type { Me } from '../../../contracts/auth.js';
import { presences, type Presence } from './vocabulary';

// The server keeps a signed-in session for up to 30 s, so /me may still show the presence from before a change the
// user just made. The answer to that change is the truth: this tab keeps it for as long, and lays it over /me.
const STORAGE_KEY = 'closeloop.presence';
const SESSION_CACHE_MS = 35_000;

interface Remembered {
  userId: number;
  presence: Presence;
  at: number;
}

const isRemembered = (v: unknown): v is Remembered => {
  const r = v as Partial<Remembered> | null;
  return typeof r?.userId === 'number' && typeof r.at === 'number' && presences.includes(r.presence as Presence);
};

/** /me, with the presence this user set moments ago if the server may not show it yet. */
export function withRecentPresence(me: Me, remembered: unknown, now: number): Me {
  if (!isRemembered(remembered) || remembered.userId !== me.id || now - remembered.at > SESSION_CACHE_MS) return me;
  return { ...me, presence: remembered.presence };
}

export function rememberPresence(userId: number, presence: Presence, now: number): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ userId, presence, at: now } satisfies Remembered));
  } catch {
    // storage refused (private browsing): a reload within half a minute may show the old presence
  }
}

export function recalledPresence(): unknown {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
  } catch {
    return null;
  }
}
