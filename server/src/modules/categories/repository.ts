import type { Db } from '../../db/dialect.js';
import { count } from '../../db/dialect.js';

export interface CategoryRow {
  code: string;
  parentCode: string | null;
  level: number;
  nameZh: string;
  nameEn: string;
  regulatorClass: string;
  isActive: boolean;
  sortOrder: number;
  version: number;
}

export interface RouteRow {
  categoryCode: string;
  unit: { id: number; code: string; name: string; nameEn: string };
  version: number;
}

export function createCategoryRepository(db: Db) {
  const k = db.kysely;
  const toCategory = (r: {
    code: string;
    parent_code: string | null;
    level: number;
    name_zh: string;
    name_en: string;
    regulator_class: string;
    is_active: number;
    sort_order: number;
    version: number;
  }): CategoryRow => ({
    code: r.code,
    parentCode: r.parent_code,
    level: r.level,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    regulatorClass: r.regulator_class,
    isActive: r.is_active === 1,
    sortOrder: r.sort_order,
    version: r.version,
  });
  const routeQuery = () =>
    k
      .selectFrom('routing_rules as r')
      .innerJoin('org_units as u', 'u.id', 'r.unit_id')
      .select(['r.category_code', 'r.version', 'u.id', 'u.code', 'u.name', 'u.name_en']);
  const toRoute = (r: { category_code: string; version: number; id: number; code: string; name: string; name_en: string }): RouteRow => ({
    categoryCode: r.category_code,
    version: r.version,
    unit: { id: r.id, code: r.code, name: r.name, nameEn: r.name_en },
  });

  return {
    async listCategories(): Promise<CategoryRow[]> {
      return (await k.selectFrom('categories').selectAll().orderBy('code').execute()).map(toCategory);
    },
    async findCategories(codes: string[]): Promise<CategoryRow[]> {
      if (codes.length === 0) return [];
      return (await k.selectFrom('categories').selectAll().where('code', 'in', codes).execute()).map(toCategory);
    },
    async countChildren(code: string): Promise<number> {
      const r = await k
        .selectFrom('categories')
        .select((e) => e.fn.countAll().as('n'))
        .where('parent_code', '=', code)
        .executeTakeFirstOrThrow();
      return count(r.n);
    },
    async countTickets(code: string): Promise<number> {
      const r = await k
        .selectFrom('tickets')
        .select((e) => e.fn.countAll().as('n'))
        .where('category_code', '=', code)
        .executeTakeFirstOrThrow();
      return count(r.n);
    },
    async insertCategory(row: Omit<CategoryRow, 'version' | 'isActive'>) {
      await k
        .insertInto('categories')
        .values({
          code: row.code,
          parent_code: row.parentCode,
          level: row.level,
          name_zh: row.nameZh,
          name_en: row.nameEn,
          regulator_class: row.regulatorClass,
          sort_order: row.sortOrder,
          is_active: 1,
          version: 1,
        })
        .execute();
    },
    async updateCategory(
      code: string,
      version: number,
      patch: Partial<{ name_zh: string; name_en: string; regulator_class: string; is_active: number }>,
    ): Promise<boolean> {
      const r = await k
        .updateTable('categories')
        .set({ ...patch, version: version + 1 })
        .where('code', '=', code)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    // a first level's appeal class is its children's too
    async setChildrenRegulatorClass(parentCode: string, regulatorClass: string) {
      await k.updateTable('categories').set({ regulator_class: regulatorClass }).where('parent_code', '=', parentCode).execute();
    },
    async deleteCategory(code: string) {
      await db.transaction(async (trx) => {
        await trx.deleteFrom('routing_rules').where('category_code', '=', code).execute();
        await trx.deleteFrom('categories').where('code', '=', code).execute();
      });
    },

    async listRoutes(): Promise<RouteRow[]> {
      return (await routeQuery().orderBy('r.category_code').execute()).map(toRoute);
    },
    async findRoutes(codes: string[]): Promise<RouteRow[]> {
      if (codes.length === 0) return [];
      return (await routeQuery().where('r.category_code', 'in', codes).execute()).map(toRoute);
    },
    async upsertRoute(categoryCode: string, unitId: number, now: string) {
      await k
        .insertInto('routing_rules')
        .values({ category_code: categoryCode, unit_id: unitId, version: 1, updated_at: now })
        .onConflict((oc) =>
          oc
            .column('category_code')
            .doUpdateSet((eb) => ({ unit_id: unitId, updated_at: now, version: eb('routing_rules.version', '+', 1) })),
        )
        .execute();
    },
    async updateRoute(categoryCode: string, version: number, unitId: number, now: string): Promise<boolean> {
      const r = await k
        .updateTable('routing_rules')
        .set({ unit_id: unitId, updated_at: now, version: version + 1 })
        .where('category_code', '=', categoryCode)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async deleteRoute(categoryCode: string): Promise<boolean> {
      const r = await k.deleteFrom('routing_rules').where('category_code', '=', categoryCode).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
  };
}
export type CategoryRepository = ReturnType<typeof createCategoryRepository>;
