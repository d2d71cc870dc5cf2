import { createHash, randomBytes } from 'node:crypto';
import type { ApiToken, CreateApiTokenBody, IssuedApiToken } from '../../../../contracts/api-tokens.js';
import type { Clock } from '../../clock.js';
import { toIso, toIsoOrNull } from '../../db/dialect.js';
import { notFound } from '../../errors.js';
import type { Actor, TokenCaller } from '../auth/index.js';
import type { ApiTokenRepository } from './repository.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
// A token is looked up on every IVR call: kept a short while in memory; revoking clears this process's copy at once.
const CACHE_MS = 30_000;
// last use is written at most this often, so a busy IVR does not write on every call
const TOUCH_EVERY_MS = 5 * 60_000;

// Tokens for systems: random, shown once, only their SHA-256 stored (a 256-bit random secret needs no slow hash).
export function createApiTokenService(deps: { repo: ApiTokenRepository; clock: Clock }) {
  const { repo, clock } = deps;
  const cache = new Map<string, { caller: TokenCaller | undefined; at: number; touchedAt: number }>();

  return {
    async issue(actor: Actor, body: CreateApiTokenBody): Promise<IssuedApiToken> {
      const token = `clt_${randomBytes(32).toString('base64url')}`;
      const id = await repo.insert({
        name: body.name,
        tokenHash: hashOf(token),
        prefix: token.slice(0, 10),
        scopes: body.scopes,
        createdBy: actor.id,
        at: clock.now().toISOString(),
      });
      return { id, token, name: body.name, scopes: body.scopes };
    },

    async list(): Promise<{ items: ApiToken[] }> {
      const rows = await repo.list();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          prefix: r.prefix,
          scopes: JSON.parse(r.scopes) as string[],
          createdAt: toIso(r.created_at),
          lastUsedAt: toIsoOrNull(r.last_used_at),
          revokedAt: toIsoOrNull(r.revoked_at),
        })),
      };
    },

    async revoke(id: number): Promise<void> {
      if (!(await repo.revoke(id, clock.now().toISOString()))) throw notFound('api_token.not_found', `No API token ${id}`);
      cache.clear();
    },

    async authenticate(token: string): Promise<TokenCaller | undefined> {
      const hash = hashOf(token);
      const now = clock.now().getTime();
      const hit = cache.get(hash);
      if (hit && now - hit.at < CACHE_MS) {
        if (hit.caller && now - hit.touchedAt >= TOUCH_EVERY_MS) {
          hit.touchedAt = now;
          await repo.touch(hit.caller.id, new Date(now).toISOString());
        }
        return hit.caller;
      }
      const r = await repo.findByHash(hash);
      const caller = r && r.revoked_at === null ? { id: r.id, name: r.name, scopes: JSON.parse(r.scopes) as string[] } : undefined;
      const lastUsed = r?.last_used_at ? new Date(toIso(r.last_used_at)).getTime() : 0;
      if (caller && now - lastUsed >= TOUCH_EVERY_MS) await repo.touch(caller.id, new Date(now).toISOString());
      if (cache.size > 1000) cache.clear();
      cache.set(hash, { caller, at: now, touchedAt: caller ? now : 0 });
      return caller;
    },
  };
}
export type ApiTokenService = ReturnType<typeof createApiTokenService>;
