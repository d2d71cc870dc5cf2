import type {
  ExportFormat,
  ExportLanguage,
  MonthlyReportQuery,
  StatsSummaryExportQuery,
  StatsTicketsExportQuery,
  TicketExportQuery,
} from '../../../../contracts/exports.js';
import type { StatsSummary, StatsSummaryQuery, StatsTicketPage, StatsTicketsQuery } from '../../../../contracts/stats.js';
import type { UnitRef } from '../../../../contracts/org.js';
import { notFound } from '../../errors.js';
import type { Clock } from '../../clock.js';
import type { Actor } from '../auth/index.js';
import type { TicketService } from '../tickets/index.js';
import { csvChunks } from './csv.js';
import { localTimeFormatter, type Sheet } from './table.js';
import { ticketColumns, ticketRow } from './tickets.js';
import { xlsxChunks } from './xlsx.js';
import { labeller } from './labels.js';
import { summarySheet } from './figures.js';
import { drillPages, lastDayOf, monthlyReportSheets } from './monthly-report.js';

/** A file on its way out: its name and type, and its bytes as they are produced. */
export interface Download {
  filename: string;
  contentType: string;
  chunks: AsyncGenerator<Buffer>;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Reads the first batch before anything is sent, so a refused filter or a failing first query is still an ordinary
 * error response; the rest is read as the client takes it.
 */
export async function primed<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
}

// rows read from the database per query: large enough to amortise the round trip, small enough to hold
const PAGE = 500;

export interface ExportDeps {
  tickets: Pick<TicketService, 'scan'>;
  /** the figures module's services: the summary and the drill-down */
  stats: {
    summary(q: StatsSummaryQuery): Promise<StatsSummary>;
    tickets(actor: Actor, q: StatsTicketsQuery): Promise<StatsTicketPage>;
  };
  findUnit(code: string): Promise<UnitRef | undefined>;
  clock: Clock;
  timeZone: string;
}

export function createExportService(deps: ExportDeps) {
  const formatTime = localTimeFormatter(deps.timeZone);
  const stamp = () => formatTime(deps.clock.now().toISOString()).replace(/[-: ]/g, '').slice(0, 12);

  function render(format: ExportFormat, sheets: Sheet[], base: string): Download {
    const chunks = format === 'csv' ? csvChunks(sheets[0]!, formatTime) : xlsxChunks(sheets, formatTime, deps.clock.now());
    return { filename: `${base}-${stamp()}.${format}`, contentType: CONTENT_TYPES[format], chunks };
  }

  return {
    formatTime,
    render,

    /** Every ticket the queue would list with these filters, as CSV or XLSX. */
    async tickets(actor: Actor, q: TicketExportQuery): Promise<Download> {
      const { format, lang: language, ...filters } = q;
      const lang: ExportLanguage = language ?? 'zh-CN';
      const w = labeller(lang);
      const pages = deps.tickets.scan(actor, filters, PAGE);
      async function* rows() {
        for await (const page of pages) yield page.map((t) => ticketRow(t, lang, w));
      }
      const name = lang === 'en' ? 'Tickets' : '工单';
      return render(format, [{ name, columns: ticketColumns(lang), rows: await primed(rows()) }], 'tickets');
    },

    /** A figures table: every group in the period, the previous period and last year's. */
    async statsSummary(q: StatsSummaryExportQuery): Promise<Download> {
      const { format, lang: language, ...query } = q;
      const lang: ExportLanguage = language ?? 'zh-CN';
      const summary = await deps.stats.summary(query);
      return render(format, [summarySheet(summary, lang)], `figures-${query.by ?? 'total'}-${query.from}-${query.to}`);
    },

    /** The tickets behind a figure, every page of the drill-down. */
    async statsTickets(actor: Actor, q: StatsTicketsExportQuery): Promise<Download> {
      const { format, lang: language, ...query } = q;
      const lang: ExportLanguage = language ?? 'zh-CN';
      const w = labeller(lang);
      const pages = drillPages((x) => deps.stats.tickets(actor, x), query);
      async function* rows() {
        for await (const page of pages) yield page.map((t) => ticketRow(t, lang, w));
      }
      const name = w('report', 'ticketsSheet');
      return render(format, [{ name, columns: ticketColumns(lang), rows: await primed(rows()) }], `tickets-${query.figure}`);
    },

    /** One unit's month as a workbook: overview, figures, categories, overdue orders. */
    async monthlyReport(actor: Actor, q: MonthlyReportQuery): Promise<Download> {
      const lang: ExportLanguage = q.lang ?? 'zh-CN';
      const unit = await deps.findUnit(q.unit);
      if (!unit) throw notFound('unit.not_found', `No unit ${q.unit}`, { field: 'querystring.unit' });
      const from = `${q.month}-01`;
      const to = lastDayOf(q.month);
      const summary = await deps.stats.summary({ from, to, by: 'unit' });
      const sheets = await monthlyReportSheets({
        unit,
        month: q.month,
        from,
        to,
        row: summary.groups.find((g) => g.key === unit.code),
        generatedAt: formatTime(deps.clock.now().toISOString()),
        lang,
        tickets: (figure) => drillPages((x) => deps.stats.tickets(actor, x), { figure, from, to, by: 'unit', group: unit.code }),
      });
      return render('xlsx', sheets, `report-${unit.code}-${q.month}`);
    },
  };
}
export type ExportService = ReturnType<typeof createExportService>;
