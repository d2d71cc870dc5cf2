import type { Transaction } from 'kysely';
import type { Db } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';

// Sign-in codes and customer sessions: apart from staff sessions, so a customer cookie is never a staff login.
export function createCustomerAuthRepository(db: Db) {
  const k = db.kysely;
  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    async replaceOtp(trx: Transaction<Database>, o: { phone: string; codeHash: string; salt: string; at: string; expiresAt: string }) {
      await trx.deleteFrom('customer_otps').where('phone', '=', o.phone).execute();
      await trx
        .insertInto('customer_otps')
        .values({ phone: o.phone, code_hash: o.codeHash, salt: o.salt, attempts: 0, created_at: o.at, expires_at: o.expiresAt })
        .execute();
    },
    findOtp: (phone: string) => k.selectFrom('customer_otps').selectAll().where('phone', '=', phone).executeTakeFirst(),
    // counted before the code is compared, so parallel guesses cannot all slip in under the limit
    async countTry(phone: string, attemptsSeen: number): Promise<boolean> {
      const r = await k
        .updateTable('customer_otps')
        .set({ attempts: attemptsSeen + 1 })
        .where('phone', '=', phone)
        .where('attempts', '=', attemptsSeen)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    deleteOtp: async (phone: string) => void (await k.deleteFrom('customer_otps').where('phone', '=', phone).execute()),

    async insertSession(s: { tokenHash: string; phone: string; csrfToken: string; at: string; expiresAt: string }) {
      await k
        .insertInto('customer_sessions')
        .values({ token_hash: s.tokenHash, phone: s.phone, csrf_token: s.csrfToken, created_at: s.at, expires_at: s.expiresAt })
        .execute();
    },
    findSession: (tokenHash: string) =>
      k.selectFrom('customer_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst(),
    deleteSession: async (tokenHash: string) =>
      void (await k.deleteFrom('customer_sessions').where('token_hash', '=', tokenHash).execute()),
    deleteExpiredSessions: async (now: string) => void (await k.deleteFrom('customer_sessions').where('expires_at', '<', now).execute()),
  };
}
export type CustomerAuthRepository = ReturnType<typeof createCustomerAuthRepository>;
