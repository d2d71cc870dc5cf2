import { Type, type Static } from '@sinclair/typebox';
import { Strict } from './common.js';
import { StatsSummaryQuery, StatsTicketsQuery } from './stats.js';
import { TicketListQuery } from './tickets.js';

// Downloads: ticket lists and figure tables as CSV (UTF-8 with BOM, for Excel) or XLSX, streamed as they are read,
// and the monthly report of one unit. Column headers and labels in the language asked for.

export const ExportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof ExportFormats)[number];
export const ExportFormat = Type.Union(ExportFormats.map((f) => Type.Literal(f)));
export const ExportLanguages = ['zh-CN', 'en'] as const;
export type ExportLanguage = (typeof ExportLanguages)[number];
export const ExportLanguage = Type.Union(
  ExportLanguages.map((l) => Type.Literal(l)),
  { default: 'zh-CN' },
);

const Download = {
  format: ExportFormat,
  lang: Type.Optional(ExportLanguage),
};

/** The queue's filters (GET /api/v1/tickets) without paging: every matching ticket, in the queue's order. */
export const TicketExportQuery = Type.Object(
  {
    ...Type.Omit(TicketListQuery, ['limit', 'cursor']).properties,
    ...Download,
  },
  Strict,
);
export type TicketExportQuery = Static<typeof TicketExportQuery>;

export const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, in the centre’s time zone' });

export const MonthlyReportQuery = Type.Object(
  {
    unit: Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: 'unit code' }),
    month: Month,
    lang: Type.Optional(ExportLanguage),
  },
  Strict,
);
export type MonthlyReportQuery = Static<typeof MonthlyReportQuery>;

/** A figures table (GET /api/v1/stats/summary) as a file: every group in this period, the previous one and last year's. */
export const StatsSummaryExportQuery = Type.Object({ ...StatsSummaryQuery.properties, ...Download }, Strict);
export type StatsSummaryExportQuery = Static<typeof StatsSummaryExportQuery>;

/** The tickets behind a figure (GET /api/v1/stats/tickets) without paging, as a file. */
export const StatsTicketsExportQuery = Type.Object(
  { ...Type.Omit(StatsTicketsQuery, ['limit', 'cursor']).properties, ...Download },
  Strict,
);
export type StatsTicketsExportQuery = Static<typeof StatsTicketsExportQuery>;
