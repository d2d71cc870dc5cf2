import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, Strict } from './common.js';
import { CategoryCode, CustomerLevel, UnitRef } from './org.js';
import { Priority } from './tickets.js';

const Minutes = (description: string) => Type.Integer({ minimum: 1, maximum: 366 * 24 * 60, description });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const SlaPolicy = Type.Object({
  id: Id,
  name: Type.String(),
  categoryCode: Nullable(Type.String()),
  customerLevel: Nullable(CustomerLevel),
  priority: Nullable(Priority),
  replyMinutes: Type.Integer(),
  problemMinutes: Type.Integer(),
  warnPercent: Type.Integer(),
  answerMinutes: Type.Integer(),
  isActive: Type.Boolean(),
  version: Type.Integer(),
});
export type SlaPolicy = Static<typeof SlaPolicy>;

const policyFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  categoryCode: Type.Optional(Nullable(CategoryCode)),
  customerLevel: Type.Optional(Nullable(CustomerLevel)),
  priority: Type.Optional(Nullable(Priority)),
  replyMinutes: Minutes('dispatch → reply; past it the order is overdue (default 2880 = 48 h)'),
  problemMinutes: Minutes('past it the order is a problem order (default 4320 = 72 h); at least replyMinutes'),
  warnPercent: Type.Integer({ minimum: 1, maximum: 99, description: 'warn when this share of the reply limit has passed' }),
  answerMinutes: Minutes('acceptance → the customer is answered'),
  isActive: Type.Optional(Type.Boolean()),
};
export const CreateSlaPolicyBody = Type.Object(policyFields, Strict);
export type CreateSlaPolicyBody = Static<typeof CreateSlaPolicyBody>;
export const UpdateSlaPolicyBody = Type.Partial(Type.Object(policyFields), Strict);
export type UpdateSlaPolicyBody = Static<typeof UpdateSlaPolicyBody>;

const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'HH:MM, local time' });
export const OpenHours = Type.Object({ open: Clock, close: Clock }, Strict);
export const Weekly = Nullable(
  Type.Array(Nullable(OpenHours), { minItems: 7, maxItems: 7, description: 'Sunday first; null closes that weekday' }),
);

export const BusinessCalendar = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  weekly: Weekly,
  observesHolidays: Type.Boolean(),
  version: Type.Integer(),
});
export type BusinessCalendar = Static<typeof BusinessCalendar>;

const calendarFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.String({ minLength: 1, maxLength: 100 }),
  weekly: Weekly,
  observesHolidays: Type.Optional(Type.Boolean()),
};
export const CreateCalendarBody = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }), ...calendarFields }, Strict);
export type CreateCalendarBody = Static<typeof CreateCalendarBody>;
export const UpdateCalendarBody = Type.Partial(Type.Object(calendarFields), Strict);
export type UpdateCalendarBody = Static<typeof UpdateCalendarBody>;

export const Holiday = Type.Object({
  date: Type.String({ format: 'date' }),
  kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')], {
    description: "'workday': a weekend day worked in exchange (调休)",
  }),
  name: Type.String(),
});
export type Holiday = Static<typeof Holiday>;
export const PutHolidayBody = Type.Object({ kind: Holiday.properties.kind, name: Type.String({ minLength: 1, maxLength: 100 }) }, Strict);

export const EscalationRule = Type.Object({
  id: Id,
  name: Type.String(),
  onState: Type.Union([Type.Literal('overdue'), Type.Literal('problem')]),
  categoryCode: Nullable(Type.String()),
  raisePriority: Type.Boolean(),
  reassignUnit: Nullable(UnitRef),
  isActive: Type.Boolean(),
  version: Type.Integer(),
});
export type EscalationRule = Static<typeof EscalationRule>;
const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  onState: EscalationRule.properties.onState,
  categoryCode: Type.Optional(Nullable(CategoryCode)),
  raisePriority: Type.Optional(Type.Boolean()),
  reassignUnitCode: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' }))),
  isActive: Type.Optional(Type.Boolean()),
};
export const CreateEscalationRuleBody = Type.Object(ruleFields, Strict);
export type CreateEscalationRuleBody = Static<typeof CreateEscalationRuleBody>;
export const UpdateEscalationRuleBody = Type.Partial(Type.Object(ruleFields), Strict);
export type UpdateEscalationRuleBody = Static<typeof UpdateEscalationRuleBody>;

// DOMAIN.md §3: timely rate = (all − overdue − problem) / all dispatched orders.
export const TimelinessQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    unit: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' })),
    categoryCode: Type.Optional(CategoryCode),
  },
  Strict,
);
const TimelinessFigures = {
  all: Type.Integer({ description: 'orders dispatched in the period' }),
  timely: Type.Integer({ description: 'all − overdue − problem' }),
  overdue: Type.Integer({ description: 'replied past the reply limit, or unreplied and past it now' }),
  problem: Type.Integer({ description: 'replied past the problem limit, or unreplied and past it now' }),
  timelyRate: Nullable(Type.Number({ description: 'timely / all; null when no order was dispatched' })),
};
export const Timeliness = Type.Object({
  from: Nullable(IsoInstant),
  to: Nullable(IsoInstant),
  ...TimelinessFigures,
  byUnit: Type.Array(Type.Object({ unit: UnitRef, ...TimelinessFigures })),
});
export type Timeliness = Static<typeof Timeliness>;

export const SlaBoard = Type.Object({
  units: Type.Array(
    Type.Object({ unit: UnitRef, open: Type.Integer(), warning: Type.Integer(), overdue: Type.Integer(), problem: Type.Integer() }),
  ),
});
export type SlaBoard = Static<typeof SlaBoard>;
