import type { Selectable, Updateable } from 'kysely';
import type { TicketAction } from '../../../../contracts/tickets.js';
import type { TicketTable } from '../../db/schema.js';
import { addCalendarDays, addWorkingDays, type BusinessCalendar } from './calendar.js';
import { clocksFromRow, columnsFromClocks } from './clock-columns.js';
import { choosePolicy, DEFAULT_LIMITS, type SlaLimits } from './policy.js';
import type { ReferenceCache } from '../../reference-cache.js';
import { toBusinessCalendar, type SlaRepository } from './repository.js';
import { atAcceptance, onAnswer, onDispatch, onReopen, onReply, onResume, onSuspend, type TicketClocks } from './ticket-clocks.js';

// The customer may appeal to the regulator after 15 days unanswered; the regulator's own appeals arrive with
// "accept within 5 working days, answer within 30 days" unless they say otherwise (DOMAIN.md §11).
const LEGAL_DAYS = 15;
const REGULATOR_ANSWER_DAYS = 30;
const REGULATOR_ACCEPT_WORKING_DAYS = 5;

export interface AcceptanceFacts {
  acceptedAt: Date;
  categoryCode: string;
  customerLevel: string;
  priority: string;
  ownerUnitId: number;
  answeredNow: boolean;
  regulator?: { acceptDueAt?: Date; answerDueAt?: Date };
}

export type PolicyLimits = SlaLimits & { name: string };

// Looks up policies and calendars, then lets the pure clocks decide: the columns a ticket's row gets
// when it is accepted and after each move.
export function createClockPlanner(deps: { repo: SlaRepository; timeZone: string; cache: ReferenceCache }) {
  const { repo, timeZone, cache } = deps;
  const holidays = () => cache.get('holidays', () => repo.listHolidays());

  async function calendarOfUnit(unitId: number | null): Promise<BusinessCalendar> {
    if (unitId === null) return toBusinessCalendar(timeZone, undefined, []);
    return cache.get(`unit-calendar:${unitId}`, async () => {
      const calendarId = await repo.unitCalendarId(unitId);
      if (calendarId === null) return toBusinessCalendar(timeZone, undefined, []);
      const [cal, list] = await Promise.all([repo.findCalendar({ id: calendarId }), holidays()]);
      return toBusinessCalendar(timeZone, cal, list);
    });
  }

  async function nationalWorkingDays(): Promise<BusinessCalendar> {
    const list = await holidays();
    return {
      timeZone,
      weekly: [],
      holidays: list.filter((h) => h.kind === 'holiday').map((h) => h.date),
      workdays: list.filter((h) => h.kind === 'workday').map((h) => h.date),
    };
  }

  async function policyFor(facts: {
    categoryCode: string;
    customerLevel: string;
    priority: string;
  }): Promise<{ id: number | null; limits: PolicyLimits }> {
    const p = choosePolicy(await cache.get('sla-policies', () => repo.listPolicies()), facts);
    if (!p) return { id: null, limits: { name: 'default', ...DEFAULT_LIMITS } };
    return {
      id: p.id,
      limits: {
        name: p.name,
        replyMinutes: p.replyMinutes,
        problemMinutes: p.problemMinutes,
        warnPercent: p.warnPercent,
        answerMinutes: p.answerMinutes,
      },
    };
  }

  return {
    calendarOfUnit,

    async atAcceptance(f: AcceptanceFacts): Promise<Updateable<TicketTable>> {
      const policy = await policyFor(f);
      const legalDueAt = f.regulator
        ? (f.regulator.answerDueAt ?? addCalendarDays(timeZone, f.acceptedAt, REGULATOR_ANSWER_DAYS))
        : addCalendarDays(timeZone, f.acceptedAt, LEGAL_DAYS);
      const acceptDueAt = f.regulator
        ? (f.regulator.acceptDueAt ?? addWorkingDays(await nationalWorkingDays(), f.acceptedAt, REGULATOR_ACCEPT_WORKING_DAYS))
        : null;
      let clocks = atAcceptance({
        acceptedAt: f.acceptedAt,
        policyId: policy.id,
        limits: policy.limits,
        answerCalendar: await calendarOfUnit(f.ownerUnitId),
        legalDueAt,
        acceptDueAt,
      });
      if (f.answeredNow) clocks = onAnswer(clocks, f.acceptedAt);
      return columnsFromClocks(clocks);
    },

    /** The clock columns after `action`; `next` is the row as the action leaves it (status, unit). */
    async afterAction(
      before: Selectable<TicketTable> & { customer_level: string },
      action: TicketAction,
      next: { handling_unit_id: number | null; priority: string },
      at: Date,
    ): Promise<Updateable<TicketTable>> {
      const c = clocksFromRow(before);
      let after: TicketClocks;
      switch (action) {
        case 'dispatch':
        case 'transfer': {
          const policy = c.reply
            ? undefined
            : await policyFor({ categoryCode: before.category_code, customerLevel: before.customer_level, priority: next.priority });
          after = onDispatch(c, at, await calendarOfUnit(next.handling_unit_id), policy);
          break;
        }
        case 'reply':
          after = onReply(c, at);
          break;
        case 'suspend':
          after = onSuspend(c, at);
          break;
        case 'resume':
          after = onResume(c, at, await calendarOfUnit(before.handling_unit_id), await calendarOfUnit(before.owner_unit_id));
          break;
        case 'answer':
        case 'resolve':
          after = onAnswer(c, at);
          break;
        case 'reopen':
          after = onReopen(c, at, await calendarOfUnit(before.owner_unit_id));
          break;
        default:
          return {};
      }
      return columnsFromClocks(after);
    },
  };
}
export type ClockPlanner = ReturnType<typeof createClockPlanner>;
