import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../../../contracts/roles.js';
import type { Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { Actor } from './actor.js';
import { decoyHash, verifyPassword } from './passwords.js';
import type { AuthRepository } from './repository.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Sliding expiry is written at most this often, so reading a ticket does not cost a write.
const TOUCH_EVERY_MS = 5 * 60_000;
// A signed-in request would otherwise read its session from the database every time. Sign-out and disabling
// clear this process's cache at once; another process notices within this long.
const SESSION_CACHE_MS = 30_000;
const SESSION_CACHE_SIZE = 10_000;
const MAX_FAILURES = 5;
const LOCKOUT_MS = 15 * 60_000;

export function createAuthService(deps: { repo: AuthRepository; clock: Clock; sessionIdleHours: number }) {
  const { repo, clock } = deps;
  const idleMs = deps.sessionIdleHours * 3_600_000;
  // per-process guess throttling; enough to stop a password spray against one account
  const failures = new Map<string, { count: number; since: number }>();
  const sessions = new Map<string, { actor: Actor; lastSeenAt: number; expiresAt: number; cachedAt: number }>();

  async function load(tokenHash: string, now: number) {
    const hit = sessions.get(tokenHash);
    if (hit && now - hit.cachedAt < SESSION_CACHE_MS) return hit;
    const s = await repo.findSession(tokenHash);
    if (!s || !s.isActive) {
      sessions.delete(tokenHash);
      return undefined;
    }
    const entry = {
      actor: {
        id: s.userId,
        username: s.username,
        displayName: s.displayName,
        role: s.role as Role,
        isSupervisor: s.isSupervisor,
        presence: s.presence as Actor['presence'],
        unit: s.unit,
        csrfToken: s.csrfToken,
      },
      lastSeenAt: new Date(s.lastSeenAt).getTime(),
      expiresAt: new Date(s.expiresAt).getTime(),
      cachedAt: now,
    };
    if (sessions.size >= SESSION_CACHE_SIZE) sessions.delete(sessions.keys().next().value!);
    sessions.set(tokenHash, entry);
    return entry;
  }

  function throttle(username: string) {
    const f = failures.get(username);
    const now = clock.now().getTime();
    if (f && f.count >= MAX_FAILURES && now - f.since < LOCKOUT_MS) {
      throw new AppError(429, 'auth.too_many_attempts', 'Too many failed sign-ins; try again in 15 minutes');
    }
    if (f && now - f.since >= LOCKOUT_MS) failures.delete(username);
  }

  function recordFailure(username: string) {
    const f = failures.get(username) ?? { count: 0, since: clock.now().getTime() };
    f.count += 1;
    failures.set(username, f);
  }

  return {
    async login(username: string, password: string): Promise<{ token: string; actor: Actor }> {
      throttle(username);
      const user = await repo.findUserForLogin(username);
      const ok = await verifyPassword(password, user?.password_hash ?? decoyHash);
      if (!user || !ok) {
        recordFailure(username);
        throw new AppError(401, 'auth.invalid_credentials', 'Wrong username or password');
      }
      if (user.is_active !== 1) throw new AppError(403, 'auth.account_inactive', 'This account is disabled');
      failures.delete(username);
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await repo.insertSession({
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken: randomBytes(24).toString('base64url'),
        now: now.toISOString(),
        expiresAt: new Date(now.getTime() + idleMs).toISOString(),
      });
      const actor = await this.authenticate(token);
      if (!actor) throw new AppError(500, 'server.internal', 'Session could not be created');
      return { token, actor };
    },

    async authenticate(token: string): Promise<Actor | undefined> {
      const tokenHash = hashToken(token);
      const now = clock.now().getTime();
      const entry = await load(tokenHash, now);
      if (!entry || entry.expiresAt <= now) return undefined;
      if (now - entry.lastSeenAt > TOUCH_EVERY_MS) {
        entry.lastSeenAt = now;
        entry.expiresAt = now + idleMs;
        await repo.touchSession(tokenHash, new Date(now).toISOString(), new Date(entry.expiresAt).toISOString());
      }
      return entry.actor;
    },

    async logout(token: string) {
      sessions.delete(hashToken(token));
      await repo.deleteSession(hashToken(token));
    },

    async endSessionsOf(userId: number) {
      for (const [key, e] of sessions) if (e.actor.id === userId) sessions.delete(key);
      await repo.deleteSessionsOfUser(userId);
    },

    /** Forget what this process remembers of a person's sessions (presence changed, say). */
    forget(userId: number) {
      for (const [key, e] of sessions) if (e.actor.id === userId) sessions.delete(key);
    },

    async purgeExpired() {
      await repo.deleteExpiredSessions(clock.now().toISOString());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
