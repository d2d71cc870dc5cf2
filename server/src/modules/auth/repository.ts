import type { Db } from '../../db/dialect.js';
import { toIso } from '../../db/dialect.js';

export interface SessionRow {
  userId: number;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
  username: string;
  displayName: string;
  role: string;
  isSupervisor: boolean;
  presence: string;
  isActive: boolean;
  unit: { id: number; code: string; name: string; nameEn: string };
}

export function createAuthRepository(db: Db) {
  const k = db.kysely;
  return {
    async findUserForLogin(username: string) {
      return k.selectFrom('users').select(['id', 'password_hash', 'is_active']).where('username', '=', username).executeTakeFirst();
    },

    async insertSession(row: { tokenHash: string; userId: number; csrfToken: string; now: string; expiresAt: string }) {
      await k
        .insertInto('sessions')
        .values({
          token_hash: row.tokenHash,
          user_id: row.userId,
          csrf_token: row.csrfToken,
          created_at: row.now,
          last_seen_at: row.now,
          expires_at: row.expiresAt,
        })
        .execute();
    },

    async findSession(tokenHash: string): Promise<SessionRow | undefined> {
      const row = await k
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .innerJoin('org_units as o', 'o.id', 'u.unit_id')
        .select([
          's.user_id',
          's.csrf_token',
          's.last_seen_at',
          's.expires_at',
          'u.username',
          'u.display_name',
          'u.role',
          'u.is_supervisor',
          'u.presence',
          'u.is_active',
          'o.id as unit_id',
          'o.code as unit_code',
          'o.name as unit_name',
          'o.name_en as unit_name_en',
        ])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        userId: row.user_id,
        csrfToken: row.csrf_token,
        lastSeenAt: toIso(row.last_seen_at),
        expiresAt: toIso(row.expires_at),
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        isSupervisor: row.is_supervisor === 1,
        presence: row.presence,
        isActive: row.is_active === 1,
        unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, nameEn: row.unit_name_en },
      };
    },

    async touchSession(tokenHash: string, now: string, expiresAt: string) {
      await k.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
    },

    async deleteSession(tokenHash: string) {
      await k.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteExpiredSessions(now: string) {
      await k.deleteFrom('sessions').where('expires_at', '<', now).execute();
    },

    async deleteSessionsOfUser(userId: number) {
      await k.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
