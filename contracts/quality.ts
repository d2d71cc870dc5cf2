import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoInstant, NullableInstant, Strict } from './common.js';

// Quality inspection (质检, DOMAIN.md §8): sampled tickets scored against a weighted form, one appeal (复议) decided
// by a second inspector, scores per agent, unit and month.
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const Week = Type.String({ pattern: '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$', description: 'ISO week, e.g. 2026-W48' });
export const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Person = Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]);
const Unit = Type.Union([Type.Object({ id: Id, name: Type.String(), nameEn: Type.String() }), Type.Null()]);

export const SamplingRules = Type.Object(
  {
    sharePercent: Type.Integer({ minimum: 0, maximum: 100, description: "share of each agent's tickets closed in the week" }),
    repeatComplaints: Type.Boolean({ description: 'every repeat complaint' }),
    unsatisfiedSurveys: Type.Boolean({ description: 'every ticket with an unsatisfied survey answer' }),
  },
  Strict,
);
export type SamplingRules = Static<typeof SamplingRules>;

export const FormItem = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z0-9_]{1,32}$' }),
    labelZh: Type.String({ minLength: 1, maxLength: 100 }),
    labelEn: Type.String({ minLength: 1, maxLength: 100 }),
    weight: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  Strict,
);
export type FormItem = Static<typeof FormItem>;

export const InspectionForm = Type.Object({
  id: Id,
  name: Type.String(),
  items: Type.Array(FormItem),
  isActive: Type.Boolean(),
  version: Type.Integer(),
});
export type InspectionForm = Static<typeof InspectionForm>;
export const InspectionFormList = Type.Object({ items: Type.Array(InspectionForm) });

const FormItems = Type.Array(FormItem, { minItems: 1, maxItems: 30 });
export const CreateFormBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), items: FormItems }, Strict);
export type CreateFormBody = Static<typeof CreateFormBody>;
export const UpdateFormBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    items: Type.Optional(FormItems),
    isActive: Type.Optional(Type.Boolean()),
  },
  Strict,
);
export type UpdateFormBody = Static<typeof UpdateFormBody>;

export const SampleReasons = ['share', 'repeat', 'unsatisfied'] as const;
export const Sample = Type.Object({
  id: Type.Union([Id, Type.Null()], { description: 'null in a preview' }),
  ticket: Type.Object({ id: Id, number: Type.String(), categoryCode: Type.String(), closedAt: NullableInstant }),
  agent: Person,
  unit: Unit,
  week: Type.String(),
  reason: lit(SampleReasons),
  inspectionId: Type.Union([Id, Type.Null()]),
});
export type Sample = Static<typeof Sample>;
export const SampleList = Type.Object({ week: Type.String(), seed: Type.Union([Type.String(), Type.Null()]), items: Type.Array(Sample) });
export type SampleList = Static<typeof SampleList>;
export const SampleQuery = Type.Object({ week: Week }, Strict);
export const SampleRunBody = Type.Object(
  {
    week: Week,
    seed: Type.String({ minLength: 1, maxLength: 64, description: 'the same seed over the same tickets gives the same sample' }),
    dryRun: Type.Optional(Type.Boolean()),
  },
  Strict,
);
export type SampleRunBody = Static<typeof SampleRunBody>;

const ItemScores = Type.Array(
  Type.Object({ key: Type.String({ pattern: '^[a-z0-9_]{1,32}$' }), score: Type.Integer({ minimum: 0, maximum: 100 }) }, Strict),
  { minItems: 1, maxItems: 30 },
);
export const InspectBody = Type.Object(
  { ticketId: Id, formId: Id, items: ItemScores, comment: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  Strict,
);
export type InspectBody = Static<typeof InspectBody>;

export const InspectionStatuses = ['scored', 'appealed', 'decided'] as const;
const ScoredItem = Type.Object({
  key: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  weight: Type.Integer(),
  score: Type.Integer(),
});
export const Inspection = Type.Object({
  id: Id,
  ticket: Type.Object({ id: Id, number: Type.String() }),
  form: Type.Object({ id: Id, name: Type.String() }),
  inspector: Person,
  agent: Person,
  unit: Unit,
  month: Type.String(),
  items: Type.Array(ScoredItem),
  score: Type.Number({ description: 'weighted, 0–100, two decimals' }),
  comment: Type.Union([Type.String(), Type.Null()]),
  status: lit(InspectionStatuses),
  appealReason: Type.Union([Type.String(), Type.Null()]),
  appealedAt: NullableInstant,
  decider: Person,
  decision: Type.Union([lit(['upheld', 'revised'] as const), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  decidedItems: Type.Union([Type.Array(ScoredItem), Type.Null()]),
  finalScore: Type.Number({ description: 'after the appeal, if any' }),
  createdAt: IsoInstant,
  decidedAt: NullableInstant,
  version: Type.Integer(),
});
export type Inspection = Static<typeof Inspection>;
export const InspectionList = Type.Object({ items: Type.Array(Inspection) });
export type InspectionList = Static<typeof InspectionList>;
export const InspectionListQuery = Type.Object(
  {
    scope: Type.Optional(lit(['mine', 'all'] as const)),
    status: Type.Optional(lit(InspectionStatuses)),
    month: Type.Optional(Month),
  },
  Strict,
);
export type InspectionListQuery = Static<typeof InspectionListQuery>;

export const AppealBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, Strict);
export type AppealBody = Static<typeof AppealBody>;
export const AppealDecisionBody = Type.Object(
  {
    decision: lit(['upheld', 'revised'] as const),
    note: Type.String({ minLength: 1, maxLength: 2000 }),
    items: Type.Optional(ItemScores),
  },
  Strict,
);
export type AppealDecisionBody = Static<typeof AppealDecisionBody>;

export const ScoresQuery = Type.Object({ month: Month, by: lit(['agent', 'unit'] as const) }, Strict);
export type ScoresQuery = Static<typeof ScoresQuery>;
export const Scores = Type.Object({
  month: Type.String(),
  by: lit(['agent', 'unit'] as const),
  rows: Type.Array(
    Type.Object({ id: Id, name: Type.String(), nameEn: Type.String(), inspections: Type.Integer(), average: Type.Number() }),
  ),
});
export type Scores = Static<typeof Scores>;
