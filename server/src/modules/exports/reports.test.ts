import { describe, expect, it } from 'vitest';
import type { StatsFigures, StatsRow, StatsSummary, StatsTicketsQuery } from '../../../../contracts/stats.js';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import type { Actor } from '../auth/index.js';
import { fakeClock } from '../../clock.js';
import { createExportService } from './service.js';
import { parseCsv, sheetRows, unzip } from '../../../../test/spreadsheet.js';

// The figures exports and the monthly report over the figures module's services (stand-ins here, the real ones in
// stats-exports.test.ts): what goes in which sheet, and that every page of a drill-down is followed.

const classes = { network_quality: 1, charges_dispute: 2, customer_service: 3 };
const figures = (over: Partial<StatsFigures> = {}): StatsFigures => ({
  volume: 10,
  intercepted: 2,
  interceptionRate: 0.2,
  dispatched: 8,
  timely: 5,
  overdue: 2,
  problem: 1,
  timelyRate: 0.625,
  repeatComplaints: 1,
  repeatRate: 0.1,
  repeatCalls: 0,
  repeatCallRate: 0,
  selfServiceQueries: 3,
  progressQueries: 4,
  selfServiceShare: 0.75,
  closed: 6,
  resolved: 5,
  resolutionRate: 5 / 6,
  surveys: 0,
  satisfied: 0,
  satisfaction: null,
  answered: 6,
  avgHandlingHours: 26.123,
  customers: 300,
  perTenThousandCustomers: 333.3333,
  overLevel: 1,
  appealsPerMillionCustomers: 3333.33,
  volumeByRegulatorClass: classes,
  overLevelByRegulatorClass: { network_quality: 1, charges_dispute: 0, customer_service: 0 },
  ...over,
});
const row = (key: string, label: string, labelEn: string, over: Partial<StatsFigures> = {}): StatsRow => ({
  key,
  label,
  labelEn,
  current: figures(over),
  previous: figures({ volume: 4, timelyRate: 0.5 }),
  lastYear: figures({ volume: 0, timelyRate: null }),
});

function summaryOf(from: string, to: string, by: StatsSummary['by']): StatsSummary {
  return {
    from,
    to,
    by,
    timeZone: 'Asia/Shanghai',
    periods: {
      current: { from, to },
      previous: { from: '2026-09-01', to: '2026-09-30' },
      lastYear: { from: '2025-10-01', to: '2025-10-31' },
    },
    total: row('all', '合计', 'Total'),
    groups: [row('NET-MAINT', '网络维护中心', 'Network maintenance', { volume: 3 }), row('IT', 'IT 支撑', 'IT support')],
  };
}

const ticket = (n: number, categoryCode: string, categoryName: string): TicketSummary => ({
  id: n,
  number: `TS20261005${String(n).padStart(4, '0')}`,
  status: 'replied',
  channel: 'hotline',
  categoryCode,
  categoryName,
  categoryNameEn: `${categoryName}-en`,
  description: `描述 ${n}`,
  priority: 'normal',
  customerPhone: '138****8000',
  customerLevel: 'gold',
  owner: null,
  handlingUnit: { id: 3, code: 'NET-MAINT', name: '网络维护中心', nameEn: 'Network maintenance' },
  resolution: null,
  createdAt: '2026-10-05T02:00:00.000Z',
  updatedAt: '2026-10-05T02:00:00.000Z',
  version: 3,
  sla: { state: 'overdue', dueAt: null, paused: false },
  isRepeat: false,
  incidentId: null,
});

// per figure, the tickets behind it, served two per page to prove the pages are followed
const behind: Record<string, TicketSummary[]> = {
  volume: [ticket(1, '0101', '无信号'), ticket(2, '0101', '无信号'), ticket(3, '0102', '信号弱')],
  dispatched: [ticket(1, '0101', '无信号'), ticket(2, '0101', '无信号'), ticket(3, '0102', '信号弱')],
  overdue: [ticket(2, '0101', '无信号')],
  problem: [ticket(3, '0102', '信号弱')],
};
const asked: StatsTicketsQuery[] = [];
const service = createExportService({
  tickets: { scan: async function* () {} },
  clock: fakeClock('2026-11-23T02:00:00.000Z'),
  timeZone: 'Asia/Shanghai',
  findUnit: async (code) => (code === 'NET-MAINT' ? { id: 3, code, name: '网络维护中心', nameEn: 'Network maintenance' } : undefined),
  stats: {
    summary: async (q) => summaryOf(q.from, q.to, q.by ?? null),
    tickets: async (_actor, q) => {
      asked.push(q);
      const all = behind[q.figure] ?? [];
      const start = q.cursor ? Number(q.cursor) : 0;
      return { items: all.slice(start, start + 2), nextCursor: start + 2 < all.length ? String(start + 2) : null };
    },
  },
});
const manager = { id: 9, role: 'manager' } as unknown as Actor;

const bytesOf = async (chunks: AsyncGenerator<Buffer>) => {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
};

describe('a figures table as a file', () => {
  it('has one row per group and period, with rates as percentages', async () => {
    const download = await service.statsSummary({ from: '2026-10-01', to: '2026-10-31', by: 'unit', format: 'csv' });
    expect(download.filename).toBe('figures-unit-2026-10-01-2026-10-31-202611231000.csv');
    const rows = parseCsv((await bytesOf(download.chunks)).toString('utf8').slice(1));
    expect(rows[0]!.slice(0, 7)).toEqual(['分组', '分组编码', '期间', '起始日', '截止日', '投诉量', '首问拦截']);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['合计', 'all', '本期', '2026-10-01'],
      ['合计', 'all', '上期', '2026-09-01'],
      ['合计', 'all', '去年同期', '2025-10-01'],
      ['网络维护中心', 'NET-MAINT', '本期', '2026-10-01'],
      ['网络维护中心', 'NET-MAINT', '上期', '2026-09-01'],
      ['网络维护中心', 'NET-MAINT', '去年同期', '2025-10-01'],
      ['IT 支撑', 'IT', '本期', '2026-10-01'],
      ['IT 支撑', 'IT', '上期', '2026-09-01'],
      ['IT 支撑', 'IT', '去年同期', '2025-10-01'],
    ]);
    const header = rows[0]!;
    const at = (name: string) => header.indexOf(name);
    expect(rows[4]![at('投诉量')]).toBe('3');
    expect(rows[1]![at('及时率')]).toBe('62.5%');
    expect(rows[3]![at('及时率')]).toBe('');
    expect(rows[1]![at('平均处理时长（小时）')]).toBe('26.12');
    expect(rows[1]![at('投诉量·收费争议')]).toBe('2');
  });
});

describe('the monthly report of a unit', () => {
  it('holds the overview, the figures with their definitions, the categories and every late order', async () => {
    asked.length = 0;
    const download = await service.monthlyReport(manager, { unit: 'NET-MAINT', month: '2026-10' });
    expect(download.filename).toBe('report-NET-MAINT-2026-10-202611231000.xlsx');
    const files = unzip(await bytesOf(download.chunks));
    const names = [...files.get('xl/workbook.xml')!.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['概况', '指标汇总', '分类', '超时工单']);
    const [overview, figuresSheet, categories, late] = [1, 2, 3, 4].map((n) => sheetRows(files.get(`xl/worksheets/sheet${n}.xml`)!));

    expect(overview!.slice(1)).toEqual([
      ['单位', '网络维护中心 (NET-MAINT)'],
      ['月份', '2026-10'],
      ['期间', '2026-10-01 ~ 2026-10-31'],
      ['生成时间', '2026-11-23 10:00:00'],
    ]);

    expect(figuresSheet![0]).toEqual(['指标', '本期', '上期', '去年同期', '口径']);
    const timely = figuresSheet!.find((r) => r[0] === '及时率')!;
    expect(timely).toEqual(['及时率', '62.50%', '50.00%', '', '（全部 − 超时 − 问题工单）/ 全部派发工单']);
    expect(figuresSheet!.find((r) => r[0] === '投诉量')!.slice(0, 4)).toEqual(['投诉量', '3', '4', '0']);

    expect(categories!.slice(1)).toEqual([
      ['0101', '无信号', '2', '2', '1', '0', '0.5'],
      ['0102', '信号弱', '1', '1', '0', '1', '0'],
    ]);

    expect(late![0]!.slice(0, 2)).toEqual(['类型', '工单号']);
    expect(late!.slice(1).map((r) => [r[0], r[1], r[8]])).toEqual([
      ['问题工单', 'TS202610050003', '138****8000'],
      ['超时工单', 'TS202610050002', '138****8000'],
    ]);

    // every drill-down asked for the unit's month, and the three-ticket lists were read over two pages
    expect(new Set(asked.map((q) => `${q.from}/${q.to}/${q.by}/${q.group}`))).toEqual(new Set(['2026-10-01/2026-10-31/unit/NET-MAINT']));
    expect(asked.filter((q) => q.figure === 'volume').map((q) => q.cursor)).toEqual([undefined, '2']);
  });

  it('speaks English when asked, and refuses an unknown unit', async () => {
    const download = await service.monthlyReport(manager, { unit: 'NET-MAINT', month: '2026-02', lang: 'en' });
    const files = unzip(await bytesOf(download.chunks));
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="Overview"');
    expect(sheetRows(files.get('xl/worksheets/sheet1.xml')!)[3]).toEqual(['Period', '2026-02-01 ~ 2026-02-28']);
    await expect(service.monthlyReport(manager, { unit: 'NOPE', month: '2026-10' })).rejects.toMatchObject({
      status: 404,
      code: 'unit.not_found',
    });
  });
});
