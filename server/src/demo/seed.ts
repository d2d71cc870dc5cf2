import type { Db } from '../db/dialect.js';
import { hashPassword } from '../modules/auth/index.js';
import { demoCategories } from './categories.js';
import { demoCustomers } from './customers.js';
import { DEMO_PASSWORD, demoUnits, demoUsers } from './organisation.js';

const DEMO_MARK = 'demo_seeded_at';

export async function isDemoSeeded(db: Db): Promise<boolean> {
  return !!(await db.kysely.selectFrom('system_settings').select('value').where('key', '=', DEMO_MARK).executeTakeFirst());
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return !!(await db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

// Loads the demo organisation into an empty database, in one transaction: all of it or none.
export async function seedDemo(db: Db, now: Date): Promise<void> {
  const at = now.toISOString();
  // one hash for all demo accounts: they share the published demo password anyway
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (trx) => {
    const unitIds = new Map<string, number>();
    for (const u of demoUnits) {
      const row = await trx
        .insertInto('org_units')
        .values({
          code: u.code,
          name: u.name,
          name_en: u.nameEn,
          kind: u.kind,
          parent_id: u.parent ? unitIds.get(u.parent)! : null,
          is_active: 1,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(u.code, row.id);
    }
    for (const u of demoUsers) {
      await trx
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          role: u.role,
          unit_id: unitIds.get(u.unit)!,
          password_hash: passwordHash,
          is_active: 1,
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (const c of demoCategories) {
      await trx
        .insertInto('categories')
        .values({
          code: c.code,
          parent_code: null,
          level: 1,
          name_zh: c.nameZh,
          name_en: c.nameEn,
          regulator_class: c.regulatorClass,
          is_active: 1,
          sort_order: Number(c.code),
          version: 1,
        })
        .execute();
      await trx
        .insertInto('routing_rules')
        .values({ category_code: c.code, unit_id: unitIds.get(c.unit)!, version: 1, updated_at: at })
        .execute();
      for (const [code, nameZh, nameEn] of c.children) {
        await trx
          .insertInto('categories')
          .values({
            code,
            parent_code: c.code,
            level: 2,
            name_zh: nameZh,
            name_en: nameEn,
            regulator_class: c.regulatorClass,
            is_active: 1,
            sort_order: Number(code),
            version: 1,
          })
          .execute();
      }
    }
    const customers = demoCustomers();
    for (let i = 0; i < customers.length; i += 100) {
      await trx
        .insertInto('customers')
        .values(
          customers.slice(i, i + 100).map((c) => ({
            phone: c.phone,
            name: c.name,
            level: c.level,
            credit_level: c.creditLevel,
            home_area: c.homeArea,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
    await trx.insertInto('system_settings').values({ key: DEMO_MARK, value: at, updated_at: at }).execute();
  });
}

export { DEMO_PASSWORD, demoUsers };
