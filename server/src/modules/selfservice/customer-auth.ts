import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { CustomerMe } from '../../../../contracts/selfservice.js';
import type { Clock } from '../../clock.js';
import { toIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import type { SmsOutbox } from '../sms/index.js';
import type { CustomerAuthRepository } from './customer-auth-repository.js';
import { createRateLimiter } from './rate-limit.js';

export const CODE_VALID_MS = 5 * 60_000;
const MAX_TRIES = 5;
const SESSION_MS = 2 * 3_600_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface CustomerSession {
  phone: string;
  csrfToken: string;
  expiresAt: string;
}

// Sign-in for customers with a one-time code by SMS. Every number gets the same answer, whether it has complaints or
// not, so the page cannot be used to learn who complained. Sends and tries are limited per number and per address.
export function createCustomerAuth(deps: { repo: CustomerAuthRepository; clock: Clock; smsOutbox: SmsOutbox }) {
  const { repo, clock } = deps;
  const sendEvery = createRateLimiter({ max: 1, windowMs: MINUTE });
  const sendsPerPhone = createRateLimiter({ max: 5, windowMs: HOUR });
  const sendsPerIp = createRateLimiter({ max: 20, windowMs: HOUR });
  const triesPerIp = createRateLimiter({ max: 30, windowMs: HOUR });
  const tooMany = () => new AppError(429, 'auth.too_many_attempts', 'Too many requests; wait a while and try again');
  const wrongCode = () =>
    new AppError(401, 'auth.invalid_code', 'The code is wrong or has expired; ask for a new one', { field: 'body.code' });

  return {
    async requestCode(phone: string, ip: string): Promise<{ expiresInSeconds: number }> {
      const now = clock.now();
      if (!sendEvery.take(phone, now.getTime()) || !sendsPerPhone.take(phone, now.getTime()) || !sendsPerIp.take(ip, now.getTime()))
        throw tooMany();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const salt = randomBytes(16).toString('hex');
      await repo.transaction(async (trx) => {
        await repo.replaceOtp(trx, {
          phone,
          codeHash: sha256(salt + code),
          salt,
          at: now.toISOString(),
          expiresAt: new Date(now.getTime() + CODE_VALID_MS).toISOString(),
        });
        await deps.smsOutbox.enqueue(trx, {
          phone,
          purpose: 'otp',
          text: `验证码 ${code}，5分钟内有效，请勿告诉他人。Your code is ${code}, valid for 5 minutes; do not share it.`,
        });
      });
      return { expiresInSeconds: CODE_VALID_MS / 1000 };
    },

    async signIn(phone: string, code: string, ip: string): Promise<{ token: string; me: CustomerMe }> {
      const now = clock.now();
      if (!triesPerIp.take(ip, now.getTime())) throw tooMany();
      const otp = await repo.findOtp(phone);
      if (!otp || new Date(toIso(otp.expires_at)).getTime() <= now.getTime()) throw wrongCode();
      if (otp.attempts >= MAX_TRIES || !(await repo.countTry(phone, otp.attempts))) throw tooMany();
      const ok = timingSafeEqual(Buffer.from(sha256(otp.salt + code)), Buffer.from(otp.code_hash));
      if (!ok) throw otp.attempts + 1 >= MAX_TRIES ? tooMany() : wrongCode();
      await repo.deleteOtp(phone);
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_MS).toISOString();
      await repo.insertSession({ tokenHash: sha256(token), phone, csrfToken, at: now.toISOString(), expiresAt });
      return { token, me: { phone, csrfToken, expiresAt } };
    },

    async authenticate(token: string): Promise<CustomerSession | undefined> {
      const s = await repo.findSession(sha256(token));
      if (!s) return undefined;
      const expiresAt = toIso(s.expires_at);
      if (new Date(expiresAt).getTime() <= clock.now().getTime()) return undefined;
      return { phone: s.phone, csrfToken: s.csrf_token, expiresAt };
    },

    async signOut(token: string) {
      await repo.deleteSession(sha256(token));
      await repo.deleteExpiredSessions(clock.now().toISOString());
    },
  };
}
export type CustomerAuth = ReturnType<typeof createCustomerAuth>;
