import type { Holiday } from '../../../../contracts/sla.js';
import type {
  BusinessCalendar,
  CreateCalendarBody,
  CreateEscalationRuleBody,
  CreateSlaPolicyBody,
  EscalationRule,
  SlaPolicy,
  UpdateCalendarBody,
  UpdateEscalationRuleBody,
  UpdateSlaPolicyBody,
} from '../../../../contracts/sla.js';
import type { UnitRef } from '../../../../contracts/org.js';
import type { Clock } from '../../clock.js';
import type { ReferenceCache } from '../../reference-cache.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { AppError, conflict, notFound, unprocessable } from '../../errors.js';
import type { OpenHours } from './calendar.js';
import type { SlaRepository } from './repository.js';

type FindUnit = (code: string) => Promise<(UnitRef & { isActive: boolean }) | undefined>;
type UnitById = (id: number) => Promise<UnitRef | undefined>;

const stale = () => new AppError(412, 'conflict.version', 'Someone changed this first; reload and try again');
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const toClock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function weeklyIn(weekly: BusinessCalendar['weekly']): (OpenHours | null)[] | null {
  if (weekly === null) return null;
  return weekly.map((d, i) => {
    if (d === null) return null;
    const h = { open: toMinutes(d.open), close: toMinutes(d.close) };
    if (h.close <= h.open)
      throw unprocessable('validation.out_of_range', 'Closing time must be after opening time', { field: `body.weekly.${i}.close` });
    return h;
  });
}
const weeklyOut = (w: (OpenHours | null)[] | null): BusinessCalendar['weekly'] =>
  w === null ? null : w.map((d) => (d === null ? null : { open: toClock(d.open), close: toClock(d.close) }));

// Administrators' side of time limits: policies, calendars, the holiday list and escalation rules.
export function createSlaAdmin(deps: { repo: SlaRepository; clock: Clock; findUnit: FindUnit; unitById: UnitById; cache: ReferenceCache }) {
  const { repo, clock } = deps;
  // every write clears the cached policies and calendars, so the next complaint runs under the change
  const written = async <T>(write: Promise<T>): Promise<T> => {
    const result = await write;
    deps.cache.invalidate();
    return result;
  };
  const now = () => clock.now().toISOString();

  const policyView = (p: Awaited<ReturnType<SlaRepository['listPolicies']>>[number]): SlaPolicy => ({
    ...p,
    customerLevel: p.customerLevel as SlaPolicy['customerLevel'],
    priority: p.priority as SlaPolicy['priority'],
  });

  function checkLimits(p: { replyMinutes?: number; problemMinutes?: number }, field = 'body.problemMinutes') {
    if (p.replyMinutes !== undefined && p.problemMinutes !== undefined && p.problemMinutes < p.replyMinutes) {
      throw unprocessable('validation.out_of_range', 'The problem limit cannot be shorter than the reply limit', { field });
    }
  }

  async function policyOrThrow(id: number) {
    const p = await repo.findPolicy(id);
    if (!p) throw notFound('sla_policy.not_found', `No SLA policy ${id}`);
    return p;
  }

  async function calendarOrThrow(code: string) {
    const c = await repo.findCalendar({ code });
    if (!c) throw notFound('calendar.not_found', `No calendar with code ${code}`);
    return c;
  }

  async function ruleView(r: Awaited<ReturnType<SlaRepository['listRules']>>[number]): Promise<EscalationRule> {
    return {
      id: r.id,
      name: r.name,
      onState: r.onState,
      categoryCode: r.categoryCode,
      raisePriority: r.raisePriority,
      reassignUnit: r.reassignUnitId === null ? null : ((await deps.unitById(r.reassignUnitId)) ?? null),
      isActive: r.isActive,
      version: r.version,
    };
  }

  async function unitIdOf(code: string | null | undefined): Promise<number | null> {
    if (!code) return null;
    const u = await deps.findUnit(code);
    if (!u) throw notFound('unit.not_found', `No unit with code ${code}`, { field: 'body.reassignUnitCode' });
    return u.id;
  }

  return {
    listPolicies: async () => (await repo.listPolicies()).map(policyView),
    async createPolicy(b: CreateSlaPolicyBody): Promise<SlaPolicy> {
      checkLimits(b);
      const at = now();
      const id = await written(
        repo.insertPolicy({
          name: b.name,
          category_code: b.categoryCode ?? null,
          customer_level: b.customerLevel ?? null,
          priority: b.priority ?? null,
          reply_minutes: b.replyMinutes,
          problem_minutes: b.problemMinutes,
          warn_percent: b.warnPercent,
          answer_minutes: b.answerMinutes,
          is_active: b.isActive === false ? 0 : 1,
          version: 1,
          created_at: at,
          updated_at: at,
        }),
      );
      return policyView(await policyOrThrow(id));
    },
    // a change applies to tickets dispatched after it: running tickets keep the limits they recorded
    async updatePolicy(id: number, b: UpdateSlaPolicyBody, expected?: number): Promise<SlaPolicy> {
      const p = await policyOrThrow(id);
      if (expected !== undefined && expected !== p.version) throw stale();
      checkLimits({ replyMinutes: b.replyMinutes ?? p.replyMinutes, problemMinutes: b.problemMinutes ?? p.problemMinutes });
      const patch = {
        ...(b.name !== undefined && { name: b.name }),
        ...(b.categoryCode !== undefined && { category_code: b.categoryCode }),
        ...(b.customerLevel !== undefined && { customer_level: b.customerLevel }),
        ...(b.priority !== undefined && { priority: b.priority }),
        ...(b.replyMinutes !== undefined && { reply_minutes: b.replyMinutes }),
        ...(b.problemMinutes !== undefined && { problem_minutes: b.problemMinutes }),
        ...(b.warnPercent !== undefined && { warn_percent: b.warnPercent }),
        ...(b.answerMinutes !== undefined && { answer_minutes: b.answerMinutes }),
        ...(b.isActive !== undefined && { is_active: b.isActive ? 1 : 0 }),
        updated_at: now(),
      };
      if (!(await written(repo.updatePolicy(id, p.version, patch)))) throw stale();
      return policyView(await policyOrThrow(id));
    },
    async deletePolicy(id: number) {
      await policyOrThrow(id);
      if (await repo.policyInUse(id)) throw conflict('sla_policy.in_use', 'Tickets run under this policy; deactivate it instead');
      await written(repo.deletePolicy(id));
    },

    listCalendars: async (): Promise<BusinessCalendar[]> =>
      (await repo.listCalendars()).map((c) => ({ ...c, weekly: weeklyOut(c.weekly) })),
    async createCalendar(b: CreateCalendarBody): Promise<BusinessCalendar> {
      const weekly = weeklyIn(b.weekly);
      try {
        await written(
          repo.insertCalendar({
            code: b.code,
            name: b.name,
            name_en: b.nameEn,
            weekly: weekly && JSON.stringify(weekly),
            observes_holidays: b.observesHolidays === false ? 0 : 1,
            version: 1,
            updated_at: now(),
          }),
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('calendar.code_taken', `Calendar code ${b.code} is taken`, { field: 'body.code' });
        throw err;
      }
      const c = await calendarOrThrow(b.code);
      return { ...c, weekly: weeklyOut(c.weekly) };
    },
    async updateCalendar(code: string, b: UpdateCalendarBody, expected?: number): Promise<BusinessCalendar> {
      const c = await calendarOrThrow(code);
      if (expected !== undefined && expected !== c.version) throw stale();
      const patch = {
        ...(b.name !== undefined && { name: b.name }),
        ...(b.nameEn !== undefined && { name_en: b.nameEn }),
        ...(b.weekly !== undefined && { weekly: b.weekly === null ? null : JSON.stringify(weeklyIn(b.weekly)) }),
        ...(b.observesHolidays !== undefined && { observes_holidays: b.observesHolidays ? 1 : 0 }),
        updated_at: now(),
      };
      if (!(await written(repo.updateCalendar(c.id, c.version, patch)))) throw stale();
      const after = await calendarOrThrow(code);
      return { ...after, weekly: weeklyOut(after.weekly) };
    },
    async deleteCalendar(code: string) {
      const c = await calendarOrThrow(code);
      if (await repo.calendarInUse(c.id)) throw conflict('calendar.in_use', 'Units work on this calendar; move them first');
      await written(repo.deleteCalendar(c.id));
    },

    listHolidays: (): Promise<Holiday[]> => repo.listHolidays(),
    async putHoliday(date: string, b: { kind: 'holiday' | 'workday'; name: string }): Promise<Holiday> {
      await written(repo.putHoliday({ date, ...b }, now()));
      return { date, ...b };
    },
    async deleteHoliday(date: string) {
      if (!(await written(repo.deleteHoliday(date)))) throw notFound('holiday.not_found', `${date} is not in the holiday list`);
    },

    listRules: async () => Promise.all((await repo.listRules()).map(ruleView)),
    async createRule(b: CreateEscalationRuleBody): Promise<EscalationRule> {
      const id = await written(
        repo.insertRule({
          name: b.name,
          on_state: b.onState,
          category_code: b.categoryCode ?? null,
          raise_priority: b.raisePriority ? 1 : 0,
          reassign_unit_id: await unitIdOf(b.reassignUnitCode),
          is_active: b.isActive === false ? 0 : 1,
          version: 1,
          updated_at: now(),
        }),
      );
      return ruleView((await repo.listRules()).find((r) => r.id === id)!);
    },
    async updateRule(id: number, b: UpdateEscalationRuleBody, expected?: number): Promise<EscalationRule> {
      const r = (await repo.listRules()).find((x) => x.id === id);
      if (!r) throw notFound('escalation_rule.not_found', `No escalation rule ${id}`);
      if (expected !== undefined && expected !== r.version) throw stale();
      const patch = {
        ...(b.name !== undefined && { name: b.name }),
        ...(b.onState !== undefined && { on_state: b.onState }),
        ...(b.categoryCode !== undefined && { category_code: b.categoryCode }),
        ...(b.raisePriority !== undefined && { raise_priority: b.raisePriority ? 1 : 0 }),
        ...(b.reassignUnitCode !== undefined && { reassign_unit_id: await unitIdOf(b.reassignUnitCode) }),
        ...(b.isActive !== undefined && { is_active: b.isActive ? 1 : 0 }),
        updated_at: now(),
      };
      if (!(await written(repo.updateRule(id, r.version, patch)))) throw stale();
      return ruleView((await repo.listRules()).find((x) => x.id === id)!);
    },
    async deleteRule(id: number) {
      if (!(await written(repo.deleteRule(id)))) throw notFound('escalation_rule.not_found', `No escalation rule ${id}`);
    },
  };
}
export type SlaAdmin = ReturnType<typeof createSlaAdmin>;
