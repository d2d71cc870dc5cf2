import type { ExportLanguage } from '../../../../contracts/exports.js';
import type { StatsFigures, StatsRow, StatsSummary } from '../../../../contracts/stats.js';
import { labeller } from './labels.js';
import type { Column, ColumnType, Row, Sheet } from './table.js';

// Figures tables as export sheets: one row per group and period (this period, the previous one, last year's), every
// count and rate of the summary API as its own column, rates as fractions shown as percentages.

type Scalar = Exclude<keyof StatsFigures, 'volumeByRegulatorClass' | 'overLevelByRegulatorClass'>;
const FIGURES: [Scalar, ColumnType][] = [
  ['volume', 'integer'],
  ['intercepted', 'integer'],
  ['interceptionRate', 'percent'],
  ['dispatched', 'integer'],
  ['timely', 'integer'],
  ['overdue', 'integer'],
  ['problem', 'integer'],
  ['timelyRate', 'percent'],
  ['repeatComplaints', 'integer'],
  ['repeatRate', 'percent'],
  ['repeatCalls', 'integer'],
  ['repeatCallRate', 'percent'],
  ['selfServiceQueries', 'integer'],
  ['progressQueries', 'integer'],
  ['selfServiceShare', 'percent'],
  ['closed', 'integer'],
  ['resolved', 'integer'],
  ['resolutionRate', 'percent'],
  ['surveys', 'integer'],
  ['satisfied', 'integer'],
  ['satisfaction', 'percent'],
  ['answered', 'integer'],
  ['avgHandlingHours', 'number'],
  ['customers', 'integer'],
  ['perTenThousandCustomers', 'number'],
  ['overLevel', 'integer'],
  ['appealsPerMillionCustomers', 'number'],
];
const CLASSES = ['network_quality', 'charges_dispute', 'customer_service'] as const;
export const COMPARISONS = ['current', 'previous', 'lastYear'] as const;

const round = (v: number | null, type: ColumnType) => (v === null || type !== 'number' ? v : Math.round(v * 100) / 100);

export function figureColumns(lang: ExportLanguage): Column[] {
  const w = labeller(lang);
  const volumeOf = lang === 'en' ? 'Volume: ' : '投诉量·';
  const overLevelOf = lang === 'en' ? 'Over-level: ' : '越级·';
  return [
    ...FIGURES.map(([key, type]): Column => ({ header: w('figure', key), type, width: 12 })),
    ...CLASSES.map((c): Column => ({ header: volumeOf + w('figure', c), type: 'integer', width: 14 })),
    ...CLASSES.map((c): Column => ({ header: overLevelOf + w('figure', c), type: 'integer', width: 14 })),
  ];
}

export function figureCells(f: StatsFigures): Row {
  return [
    ...FIGURES.map(([key, type]) => round(f[key], type)),
    ...CLASSES.map((c) => f.volumeByRegulatorClass[c]),
    ...CLASSES.map((c) => f.overLevelByRegulatorClass[c]),
  ];
}

export function summarySheet(s: StatsSummary, lang: ExportLanguage): Sheet {
  const w = labeller(lang);
  const columns: Column[] = [
    { header: w('report', 'group'), type: 'text', width: 18 },
    { header: w('report', 'groupKey'), type: 'text', width: 12 },
    { header: w('report', 'period'), type: 'text', width: 12 },
    { header: w('report', 'from'), type: 'date', width: 11 },
    { header: w('report', 'to'), type: 'date', width: 11 },
    ...figureColumns(lang),
  ];
  const rows: Row[] = [];
  for (const row of [s.total, ...s.groups] as StatsRow[]) {
    for (const c of COMPARISONS) {
      const label = row.key === 'all' ? w('report', 'total') : lang === 'en' ? row.labelEn : row.label;
      rows.push([label, row.key, w('report', c), s.periods[c].from, s.periods[c].to, ...figureCells(row[c])]);
    }
  }
  return { name: w('report', 'summarySheet'), columns, rows: [rows] };
}

/** The figures of one row as a list: figure, this period, previous, last year, and its definition. */
export function figureListSheet(name: string, row: StatsRow, lang: ExportLanguage): Sheet {
  const w = labeller(lang);
  const columns: Column[] = [
    { header: w('report', 'figure'), type: 'text', width: 28 },
    { header: w('report', 'current'), type: 'number', width: 14 },
    { header: w('report', 'previous'), type: 'number', width: 14 },
    { header: w('report', 'lastYear'), type: 'number', width: 16 },
    { header: w('report', 'formula'), type: 'text', width: 70 },
  ];
  const rows: Row[] = [];
  for (const [key, type] of FIGURES) {
    const formula = w('formula', key);
    // a rate is written as a percentage text, so a column can hold counts and rates side by side
    const cell = (v: number | null) =>
      v === null ? null : type === 'percent' ? `${(Math.round(v * 10_000) / 100).toFixed(2)}%` : round(v, type);
    rows.push([
      w('figure', key),
      cell(row.current[key]),
      cell(row.previous[key]),
      cell(row.lastYear[key]),
      formula === key ? null : formula,
    ]);
  }
  return { name, columns, rows: [rows] };
}
