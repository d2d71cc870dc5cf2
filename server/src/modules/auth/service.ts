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
const MAX_FAILURES = 5;
const LOCKOUT_MS = 15 * 60_000;

export function createAuthService(deps: { repo: AuthRepository; clock: Clock; sessionIdleHours: number }) {
  const { repo, clock } = deps;
  const idleMs = deps.sessionIdleHours * 3_600_000;
  // per-process guess throttling; enough to stop a password spray against one account
  const failures = new Map<string, { count: number; since: number }>();

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
      const s = await repo.findSession(tokenHash);
      const now = clock.now();
      if (!s || !s.isActive || new Date(s.expiresAt) <= now) return undefined;
      if (now.getTime() - new Date(s.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
        await repo.touchSession(tokenHash, now.toISOString(), new Date(now.getTime() + idleMs).toISOString());
      }
      return {
        id: s.userId,
        username: s.username,
        displayName: s.displayName,
        role: s.role as Role,
        isSupervisor: s.isSupervisor,
        presence: s.presence as Actor['presence'],
        unit: s.unit,
        csrfToken: s.csrfToken,
      };
    },

    async logout(token: string) {
      await repo.deleteSession(hashToken(token));
    },

    async endSessionsOf(userId: number) {
      await repo.deleteSessionsOfUser(userId);
    },

    async purgeExpired() {
      await repo.deleteExpiredSessions(clock.now().toISOString());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
