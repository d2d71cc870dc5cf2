import type { StatsFigures, StatsRow, StatsSummary, StatsTicketFigure, StatsDimension } from '../../../../contracts/stats.js';
import { addDays } from './period';

// The figures the dashboard shows (DOMAIN.md §10), how each is written, and which tickets stand behind it.

export type FigureKey =
  | 'volume'
  | 'interceptionRate'
  | 'timelyRate'
  | 'overdue'
  | 'problem'
  | 'repeatRate'
  | 'repeatCallRate'
  | 'selfServiceShare'
  | 'resolutionRate'
  | 'satisfaction'
  | 'avgHandlingHours'
  | 'perTenThousandCustomers'
  | 'overLevel';

export type FigureFormat = 'count' | 'ratio' | 'hours' | 'per10k';
export interface FigureSpec {
  key: FigureKey;
  format: FigureFormat;
  /** the count whose tickets a click opens: a ratio opens its numerator */
  drill: StatsTicketFigure;
  /** a rise is bad (overdue, repeats…): the comparison is coloured the other way */
  lowerIsBetter?: boolean;
}

export const figureSpecs: FigureSpec[] = [
  { key: 'volume', format: 'count', drill: 'volume', lowerIsBetter: true },
  { key: 'timelyRate', format: 'ratio', drill: 'timely' },
  { key: 'overdue', format: 'count', drill: 'overdue', lowerIsBetter: true },
  { key: 'problem', format: 'count', drill: 'problem', lowerIsBetter: true },
  { key: 'interceptionRate', format: 'ratio', drill: 'intercepted' },
  { key: 'repeatRate', format: 'ratio', drill: 'repeatComplaints', lowerIsBetter: true },
  { key: 'repeatCallRate', format: 'ratio', drill: 'repeatCalls', lowerIsBetter: true },
  { key: 'selfServiceShare', format: 'ratio', drill: 'selfServiceQueries' },
  { key: 'resolutionRate', format: 'ratio', drill: 'resolved' },
  { key: 'satisfaction', format: 'ratio', drill: 'satisfied' },
  { key: 'avgHandlingHours', format: 'hours', drill: 'answered', lowerIsBetter: true },
  { key: 'perTenThousandCustomers', format: 'per10k', drill: 'volume', lowerIsBetter: true },
  { key: 'overLevel', format: 'count', drill: 'overLevel', lowerIsBetter: true },
];

export const figureValue = (f: StatsFigures, key: FigureKey): number | null => f[key] as number | null;

export function formatFigure(value: number | null | undefined, format: FigureFormat): string {
  if (value === null || value === undefined) return '—';
  if (format === 'ratio') return `${Number((value * 100).toFixed(1))}%`;
  if (format === 'hours') return value.toFixed(1);
  if (format === 'per10k') return value.toFixed(2);
  return value.toLocaleString('en');
}

/** A comparison as shown beside a figure: "+12.5%" for counts, "-1.2 pt" for ratios. */
export function formatChange(value: number | null, format: FigureFormat): string {
  if (value === null) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  return format === 'ratio' ? `${sign}${(abs * 100).toFixed(1)} pt` : `${sign}${(abs * 100).toFixed(1)}%`;
}

/** What a click opens: the tickets behind one count of one group in one period. */
export interface Drill {
  figure: StatsTicketFigure;
  from: string;
  to: string;
  by?: StatsDimension;
  group?: string;
  /** how the list is titled: the figure's name and the group's */
  label: string;
}

export type Comparison = 'current' | 'previous' | 'lastYear';

/** The date (or month) of the i-th step of a comparison period, for a trend point drilled in that period. */
export function trendGroupOf(
  summary: Pick<StatsSummary, 'periods'>,
  comparison: Comparison,
  grain: 'day' | 'month',
  index: number,
): string {
  const from = summary.periods[comparison].from;
  if (grain === 'day') return addDays(from, index);
  const [y, m] = from.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + index, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The label of a summary row in the user's language; the key for days and months. */
export const rowLabel = (row: StatsRow, lang: 'zh-CN' | 'en') => (lang === 'en' ? row.labelEn : row.label) || row.key;
