import { sql } from 'kysely';
import type { SlaBoard, Timeliness } from '../../../../contracts/sla.js';
import type { Db } from '../../db/dialect.js';
import { count } from '../../db/dialect.js';

// Timeliness as DOMAIN.md §3 defines it, and the supervisor board. An order replied in time is timely; one replied
// late counts as overdue or problem by when it was replied; one still unreplied counts by where its clock stands now.

const overdue = sql<number>`sum(case when t.sla_outcome = 'overdue' or (t.sla_outcome is null and t.reply_state = 'overdue') then 1 else 0 end)`;
const problem = sql<number>`sum(case when t.sla_outcome = 'problem' or (t.sla_outcome is null and t.reply_state = 'problem') then 1 else 0 end)`;

const figures = (all: number, o: number, p: number) => ({
  all,
  overdue: o,
  problem: p,
  timely: all - o - p,
  timelyRate: all === 0 ? null : (all - o - p) / all,
});

// orders that are with a unit and waiting on it: what a board counts
const OPEN_AT_UNIT = ['dispatched', 'processing', 'suspended'];

export function createSlaFigures(db: Db) {
  const k = db.kysely;
  return {
    async timeliness(f: { from?: string; to?: string; unitId?: number; categoryCode?: string }): Promise<Omit<Timeliness, 'from' | 'to'>> {
      let q = k
        .selectFrom('tickets as t')
        .leftJoin('org_units as u', 'u.id', 't.handling_unit_id')
        .select([
          'u.id as unit_id',
          'u.code',
          'u.name',
          'u.name_en',
          (e) => e.fn.countAll().as('all'),
          overdue.as('overdue'),
          problem.as('problem'),
        ])
        .where('t.sla_started_at', 'is not', null);
      if (f.from) q = q.where('t.sla_started_at', '>=', f.from);
      if (f.to) q = q.where('t.sla_started_at', '<', f.to);
      if (f.unitId !== undefined) q = q.where('t.handling_unit_id', '=', f.unitId);
      if (f.categoryCode)
        q =
          f.categoryCode.length === 2
            ? q.where('t.category_code', 'like', `${f.categoryCode}%`)
            : q.where('t.category_code', '=', f.categoryCode);
      const rows = await q.groupBy(['u.id', 'u.code', 'u.name', 'u.name_en']).orderBy('u.code').execute();
      let all = 0;
      let o = 0;
      let p = 0;
      const byUnit = [];
      for (const r of rows) {
        const [a, ro, rp] = [count(r.all as number), count(r.overdue), count(r.problem)];
        all += a;
        o += ro;
        p += rp;
        if (r.unit_id !== null)
          byUnit.push({ unit: { id: r.unit_id, code: r.code!, name: r.name!, nameEn: r.name_en! }, ...figures(a, ro, rp) });
      }
      return { ...figures(all, o, p), byUnit };
    },

    async board(unitId?: number): Promise<SlaBoard> {
      let q = k
        .selectFrom('tickets as t')
        .innerJoin('org_units as u', 'u.id', 't.handling_unit_id')
        .select([
          'u.id',
          'u.code',
          'u.name',
          'u.name_en',
          (e) => e.fn.countAll().as('open'),
          sql<number>`sum(case when t.sla_state = 'warning' then 1 else 0 end)`.as('warning'),
          sql<number>`sum(case when t.sla_state = 'overdue' then 1 else 0 end)`.as('overdue'),
          sql<number>`sum(case when t.sla_state = 'problem' then 1 else 0 end)`.as('problem'),
        ])
        .where('t.status', 'in', OPEN_AT_UNIT);
      if (unitId !== undefined) q = q.where('t.handling_unit_id', '=', unitId);
      const rows = await q.groupBy(['u.id', 'u.code', 'u.name', 'u.name_en']).orderBy('u.code').execute();
      return {
        units: rows.map((r) => ({
          unit: { id: r.id, code: r.code, name: r.name, nameEn: r.name_en },
          open: count(r.open as number),
          warning: count(r.warning),
          overdue: count(r.overdue),
          problem: count(r.problem),
        })),
      };
    },
  };
}
export type SlaFigures = ReturnType<typeof createSlaFigures>;
