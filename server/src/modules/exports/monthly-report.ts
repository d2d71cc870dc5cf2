import type { ExportLanguage } from '../../../../contracts/exports.js';
import type { StatsRow, StatsTicketFigure, StatsTicketsQuery, StatsTicketPage } from '../../../../contracts/stats.js';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { figureListSheet } from './figures.js';
import { labeller } from './labels.js';
import type { Column, Row, Sheet } from './table.js';
import { ticketColumns, ticketRow } from './tickets.js';

// The monthly report of one handling unit: an overview, the month's figures beside the previous month and the same
// month last year, its categories with their timeliness, and every overdue and problem order. All from the figures
// API's services: the summary for the unit's row, the drill-down for the tickets behind its counts.

export interface ReportInput {
  unit: { code: string; name: string; nameEn: string };
  month: string;
  from: string;
  to: string;
  row: StatsRow | undefined;
  generatedAt: string;
  lang: ExportLanguage;
  /** the tickets behind one of the unit's counts in the month, page by page */
  tickets(figure: StatsTicketFigure): AsyncIterable<TicketSummary[]>;
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Pages of the drill-down as one stream: the figures module's own paging, followed to the end. */
export async function* drillPages(
  tickets: (q: StatsTicketsQuery) => Promise<StatsTicketPage>,
  q: Omit<StatsTicketsQuery, 'limit' | 'cursor'>,
): AsyncGenerator<TicketSummary[]> {
  let cursor: string | undefined;
  for (;;) {
    const page = await tickets({ ...q, limit: '200', cursor });
    if (page.items.length > 0) yield page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

const zeroFigures = (): StatsRow['current'] => {
  const classes = { network_quality: 0, charges_dispute: 0, customer_service: 0 };
  return {
    volume: 0,
    intercepted: 0,
    interceptionRate: null,
    dispatched: 0,
    timely: 0,
    overdue: 0,
    problem: 0,
    timelyRate: null,
    repeatComplaints: 0,
    repeatRate: null,
    repeatCalls: 0,
    repeatCallRate: null,
    selfServiceQueries: 0,
    progressQueries: 0,
    selfServiceShare: null,
    closed: 0,
    resolved: 0,
    resolutionRate: null,
    surveys: 0,
    satisfied: 0,
    satisfaction: null,
    answered: 0,
    avgHandlingHours: null,
    customers: null,
    perTenThousandCustomers: null,
    overLevel: 0,
    appealsPerMillionCustomers: null,
    volumeByRegulatorClass: classes,
    overLevelByRegulatorClass: { ...classes },
  };
};

export async function monthlyReportSheets(input: ReportInput): Promise<Sheet[]> {
  const { lang } = input;
  const w = labeller(lang);
  const unitName = lang === 'en' ? input.unit.nameEn : input.unit.name;
  const row: StatsRow = input.row ?? {
    key: input.unit.code,
    label: input.unit.name,
    labelEn: input.unit.nameEn,
    current: zeroFigures(),
    previous: zeroFigures(),
    lastYear: zeroFigures(),
  };

  const overview: Sheet = {
    name: w('report', 'overviewSheet'),
    columns: [
      { header: w('report', 'overviewSheet'), type: 'text', width: 16 },
      { header: '', type: 'text', width: 40 },
    ],
    rows: [
      [
        [w('report', 'unit'), `${unitName} (${input.unit.code})`],
        [w('report', 'month'), input.month],
        [w('report', 'period'), `${input.from} ~ ${input.to}`],
        [w('report', 'generatedAt'), input.generatedAt],
      ],
    ],
  };

  // categories: the month's complaints, dispatched orders and late ones, counted from the tickets behind each count
  type Counts = { name: string; volume: number; dispatched: number; overdue: number; problem: number };
  const categories = new Map<string, Counts>();
  const count = async (figure: 'volume' | 'dispatched' | 'overdue' | 'problem') => {
    for await (const page of input.tickets(figure))
      for (const t of page) {
        const c = categories.get(t.categoryCode) ?? {
          name: lang === 'en' ? t.categoryNameEn : t.categoryName,
          volume: 0,
          dispatched: 0,
          overdue: 0,
          problem: 0,
        };
        c[figure]++;
        categories.set(t.categoryCode, c);
      }
  };
  await count('volume');
  await count('dispatched');
  await count('overdue');
  await count('problem');
  const categoryColumns: Column[] = [
    { header: w('column', 'categoryCode'), type: 'text', width: 10 },
    { header: w('column', 'category'), type: 'text', width: 22 },
    { header: w('figure', 'volume'), type: 'integer', width: 10 },
    { header: w('figure', 'dispatched'), type: 'integer', width: 10 },
    { header: w('figure', 'overdue'), type: 'integer', width: 10 },
    { header: w('figure', 'problem'), type: 'integer', width: 10 },
    { header: w('figure', 'timelyRate'), type: 'percent', width: 10 },
  ];
  const categoryRows: Row[] = [...categories.entries()]
    .sort((a, b) => b[1].volume - a[1].volume || a[0].localeCompare(b[0]))
    .map(([code, c]) => [
      code,
      c.name,
      c.volume,
      c.dispatched,
      c.overdue,
      c.problem,
      c.dispatched > 0 ? (c.dispatched - c.overdue - c.problem) / c.dispatched : null,
    ]);

  // overdue and problem orders, with which they are
  const lateColumns: Column[] = [{ header: w('report', 'kind'), type: 'text', width: 10 }, ...ticketColumns(lang)];
  async function* late(): AsyncGenerator<Row[]> {
    for (const figure of ['problem', 'overdue'] as const)
      for await (const page of input.tickets(figure)) yield page.map((t) => [w('figure', figure), ...ticketRow(t, lang, w)]);
  }

  return [
    overview,
    figureListSheet(w('report', 'summarySheet'), row, lang),
    { name: w('report', 'categoriesSheet'), columns: categoryColumns, rows: [categoryRows] },
    { name: w('report', 'overdueSheet'), columns: lateColumns, rows: late() },
  ];
}
