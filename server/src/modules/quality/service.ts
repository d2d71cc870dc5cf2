import type {
  AppealBody,
  AppealDecisionBody,
  CreateFormBody,
  FormItem,
  InspectBody,
  Inspection,
  InspectionForm,
  InspectionListQuery,
  SampleList,
  SampleRunBody,
  SamplingRules,
  Scores,
  ScoresQuery,
  UpdateFormBody,
} from '../../../../contracts/quality.js';
import type { Clock } from '../../clock.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../errors.js';
import { can, type Actor } from '../auth/index.js';
import { monthOf, weekRange } from './period.js';
import type { QualityRepository } from './repository.js';
import { drawSample, weightedScore } from './sampling.js';

export interface QualityDeps {
  repo: QualityRepository;
  clock: Clock;
  timeZone: string;
  /** the survey module's threshold: a score at or below it is an unsatisfied answer */
  unsatisfiedAtMost: () => Promise<number>;
}

function checkItems(form: FormItem[], items: { key: string; score: number }[], field: string) {
  const keys = new Set(form.map((i) => i.key));
  const seen = new Set<string>();
  for (const [n, i] of items.entries()) {
    if (!keys.has(i.key) || seen.has(i.key))
      throw badRequest('validation.invalid_value', `Item ${i.key} is not on the form, or is scored twice`, { field: `${field}.${n}.key` });
    seen.add(i.key);
  }
  if (seen.size !== keys.size) throw badRequest('validation.required', 'Score every item on the form', { field });
  return new Map(items.map((i) => [i.key, i.score]));
}

function checkFormKeys(items: FormItem[]) {
  const keys = items.map((i) => i.key);
  if (new Set(keys).size !== keys.length) throw badRequest('validation.invalid_value', 'Item keys must differ', { field: 'body.items' });
}

// Quality inspection: a reproducible weekly sample, scoring against a weighted form, one appeal decided by a second
// inspector, and the scores per agent and unit for a month.
export function createQualityService({ repo, clock, timeZone, unsatisfiedAtMost }: QualityDeps) {
  const mayInspect = (a: Actor) => can(a, 'quality:inspect');
  async function visible(actor: Actor, id: number): Promise<Inspection> {
    const i = await repo.inspection(id);
    // the inspected person sees their own results; inspectors and managers see all
    if (!i || (!mayInspect(actor) && !can(actor, 'quality:scores') && i.agent?.id !== actor.id))
      throw notFound('inspection.not_found', `No inspection ${id}`);
    return i;
  }

  return {
    rules: () => repo.rules(),
    async saveRules(r: SamplingRules) {
      await repo.saveRules(r, clock.now().toISOString());
      return repo.rules();
    },

    forms: async () => ({ items: await repo.forms() }),
    async createForm(body: CreateFormBody): Promise<InspectionForm> {
      checkFormKeys(body.items);
      return (await repo.form(await repo.createForm({ ...body, at: clock.now().toISOString() })))!;
    },
    async updateForm(id: number, body: UpdateFormBody): Promise<InspectionForm> {
      if (!(await repo.form(id))) throw notFound('inspection_form.not_found', `No inspection form ${id}`);
      if (body.items) checkFormKeys(body.items);
      await repo.updateForm(id, { ...body, at: clock.now().toISOString() });
      return (await repo.form(id))!;
    },

    async samples(week: string): Promise<SampleList> {
      return { week, seed: await repo.weekSeed(week), items: await repo.samples(week) };
    },
    /** draws a week's sample; the same seed over the same closed tickets always draws the same tickets */
    async drawSample(body: SampleRunBody): Promise<SampleList> {
      const { from, to } = weekRange(body.week, timeZone);
      const [rules, threshold, earlierSeed] = await Promise.all([repo.rules(), unsatisfiedAtMost(), repo.weekSeed(body.week)]);
      const drawn = drawSample(await repo.candidates(from.toISOString(), to.toISOString(), threshold), rules, body.seed);
      if (body.dryRun) return { week: body.week, seed: body.seed, items: await repo.samples(body.week, drawn) };
      if (earlierSeed !== null && earlierSeed !== body.seed)
        throw conflict('inspection.already_sampled', `Week ${body.week} was sampled with another seed`, { seed: earlierSeed });
      await repo.insertSamples(drawn, body.week, body.seed, clock.now().toISOString());
      return { week: body.week, seed: body.seed, items: await repo.samples(body.week) };
    },

    async list(actor: Actor, q: InspectionListQuery): Promise<{ items: Inspection[] }> {
      const all = q.scope === 'all' || (q.scope === undefined && mayInspect(actor));
      if (all && !mayInspect(actor) && !can(actor, 'quality:scores'))
        throw forbidden('auth.forbidden', 'Only inspectors and managers see every inspection');
      return {
        items: await repo.list({
          ...(all ? {} : { agentId: actor.id }),
          ...(q.status ? { status: q.status } : {}),
          ...(q.month ? { month: q.month } : {}),
        }),
      };
    },
    get: visible,

    async inspect(actor: Actor, body: InspectBody): Promise<Inspection> {
      const [ticket, form] = await Promise.all([repo.ticket(body.ticketId), repo.form(body.formId)]);
      if (!ticket) throw notFound('ticket.not_found', `No ticket ${body.ticketId}`, { field: 'body.ticketId' });
      if (ticket.status !== 'closed')
        throw unprocessable('validation.invalid_value', 'Only closed tickets are inspected', { field: 'body.ticketId' });
      if (!form || !form.isActive)
        throw notFound('inspection_form.not_found', `No active inspection form ${body.formId}`, { field: 'body.formId' });
      const scores = checkItems(form.items, body.items, 'body.items');
      const now = clock.now();
      const score = weightedScore(form.items, scores);
      let id: number;
      try {
        id = await repo.insertInspection({
          ticketId: ticket.id,
          formId: form.id,
          inspectorId: actor.id,
          agentId: ticket.owner_id,
          unitId: ticket.owner_unit_id,
          month: monthOf(now, timeZone),
          items: body.items,
          score,
          comment: body.comment ?? null,
          at: now.toISOString(),
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('inspection.already_inspected', 'This ticket has been inspected already');
        throw err;
      }
      return (await repo.inspection(id))!;
    },

    /** 复议: the inspected person disagrees, once */
    async appeal(actor: Actor, id: number, body: AppealBody): Promise<Inspection> {
      const i = await repo.raw(id);
      if (!i) throw notFound('inspection.not_found', `No inspection ${id}`);
      if (i.agent_id !== actor.id) throw forbidden('inspection.not_yours', 'Only the inspected person appeals their result');
      if (i.appeal_reason !== null || i.status !== 'scored')
        throw conflict('inspection.appeal_used', 'This result has been appealed already');
      if (!(await repo.appeal(id, body.reason, clock.now().toISOString())))
        throw conflict('inspection.appeal_used', 'This result has been appealed already');
      return (await repo.inspection(id))!;
    },

    /** a second inspector decides the appeal: the score stands, or is revised item by item */
    async decide(actor: Actor, id: number, body: AppealDecisionBody): Promise<Inspection> {
      const i = await repo.raw(id);
      if (!i) throw notFound('inspection.not_found', `No inspection ${id}`);
      if (i.status !== 'appealed') throw conflict('inspection.not_appealed', 'Only an appealed result is decided');
      if (i.inspector_id === actor.id) throw forbidden('inspection.same_inspector', 'A second inspector decides the appeal');
      let finalScore = i.score;
      let items: { key: string; score: number }[] | null = null;
      if (body.decision === 'revised') {
        if (!body.items) throw badRequest('validation.required', 'A revised result scores every item', { field: 'body.items' });
        const form = (await repo.form(i.form_id))!;
        finalScore = weightedScore(form.items, checkItems(form.items, body.items, 'body.items'));
        items = body.items;
      }
      if (
        !(await repo.decide(id, {
          by: actor.id,
          decision: body.decision,
          note: body.note,
          items,
          finalScore,
          at: clock.now().toISOString(),
        }))
      )
        throw conflict('inspection.not_appealed', 'Someone decided this appeal first');
      return (await repo.inspection(id))!;
    },

    async scores(q: ScoresQuery): Promise<Scores> {
      return { month: q.month, by: q.by, rows: await repo.scores(q.month, q.by) };
    },
  };
}
export type QualityService = ReturnType<typeof createQualityService>;
