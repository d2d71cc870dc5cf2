import type { Kysely, Transaction } from 'kysely';
import type { FormItem, Inspection, InspectionForm, Sample, SamplingRules, Scores } from '../../../../contracts/quality.js';
import { count, toIso, toIsoOrNull, type Db } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';

type Conn = Kysely<Database> | Transaction<Database>;
export const SAMPLING_RULES_KEY = 'quality.sampling';
export const defaultSamplingRules: SamplingRules = { sharePercent: 5, repeatComplaints: true, unsatisfiedSurveys: true };

type Scored = { key: string; score: number };
const scoredItems = (form: FormItem[], scores: Scored[]) => {
  const by = new Map(scores.map((s) => [s.key, s.score]));
  return form.map((i) => ({ ...i, score: by.get(i.key) ?? 0 }));
};

export function createQualityRepository(db: Db) {
  const k = db.kysely;
  const formView = (r: { id: number; name: string; items: string; is_active: number; version: number }): InspectionForm => ({
    id: r.id,
    name: r.name,
    items: JSON.parse(r.items) as FormItem[],
    isActive: r.is_active === 1,
    version: r.version,
  });

  function inspections(c: Conn) {
    return c
      .selectFrom('inspections as i')
      .innerJoin('tickets as t', 't.id', 'i.ticket_id')
      .innerJoin('inspection_forms as f', 'f.id', 'i.form_id')
      .leftJoin('users as ins', 'ins.id', 'i.inspector_id')
      .leftJoin('users as ag', 'ag.id', 'i.agent_id')
      .leftJoin('users as dc', 'dc.id', 'i.decider_id')
      .leftJoin('org_units as u', 'u.id', 'i.unit_id')
      .selectAll('i')
      .select([
        't.number',
        'f.name as form_name',
        'f.items as form_items',
        'ins.display_name as inspector_name',
        'ag.display_name as agent_name',
        'dc.display_name as decider_name',
        'u.name as unit_name',
        'u.name_en as unit_name_en',
      ]);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof inspections>['executeTakeFirstOrThrow']>>;
  const inspectionView = (r: Row): Inspection => {
    const form = JSON.parse(r.form_items) as FormItem[];
    return {
      id: r.id,
      ticket: { id: r.ticket_id, number: r.number },
      form: { id: r.form_id, name: r.form_name },
      inspector: { id: r.inspector_id, name: r.inspector_name ?? '' },
      agent: r.agent_id !== null ? { id: r.agent_id, name: r.agent_name ?? '' } : null,
      unit: r.unit_id !== null ? { id: r.unit_id, name: r.unit_name ?? '', nameEn: r.unit_name_en ?? '' } : null,
      month: r.month,
      items: scoredItems(form, JSON.parse(r.items) as Scored[]),
      score: r.score / 100,
      comment: r.comment,
      status: r.status as Inspection['status'],
      appealReason: r.appeal_reason,
      appealedAt: toIsoOrNull(r.appealed_at),
      decider: r.decider_id !== null ? { id: r.decider_id, name: r.decider_name ?? '' } : null,
      decision: r.decision as Inspection['decision'],
      decisionNote: r.decision_note,
      decidedItems: r.decided_items ? scoredItems(form, JSON.parse(r.decided_items) as Scored[]) : null,
      finalScore: r.final_score / 100,
      createdAt: toIso(r.created_at),
      decidedAt: toIsoOrNull(r.decided_at),
      version: r.version,
    };
  };

  return {
    transaction: <T>(fn: (trx: Transaction<Database>) => Promise<T>) => db.transaction(fn),

    async rules(): Promise<SamplingRules> {
      const r = await k.selectFrom('system_settings').select('value').where('key', '=', SAMPLING_RULES_KEY).executeTakeFirst();
      try {
        return { ...defaultSamplingRules, ...(r ? (JSON.parse(r.value) as Partial<SamplingRules>) : {}) };
      } catch {
        return { ...defaultSamplingRules };
      }
    },
    async saveRules(rules: SamplingRules, at: string) {
      const value = JSON.stringify(rules);
      await k
        .insertInto('system_settings')
        .values({ key: SAMPLING_RULES_KEY, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
        .execute();
    },

    forms: async () => (await k.selectFrom('inspection_forms').selectAll().orderBy('id').execute()).map(formView),
    form: async (id: number) => {
      const r = await k.selectFrom('inspection_forms').selectAll().where('id', '=', id).executeTakeFirst();
      return r && formView(r);
    },
    async createForm(f: { name: string; items: FormItem[]; at: string }): Promise<number> {
      const r = await k
        .insertInto('inspection_forms')
        .values({ name: f.name, items: JSON.stringify(f.items), updated_at: f.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async updateForm(id: number, p: { name?: string; items?: FormItem[]; isActive?: boolean; at: string }) {
      await k
        .updateTable('inspection_forms')
        .set((eb) => ({
          ...(p.name !== undefined ? { name: p.name } : {}),
          ...(p.items !== undefined ? { items: JSON.stringify(p.items) } : {}),
          ...(p.isActive !== undefined ? { is_active: p.isActive ? 1 : 0 } : {}),
          updated_at: p.at,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
    },

    /** tickets closed in [from, to) with their owner, and whether they are repeat or unsatisfied complaints */
    async candidates(from: string, to: string, unsatisfiedAtMost: number) {
      const rows = await k
        .selectFrom('tickets as t')
        .leftJoin('surveys as s', (j) =>
          j.onRef('s.ticket_id', '=', 't.id').on('s.status', '=', 'answered').on('s.score', '<=', unsatisfiedAtMost),
        )
        .select(['t.id', 't.owner_id', 't.is_repeat', 's.id as survey_id'])
        .where('t.status', '=', 'closed')
        .where('t.closed_at', '>=', from)
        .where('t.closed_at', '<', to)
        .where('t.owner_id', 'is not', null)
        .execute();
      return rows.map((r) => ({ ticketId: r.id, agentId: r.owner_id, isRepeat: r.is_repeat === 1, unsatisfied: r.survey_id !== null }));
    },
    weekSeed: async (week: string) =>
      (await k.selectFrom('inspection_samples').select('seed').where('week', '=', week).limit(1).executeTakeFirst())?.seed ?? null,
    async insertSamples(rows: { ticketId: number; reason: string }[], week: string, seed: string, at: string) {
      if (rows.length === 0) return;
      await db.transaction(async (trx) => {
        for (let i = 0; i < rows.length; i += 200) {
          const chunk = rows.slice(i, i + 200);
          const owners = await trx
            .selectFrom('tickets')
            .select(['id', 'owner_id', 'owner_unit_id'])
            .where(
              'id',
              'in',
              chunk.map((r) => r.ticketId),
            )
            .execute();
          const byId = new Map(owners.map((o) => [o.id, o]));
          await trx
            .insertInto('inspection_samples')
            .values(
              chunk.map((r) => ({
                ticket_id: r.ticketId,
                agent_id: byId.get(r.ticketId)?.owner_id ?? null,
                unit_id: byId.get(r.ticketId)?.owner_unit_id ?? null,
                week,
                reason: r.reason,
                seed,
                created_at: at,
              })),
            )
            .onConflict((oc) => oc.columns(['ticket_id', 'week']).doNothing())
            .execute();
        }
      });
    },
    /** the stored sample of a week, or (ids given) a preview of those tickets */
    async samples(week: string, preview?: { ticketId: number; reason: string }[]): Promise<Sample[]> {
      if (preview && preview.length === 0) return [];
      let q = k
        .selectFrom('tickets as t')
        .leftJoin('users as a', 'a.id', 't.owner_id')
        .leftJoin('org_units as u', 'u.id', 't.owner_unit_id')
        .leftJoin('inspections as i', 'i.ticket_id', 't.id')
        .select([
          't.id',
          't.number',
          't.category_code',
          't.closed_at',
          't.owner_id',
          'a.display_name',
          't.owner_unit_id',
          'u.name',
          'u.name_en',
          'i.id as inspection_id',
        ]);
      const reasons = new Map<number, string>();
      if (preview) {
        preview.forEach((p) => reasons.set(p.ticketId, p.reason));
        q = q.where(
          't.id',
          'in',
          preview.map((p) => p.ticketId),
        );
      } else {
        const stored = await k.selectFrom('inspection_samples').select(['ticket_id', 'reason', 'id']).where('week', '=', week).execute();
        if (stored.length === 0) return [];
        stored.forEach((s) => reasons.set(s.ticket_id, s.reason));
        q = q.where(
          't.id',
          'in',
          stored.map((s) => s.ticket_id),
        );
      }
      const ids = preview
        ? new Map<number, number | null>()
        : new Map(
            (await k.selectFrom('inspection_samples').select(['ticket_id', 'id']).where('week', '=', week).execute()).map((s) => [
              s.ticket_id,
              s.id,
            ]),
          );
      const rows = await q.orderBy('t.id').execute();
      return rows.map((r) => ({
        id: ids.get(r.id) ?? null,
        ticket: { id: r.id, number: r.number, categoryCode: r.category_code, closedAt: toIsoOrNull(r.closed_at) },
        agent: r.owner_id !== null ? { id: r.owner_id, name: r.display_name ?? '' } : null,
        unit: r.owner_unit_id !== null ? { id: r.owner_unit_id, name: r.name ?? '', nameEn: r.name_en ?? '' } : null,
        week,
        reason: reasons.get(r.id) as Sample['reason'],
        inspectionId: r.inspection_id,
      }));
    },

    ticket: (id: number) =>
      k.selectFrom('tickets').select(['id', 'status', 'owner_id', 'owner_unit_id']).where('id', '=', id).executeTakeFirst(),
    raw: (id: number) => k.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst(),
    async inspection(id: number): Promise<Inspection | undefined> {
      const r = await inspections(k).where('i.id', '=', id).executeTakeFirst();
      return r && inspectionView(r);
    },
    async list(f: { agentId?: number; status?: string; month?: string }): Promise<Inspection[]> {
      let q = inspections(k).orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(500);
      if (f.agentId !== undefined) q = q.where('i.agent_id', '=', f.agentId);
      if (f.status) q = q.where('i.status', '=', f.status);
      if (f.month) q = q.where('i.month', '=', f.month);
      return (await q.execute()).map(inspectionView);
    },
    async insertInspection(i: {
      ticketId: number;
      formId: number;
      inspectorId: number;
      agentId: number | null;
      unitId: number | null;
      month: string;
      items: Scored[];
      score: number;
      comment: string | null;
      at: string;
    }): Promise<number> {
      const r = await k
        .insertInto('inspections')
        .values({
          ticket_id: i.ticketId,
          form_id: i.formId,
          inspector_id: i.inspectorId,
          agent_id: i.agentId,
          unit_id: i.unitId,
          month: i.month,
          items: JSON.stringify(i.items),
          score: i.score,
          comment: i.comment,
          status: 'scored',
          final_score: i.score,
          created_at: i.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async appeal(id: number, reason: string, at: string): Promise<boolean> {
      const r = await k
        .updateTable('inspections')
        .set((eb) => ({ status: 'appealed', appeal_reason: reason, appealed_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('status', '=', 'scored')
        .where('appeal_reason', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async decide(id: number, d: { by: number; decision: string; note: string; items: Scored[] | null; finalScore: number; at: string }) {
      const r = await k
        .updateTable('inspections')
        .set((eb) => ({
          status: 'decided',
          decider_id: d.by,
          decision: d.decision,
          decision_note: d.note,
          decided_items: d.items ? JSON.stringify(d.items) : null,
          final_score: d.finalScore,
          decided_at: d.at,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .where('status', '=', 'appealed')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async scores(month: string, by: 'agent' | 'unit'): Promise<Scores['rows']> {
      if (by === 'agent') {
        const rows = await k
          .selectFrom('inspections as i')
          .innerJoin('users as u', 'u.id', 'i.agent_id')
          .select((eb) => ['u.id', 'u.display_name', eb.fn.countAll().as('n'), eb.fn.sum('i.final_score').as('total')])
          .where('i.month', '=', month)
          .groupBy(['u.id', 'u.display_name'])
          .orderBy('u.id')
          .execute();
        return rows.map((r) => ({
          id: r.id,
          name: r.display_name,
          nameEn: r.display_name,
          inspections: count(r.n as number),
          average: Math.round(count(r.total as number) / count(r.n as number)) / 100,
        }));
      }
      const rows = await k
        .selectFrom('inspections as i')
        .innerJoin('org_units as u', 'u.id', 'i.unit_id')
        .select((eb) => ['u.id', 'u.name', 'u.name_en', eb.fn.countAll().as('n'), eb.fn.sum('i.final_score').as('total')])
        .where('i.month', '=', month)
        .groupBy(['u.id', 'u.name', 'u.name_en'])
        .orderBy('u.id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        nameEn: r.name_en,
        inspections: count(r.n as number),
        average: Math.round(count(r.total as number) / count(r.n as number)) / 100,
      }));
    },
  };
}
export type QualityRepository = ReturnType<typeof createQualityRepository>;
