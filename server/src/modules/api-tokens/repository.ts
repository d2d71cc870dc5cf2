import type { Db } from '../../db/dialect.js';

export function createApiTokenRepository(db: Db) {
  const k = db.kysely;
  return {
    async insert(t: { name: string; tokenHash: string; prefix: string; scopes: string[]; createdBy: number; at: string }): Promise<number> {
      const r = await k
        .insertInto('api_tokens')
        .values({
          name: t.name,
          token_hash: t.tokenHash,
          prefix: t.prefix,
          scopes: JSON.stringify(t.scopes),
          created_by: t.createdBy,
          created_at: t.at,
          last_used_at: null,
          revoked_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    list: () => k.selectFrom('api_tokens').selectAll().orderBy('id', 'desc').limit(500).execute(),
    findByHash: (hash: string) =>
      k
        .selectFrom('api_tokens')
        .select(['id', 'name', 'scopes', 'revoked_at', 'last_used_at'])
        .where('token_hash', '=', hash)
        .executeTakeFirst(),
    async revoke(id: number, at: string): Promise<boolean> {
      const r = await k
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) > 0) return true;
      return (await k.selectFrom('api_tokens').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },
    touch: async (id: number, at: string) =>
      void (await k.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute()),
  };
}
export type ApiTokenRepository = ReturnType<typeof createApiTokenRepository>;
