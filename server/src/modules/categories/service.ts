import type { Category, CreateCategoryBody, Route, UnitRef, UpdateCategoryBody } from '../../../../contracts/org.js';
import type { Clock } from '../../clock.js';
import type { ReferenceCache } from '../../reference-cache.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError, conflict, notFound, unprocessable } from '../../errors.js';
import type { CategoryRepository, CategoryRow, RouteRow } from './repository.js';

type FindUnit = (code: string) => Promise<(UnitRef & { isActive: boolean }) | undefined>;

const parentOf = (code: string) => (code.length > 2 ? code.slice(0, code.length - 2) : null);
const stale = () => new AppError(412, 'conflict.version', 'Someone changed this first; reload and try again');

export interface TicketCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  path: string;
  regulatorClass: string;
}

// The category tree of DOMAIN.md §4 with operators' numeric codes, and routing: which unit a category goes to.
// A second level without its own route goes where its first level goes.
export function createCategoryService(deps: { repo: CategoryRepository; clock: Clock; findUnit: FindUnit; cache: ReferenceCache }) {
  const { repo, clock, findUnit, cache } = deps;

  // the whole tree and its routes: a few hundred rows, read by every complaint
  const snapshot = () =>
    cache.get('categories', async () => {
      const [cats, routes] = await Promise.all([repo.listCategories(), repo.listRoutes()]);
      return {
        byCode: new Map(cats.map((c) => [c.code, c])),
        parents: new Set(cats.map((c) => c.parentCode).filter((p): p is string => p !== null)),
        routes: new Map(routes.map((r) => [r.categoryCode, r])),
      };
    });
  const changed = () => cache.invalidate();

  const effectiveUnit = (code: string, routes: Map<string, RouteRow>): UnitRef | null => {
    for (let c: string | null = code; c; c = parentOf(c)) {
      const r = routes.get(c);
      if (r) return r.unit;
    }
    return null;
  };

  const view = (c: CategoryRow, routes: Map<string, RouteRow>): Category => ({
    code: c.code,
    parentCode: c.parentCode,
    level: c.level,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    regulatorClass: c.regulatorClass as Category['regulatorClass'],
    unit: effectiveUnit(c.code, routes),
    isActive: c.isActive,
    version: c.version,
  });

  async function categoryOrThrow(code: string, field = 'params.code'): Promise<CategoryRow> {
    const [c] = await repo.findCategories([code]);
    if (!c) throw notFound('category.not_found', `No category ${code}`, { field });
    return c;
  }

  async function activeUnit(code: string, field: string) {
    const unit = await findUnit(code);
    if (!unit) throw notFound('unit.not_found', `No unit with code ${code}`, { field });
    if (!unit.isActive) throw unprocessable('unit.inactive', `Unit ${code} is inactive`, { field });
    return unit;
  }

  return {
    async tree(): Promise<Category[]> {
      const [cats, routes] = await Promise.all([repo.listCategories(), repo.listRoutes()]);
      const byCode = new Map(routes.map((r) => [r.categoryCode, r]));
      return cats.map((c) => view(c, byCode));
    },

    async get(code: string): Promise<Category> {
      const c = await categoryOrThrow(code);
      return view(c, (await snapshot()).routes);
    },

    // A complaint is filed against an active leaf, so routing and statistics see the second level.
    async forTicket(code: string, field = 'body.categoryCode'): Promise<TicketCategory> {
      const tree = await snapshot();
      const c = tree.byCode.get(code);
      if (!c || !c.isActive) throw unprocessable('category.not_found', `No active category ${code}`, { field });
      if (tree.parents.has(code)) {
        throw unprocessable('category.not_leaf', `Choose a sub-category of ${code} ${c.nameZh}`, { field });
      }
      const parent = c.parentCode ? tree.byCode.get(c.parentCode) : undefined;
      return {
        code: c.code,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        path: parent ? `${parent.nameZh} / ${c.nameZh}` : c.nameZh,
        regulatorClass: c.regulatorClass,
      };
    },

    async proposeUnit(code: string): Promise<UnitRef | null> {
      return effectiveUnit(code, (await snapshot()).routes);
    },

    async create(body: CreateCategoryBody): Promise<Category> {
      const parentCode = parentOf(body.code);
      const parent = parentCode ? await categoryOrThrow(parentCode, 'body.code') : undefined;
      if (!parent && !body.regulatorClass) {
        throw new AppError(400, 'validation.required', 'A first-level category needs its regulator class', {
          field: 'body.regulatorClass',
        });
      }
      const unit = body.unitCode ? await activeUnit(body.unitCode, 'body.unitCode') : undefined;
      try {
        await repo.insertCategory({
          code: body.code,
          parentCode,
          level: parent ? 2 : 1,
          nameZh: body.nameZh,
          nameEn: body.nameEn,
          regulatorClass: parent ? parent.regulatorClass : body.regulatorClass!,
          sortOrder: Number(body.code),
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('category.in_use', `Category ${body.code} exists`, { field: 'body.code' });
        throw err;
      }
      if (unit) await repo.upsertRoute(body.code, unit.id, clock.now().toISOString());
      changed();
      return this.get(body.code);
    },

    async update(code: string, body: UpdateCategoryBody, expected?: number): Promise<Category> {
      const c = await categoryOrThrow(code);
      if (expected !== undefined && expected !== c.version) throw stale();
      if (body.regulatorClass && c.level !== 1) {
        throw unprocessable('validation.invalid_value', 'Only a first-level category sets the regulator class', {
          field: 'body.regulatorClass',
        });
      }
      const patch: Parameters<CategoryRepository['updateCategory']>[2] = {};
      if (body.nameZh !== undefined) patch.name_zh = body.nameZh;
      if (body.nameEn !== undefined) patch.name_en = body.nameEn;
      if (body.regulatorClass !== undefined) patch.regulator_class = body.regulatorClass;
      if (body.isActive !== undefined) patch.is_active = body.isActive ? 1 : 0;
      if (!(await repo.updateCategory(code, c.version, patch))) throw stale();
      if (body.regulatorClass) await repo.setChildrenRegulatorClass(code, body.regulatorClass);
      changed();
      return this.get(code);
    },

    async remove(code: string): Promise<void> {
      await categoryOrThrow(code);
      if ((await repo.countChildren(code)) > 0) throw conflict('category.has_children', 'Delete or move its sub-categories first');
      if ((await repo.countTickets(code)) > 0) throw conflict('category.in_use', 'Tickets use this category; deactivate it instead');
      await repo.deleteCategory(code);
      changed();
    },

    listRoutes: (): Promise<Route[]> => repo.listRoutes(),

    async putRoute(categoryCode: string, unitCode: string): Promise<{ route: Route; created: boolean }> {
      await categoryOrThrow(categoryCode, 'body.categoryCode');
      const unit = await activeUnit(unitCode, 'body.unitCode');
      const existed = (await repo.findRoutes([categoryCode])).length > 0;
      await repo.upsertRoute(categoryCode, unit.id, clock.now().toISOString());
      changed();
      const [route] = await repo.findRoutes([categoryCode]);
      return { route: route!, created: !existed };
    },

    async updateRoute(categoryCode: string, unitCode: string, expected?: number): Promise<Route> {
      const [route] = await repo.findRoutes([categoryCode]);
      if (!route) throw notFound('routing.not_found', `No routing rule for ${categoryCode}`);
      if (expected !== undefined && expected !== route.version) throw stale();
      const unit = await activeUnit(unitCode, 'body.unitCode');
      if (!(await repo.updateRoute(categoryCode, route.version, unit.id, clock.now().toISOString()))) throw stale();
      changed();
      return (await repo.findRoutes([categoryCode]))[0]!;
    },

    async deleteRoute(categoryCode: string): Promise<void> {
      if (!(await repo.deleteRoute(categoryCode))) throw notFound('routing.not_found', `No routing rule for ${categoryCode}`);
      changed();
    },
  };
}
export type CategoryService = ReturnType<typeof createCategoryService>;
