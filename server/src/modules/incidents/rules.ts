import type { CreateIncidentRuleBody, IncidentRule, UpdateIncidentRuleBody } from '../../../../contracts/incidents.js';
import type { AreaLevel } from '../../../../contracts/incidents.js';
import type { Clock } from '../../clock.js';
import { flag, isSet } from '../../db/dialect.js';
import { AppError, conflict, notFound } from '../../errors.js';
import type { IncidentRepository, RuleRow } from './repository.js';

const ruleOf = (r: RuleRow): IncidentRule => ({
  id: r.id,
  name: r.name,
  categoryCode: r.category_code,
  areaLevel: r.area_level as AreaLevel,
  threshold: r.threshold,
  windowMinutes: r.window_minutes,
  isActive: isSet(r.is_active),
  version: r.version,
});

// The administrator's early-warning rules: which categories, counted in which kind of area, how many in how long.
export function createIncidentRules(deps: {
  repo: IncidentRepository;
  clock: Clock;
  categoryExists: (code: string) => Promise<boolean>;
  onChange: () => void;
}) {
  const { repo, clock } = deps;

  async function checkCategory(code: string | undefined) {
    if (code !== undefined && !(await deps.categoryExists(code)))
      throw new AppError(422, 'category.not_found', `No category ${code}`, { field: 'body.categoryCode' });
  }

  return {
    list: async () => ({ items: (await repo.listRules()).map(ruleOf) }),

    async create(body: CreateIncidentRuleBody): Promise<IncidentRule> {
      await checkCategory(body.categoryCode);
      const at = clock.now().toISOString();
      const id = await repo.insertRule({
        name: body.name,
        category_code: body.categoryCode,
        area_level: body.areaLevel,
        threshold: body.threshold,
        window_minutes: body.windowMinutes,
        is_active: flag(body.isActive ?? true),
        version: 1,
        created_at: at,
        updated_at: at,
      });
      deps.onChange();
      return ruleOf((await repo.findRule(id))!);
    },

    async update(id: number, body: UpdateIncidentRuleBody, expectedVersion?: number): Promise<IncidentRule> {
      const r = await repo.findRule(id);
      if (!r) throw notFound('incident_rule.not_found', `No early-warning rule ${id}`);
      if (expectedVersion !== undefined && expectedVersion !== r.version)
        throw new AppError(412, 'conflict.version', 'Someone changed this rule first; reload it and try again');
      await checkCategory(body.categoryCode);
      const ok = await repo.updateRule(id, r.version, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.categoryCode !== undefined ? { category_code: body.categoryCode } : {}),
        ...(body.areaLevel !== undefined ? { area_level: body.areaLevel } : {}),
        ...(body.threshold !== undefined ? { threshold: body.threshold } : {}),
        ...(body.windowMinutes !== undefined ? { window_minutes: body.windowMinutes } : {}),
        ...(body.isActive !== undefined ? { is_active: flag(body.isActive) } : {}),
        updated_at: clock.now().toISOString(),
      });
      if (!ok) throw conflict('conflict.version', 'Someone changed this rule first; reload it and try again');
      deps.onChange();
      return ruleOf((await repo.findRule(id))!);
    },
  };
}
export type IncidentRules = ReturnType<typeof createIncidentRules>;
