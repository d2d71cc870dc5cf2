import { Type, type Static } from '@sinclair/typebox';
import { LimitQuery, Strict } from './common.js';
import { RegulatorClasses } from './org.js';
import { TicketSummary } from './tickets.js';

// The figures a manager reads (DOMAIN.md §10) and the regulator's view (§11), from daily rollups.
// Periods are whole local days in the organisation's time zone: `from` and `to` are dates, both included.
// Every ratio is a fraction from 0 to 1 (per-customer figures excepted) and null when its denominator is 0.

export const StatsDimensions = ['channel', 'category', 'category1', 'unit', 'branch', 'agent', 'level', 'day', 'month'] as const;
export type StatsDimension = (typeof StatsDimensions)[number];
export const StatsDimension = Type.Union(
  StatsDimensions.map((d) => Type.Literal(d)),
  {
    description:
      'channel; category (second level, 4 digits); category1 (first level, 2 digits); unit (the handling unit, or the ' +
      'accepting unit while never dispatched); branch (the customer’s home branch); agent (the owner: who accepted it); ' +
      'level (customer level); day (YYYY-MM-DD); month (YYYY-MM)',
  },
);

const LocalDate = Type.String({ format: 'date', description: 'a local date (YYYY-MM-DD) in the organisation’s time zone' });

export const StatsSummaryQuery = Type.Object(
  {
    from: LocalDate,
    to: Type.String({ format: 'date', description: 'the last local day included; at most 1,100 days after from' }),
    by: Type.Optional(StatsDimension),
  },
  Strict,
);
export type StatsSummaryQuery = Static<typeof StatsSummaryQuery>;

const Count = (description: string) => Type.Integer({ minimum: 0, description });
// a number or null as one JSON type list rather than anyOf, so the response serialiser writes it without trying
// each branch (a summary carries hundreds of these)
const Ratio = (description: string) => Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0, maximum: 1, description });
const Rate = (description: string) => Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0, description });

export const RegulatorClassCounts = Type.Object({
  network_quality: Type.Integer({ minimum: 0, description: '网络质量' }),
  charges_dispute: Type.Integer({ minimum: 0, description: '收费争议' }),
  customer_service: Type.Integer({ minimum: 0, description: '用户服务' }),
});
export type RegulatorClassCounts = Static<typeof RegulatorClassCounts>;
export const regulatorClassKeys = RegulatorClasses;

/**
 * One group's figures over one period. Which day each figure counts by is given in its description and in
 * docs/DECISIONS.md; the formulas are DOMAIN.md §10's.
 */
export const StatsFigures = Type.Object({
  volume: Count('投诉量: complaints accepted in the period (by acceptance day)'),
  intercepted: Count('complaints accepted in the period and closed at first contact, without dispatch'),
  interceptionRate: Ratio('拦截率 = intercepted / volume'),
  dispatched: Count('orders first dispatched in the period (by the day their reply clock started)'),
  timely: Count('dispatched − overdue − problem'),
  overdue: Count('超时: dispatched orders replied past the reply limit (48 h), or unreplied and past it now'),
  problem: Count('问题工单: dispatched orders replied past the problem limit (72 h), or unreplied and past it now'),
  timelyRate: Ratio('及时率 = (dispatched − overdue − problem) / dispatched'),
  repeatComplaints: Count('complaints accepted in the period marked as a repeat (same number, same problem)'),
  repeatRate: Ratio('重复投诉率 = repeatComplaints / volume'),
  repeatCalls: Count('complaints accepted in the period whose customer called again about it while it was open'),
  repeatCallRate: Ratio('重复来电率 = repeatCalls / volume'),
  selfServiceQueries: Count('progress queries answered by IVR, SMS or web in the period (by query day)'),
  progressQueries: Count('all progress queries in the period: self-service ones and calls to an agent (by query day)'),
  selfServiceShare: Ratio('自助服务占比 = selfServiceQueries / progressQueries'),
  closed: Count('complaints closed in the period (by close day), intercepted ones included'),
  resolved: Count('of those, complaints whose problem was solved'),
  resolutionRate: Ratio('问题解决率 = resolved / closed'),
  surveys: Count('satisfaction survey answers received in the period (by answer day)'),
  satisfied: Count('of those, answers of 4 or 5 (on 1–5)'),
  satisfaction: Ratio('满意度 = satisfied / surveys'),
  answered: Count('complaints whose customer was answered in the period (by answer day)'),
  avgHandlingHours: Rate('平均处理时长: mean hours from acceptance to answer over the answered complaints'),
  customers: Type.Unsafe<number | null>({
    type: ['integer', 'null'],
    minimum: 0,
    description: 'the subscriber base the per-customer figures divide by (the whole base for every group)',
  }),
  perTenThousandCustomers: Rate('万投比 = volume / customers × 10,000'),
  overLevel: Count('越级投诉: complaints accepted in the period that came through the regulator or the supervision line'),
  appealsPerMillionCustomers: Rate('overLevel / customers × 1,000,000'),
  volumeByRegulatorClass: Type.Object(RegulatorClassCounts.properties, {
    description: 'volume by the regulator’s three classes (the category’s class when the complaint was accepted)',
  }),
  overLevelByRegulatorClass: Type.Object(RegulatorClassCounts.properties, { description: 'overLevel by the same classes' }),
});
export type StatsFigures = Static<typeof StatsFigures>;

export const StatsPeriod = Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) });
export type StatsPeriod = Static<typeof StatsPeriod>;

export const StatsRow = Type.Object({
  key: Type.String({
    description:
      "'all' for the total; else the group's value: channel name, category code, unit or branch code ('none' when unknown), " +
      'agent user id, customer level, YYYY-MM-DD or YYYY-MM. Pass it as `group` to the drill-down.',
  }),
  label: Type.String({ description: 'Chinese name of the group (the key for days, months and channels)' }),
  labelEn: Type.String(),
  current: StatsFigures,
  previous: StatsFigures,
  lastYear: StatsFigures,
});
export type StatsRow = Static<typeof StatsRow>;

export const StatsSummary = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  by: Type.Union([StatsDimension, Type.Null()]),
  timeZone: Type.String(),
  periods: Type.Object({
    current: StatsPeriod,
    previous: Type.Object(StatsPeriod.properties, {
      description: 'the same number of days just before (of months, when the period is whole months)',
    }),
    lastYear: Type.Object(StatsPeriod.properties, { description: 'the same dates one year earlier' }),
  }),
  total: StatsRow,
  groups: Type.Array(StatsRow, {
    description:
      'by day or month: every day or month of the period in order, with the previous period’s and last year’s at the same ' +
      'position; otherwise every group with figures in any of the three periods, largest current volume first',
  }),
});
export type StatsSummary = Static<typeof StatsSummary>;

// Drill-down: the tickets behind a count, newest first by the day the figure counts by. A ratio opens its numerator
// (timelyRate → timely, …); selfServiceQueries and progressQueries open the complaints the queries were about.
export const StatsTicketFigures = [
  'volume',
  'intercepted',
  'dispatched',
  'timely',
  'overdue',
  'problem',
  'repeatComplaints',
  'repeatCalls',
  'selfServiceQueries',
  'progressQueries',
  'closed',
  'resolved',
  'surveys',
  'satisfied',
  'answered',
  'overLevel',
] as const;
export type StatsTicketFigure = (typeof StatsTicketFigures)[number];
export const StatsTicketFigure = Type.Union(StatsTicketFigures.map((f) => Type.Literal(f)));

export const StatsTicketsQuery = Type.Object(
  {
    figure: StatsTicketFigure,
    from: LocalDate,
    to: Type.String({ format: 'date' }),
    by: Type.Optional(StatsDimension),
    group: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'a row key of the summary; needs by' })),
    regulatorClass: Type.Optional(
      Type.Union(
        RegulatorClasses.map((c) => Type.Literal(c)),
        { description: 'only with figure volume or overLevel' },
      ),
    ),
    limit: LimitQuery,
    cursor: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z:._-]{1,80}$', description: 'nextCursor of the previous page; opaque' })),
  },
  Strict,
);
export type StatsTicketsQuery = Static<typeof StatsTicketsQuery>;

export const StatsTicketPage = Type.Object({
  items: Type.Array(TicketSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type StatsTicketPage = Static<typeof StatsTicketPage>;

/** Each figure's formula as DOMAIN.md §10 and §11 give it, for tooltips and documents (English; the web translates). */
export const StatsFormulas: Record<keyof StatsFigures, string> = Object.fromEntries(
  Object.entries(StatsFigures.properties).map(([k, v]) => [k, (v as { description?: string }).description ?? k]),
) as Record<keyof StatsFigures, string>;
