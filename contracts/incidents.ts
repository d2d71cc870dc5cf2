import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, NullableInstant, Phone, PhoneOrMasked, Strict } from './common.js';
import { CategoryCode, UnitRef } from './org.js';
import { Channel, Priority, TicketStatus } from './tickets.js';

// Seeing the pattern behind one call (DOMAIN.md §6, §7): repeat complaints and group-complaint incidents.

// ---- Repeat complaints ----

export const RepeatSettings = Type.Object(
  {
    windowDays: Type.Integer({ minimum: 1, maximum: 365, description: 'a complaint within this many days of an earlier one repeats it' }),
    priorityStep: Type.Integer({ minimum: 0, maximum: 3, description: 'how many levels a repeat raises the priority' }),
    firstLevelCategories: Type.Array(Type.String({ pattern: '^[0-9]{2}$' }), {
      maxItems: 50,
      description: 'first-level categories where any sub-category counts as the same problem',
    }),
    routeToEarlier: Type.Boolean({
      description: "a repeat goes to the earlier ticket's owner (else the complaint desk); off: it stays with whoever accepts it",
    }),
  },
  Strict,
);
export type RepeatSettings = Static<typeof RepeatSettings>;
export const UpdateRepeatSettings = Type.Partial(RepeatSettings, Strict);
export type UpdateRepeatSettings = Static<typeof UpdateRepeatSettings>;

export const EarlierTicket = Type.Object({
  id: Id,
  number: Type.String(),
  status: TicketStatus,
  categoryCode: Type.String(),
  createdAt: IsoInstant,
  closedAt: NullableInstant,
  resolution: Type.Union([Type.String(), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  owner: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  handlingUnit: Type.Union([UnitRef, Type.Null()]),
  isRepeat: Type.Boolean(),
  incidentId: Type.Union([Id, Type.Null()]),
});
export type EarlierTicket = Static<typeof EarlierTicket>;

export const RepeatCheckQuery = Type.Object({ phone: Phone, categoryCode: Type.Optional(CategoryCode) }, Strict);
export type RepeatCheckQuery = Static<typeof RepeatCheckQuery>;

// What the agent sees while the caller is on the line, before filing.
export const RepeatCheck = Type.Object({
  isRepeat: Type.Boolean(),
  of: Type.Array(Type.String(), { description: 'numbers of the earlier tickets this complaint would repeat' }),
  earlier: Type.Array(EarlierTicket, { description: 'those tickets, newest first, with their results' }),
  openTickets: Type.Array(EarlierTicket, { description: "the caller's open complaints, any category: the call may be attached to one" }),
  priority: Type.Union([Priority, Type.Null()], { description: 'the priority a normal complaint would be raised to' }),
});
export type RepeatCheck = Static<typeof RepeatCheck>;

export const AttachCallBody = Type.Object(
  {
    ticket: Type.String({ minLength: 1, maxLength: 32, description: 'the open ticket (id or number)' }),
    customerPhone: Phone,
    channel: Type.Optional(Channel),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  Strict,
);
export type AttachCallBody = Static<typeof AttachCallBody>;

export const RepeatRateQuery = Type.Object(
  {
    from: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'first month, YYYY-MM' }),
    to: Type.Optional(Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'last month, YYYY-MM (default: from)' })),
    by: Type.Optional(
      Type.Union([Type.Literal('category'), Type.Literal('unit'), Type.Literal('branch')], {
        description: 'category: first level; unit: the owner unit; branch: the customer’s home branch',
      }),
    ),
  },
  Strict,
);
export type RepeatRateQuery = Static<typeof RepeatRateQuery>;

export const RepeatRateRow = Type.Object({
  month: Type.String(),
  key: Type.Union([Type.String(), Type.Null()], { description: 'category code, unit code or branch code; null for all' }),
  complaints: Type.Integer(),
  repeats: Type.Integer(),
  rate: Type.Number({ description: 'repeats / complaints, 0 when none' }),
});
export const RepeatRate = Type.Object({ by: Type.Union([Type.String(), Type.Null()]), items: Type.Array(RepeatRateRow) });
export type RepeatRate = Static<typeof RepeatRate>;

// ---- Group complaints ----

export const IncidentStatuses = ['open', 'confirmed', 'resolved', 'dismissed'] as const;
export type IncidentStatus = (typeof IncidentStatuses)[number];
export const IncidentStatus = Type.Union(IncidentStatuses.map((s) => Type.Literal(s)));

export const AreaLevels = ['compound', 'district', 'cell'] as const;
export type AreaLevel = (typeof AreaLevels)[number];
export const AreaLevel = Type.Union(AreaLevels.map((s) => Type.Literal(s)));

export const IncidentRule = Type.Object({
  id: Id,
  name: Type.String(),
  categoryCode: Type.String({ description: 'a first level covers all its sub-categories' }),
  areaLevel: AreaLevel,
  threshold: Type.Integer(),
  windowMinutes: Type.Integer(),
  isActive: Type.Boolean(),
  version: Type.Integer(),
});
export type IncidentRule = Static<typeof IncidentRule>;
export const IncidentRuleList = Type.Object({ items: Type.Array(IncidentRule) });

export const CreateIncidentRuleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    categoryCode: CategoryCode,
    areaLevel: AreaLevel,
    threshold: Type.Integer({ minimum: 2, maximum: 10000 }),
    windowMinutes: Type.Integer({ minimum: 1, maximum: 10080 }),
    isActive: Type.Optional(Type.Boolean()),
  },
  Strict,
);
export type CreateIncidentRuleBody = Static<typeof CreateIncidentRuleBody>;
export const UpdateIncidentRuleBody = Type.Partial(CreateIncidentRuleBody, Strict);
export type UpdateIncidentRuleBody = Static<typeof UpdateIncidentRuleBody>;

export const IncidentArea = Type.Object({
  key: Type.String({ description: 'the normalised area the complaints were counted in' }),
  label: Type.String(),
  level: AreaLevel,
});

export const IncidentChild = Type.Object({
  id: Id,
  number: Type.String(),
  status: TicketStatus,
  categoryCode: Type.String(),
  customerPhone: PhoneOrMasked,
  isRepeat: Type.Boolean(),
  createdAt: IsoInstant,
});
export type IncidentChild = Static<typeof IncidentChild>;

export const IncidentSummary = Type.Object({
  id: Id,
  status: IncidentStatus,
  area: IncidentArea,
  category: Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
  rule: Type.Object({ id: Id, name: Type.String(), threshold: Type.Integer(), windowMinutes: Type.Integer() }),
  count: Type.Integer({ description: 'complaints linked to it' }),
  unit: Type.Union([UnitRef, Type.Null()], { description: 'the responsible unit: routed for the category, or where it was dispatched' }),
  openedAt: IsoInstant,
  confirmedAt: NullableInstant,
  dispatchedAt: NullableInstant,
  resolvedAt: NullableInstant,
  dismissedAt: NullableInstant,
  result: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'why it was dismissed' }),
  version: Type.Integer(),
});
export type IncidentSummary = Static<typeof IncidentSummary>;

export const IncidentView = Type.Intersect([IncidentSummary, Type.Object({ children: Type.Array(IncidentChild) })]);
export type IncidentView = Static<typeof IncidentView>;

export const IncidentList = Type.Object({ items: Type.Array(IncidentSummary) });
export type IncidentList = Static<typeof IncidentList>;
export const IncidentListQuery = Type.Object({ status: Type.Optional(IncidentStatus) }, Strict);
export const IncidentMatchQuery = Type.Object(
  {
    categoryCode: Type.String({ pattern: '^[0-9]{4}$' }),
    city: Type.Optional(Type.String({ maxLength: 50 })),
    district: Type.Optional(Type.String({ maxLength: 50 })),
    compound: Type.Optional(Type.String({ maxLength: 100 })),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    cellId: Type.Optional(Type.String({ maxLength: 50 })),
  },
  Strict,
);
export type IncidentMatchQuery = Static<typeof IncidentMatchQuery>;
export const IncidentParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,15}$' }) }, Strict);

export const ConfirmIncidentBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, Strict);
export const DismissIncidentBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, Strict);
export const DispatchIncidentBody = Type.Object(
  { unitCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' })), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  Strict,
);
export const ResolveIncidentBody = Type.Object({ result: Type.String({ minLength: 1, maxLength: 1000 }) }, Strict);
export type ResolveIncidentBody = Static<typeof ResolveIncidentBody>;

export const IncidentSettings = Type.Object(
  {
    smsLanguage: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
    smsTemplateZh: Type.String({ minLength: 1, maxLength: 300, description: 'placeholders: {area} {category} {result} {number}' }),
    smsTemplateEn: Type.String({ minLength: 1, maxLength: 300 }),
  },
  Strict,
);
export type IncidentSettings = Static<typeof IncidentSettings>;
export const UpdateIncidentSettings = Type.Partial(IncidentSettings, Strict);
export type UpdateIncidentSettings = Static<typeof UpdateIncidentSettings>;
