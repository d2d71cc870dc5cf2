import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { hashPassword } from '../auth/index.js';
import type { OrgRepository } from './repository.js';

// A production database starts empty: someone must be able to sign in and build the organisation.
export async function ensureFirstAdmin(
  repo: OrgRepository,
  clock: Clock,
  password: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await repo.countUsers()) > 0) return { created: false };
  const secret = password ?? randomBytes(12).toString('base64url');
  const now = clock.now().toISOString();
  await repo.transaction(async (trx) => {
    const unitId = await repo.insertUnit(trx, { code: 'ORG', name: '本公司', nameEn: 'Our company', kind: 'company', parentId: null, now });
    await repo.insertUser(trx, {
      username: 'admin',
      displayName: '系统管理员',
      role: 'admin',
      unitId,
      passwordHash: await hashPassword(secret),
      now,
    });
  });
  return { created: true, ...(password ? {} : { generatedPassword: secret }) };
}
