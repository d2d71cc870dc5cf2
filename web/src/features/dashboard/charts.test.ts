import { describe, expect, it } from 'vitest';
import type { StatsFigures, StatsRow, StatsSummary } from '../../../../contracts/stats.js';
import { categoryMixOption, drillOf, trendOption, unitTimelinessOption, type ChartWords } from './charts';
import { formatChange, formatFigure, trendGroupOf } from './figures';

const classes = { network_quality: 0, charges_dispute: 0, customer_service: 0 };
function figures(over: Partial<StatsFigures> = {}): StatsFigures {
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
    overLevelByRegulatorClass: classes,
    ...over,
  };
}
const row = (key: string, label: string, current: Partial<StatsFigures>, previous: Partial<StatsFigures> = {}): StatsRow => ({
  key,
  label,
  labelEn: `${label}-en`,
  current: figures(current),
  previous: figures(previous),
  lastYear: figures(),
});
function summary(by: StatsSummary['by'], groups: StatsRow[], from = '2026-11-01', to = '2026-11-03'): StatsSummary {
  return {
    from,
    to,
    by,
    timeZone: 'Asia/Shanghai',
    periods: {
      current: { from, to },
      previous: { from: '2026-10-29', to: '2026-10-31' },
      lastYear: { from: '2025-11-01', to: '2025-11-03' },
    },
    total: row('all', '全部', {}),
    groups,
  };
}
const words: ChartWords = {
  current: '本期',
  previous: '上期',
  lastYear: '去年同期',
  volume: '投诉量',
  timelyRate: '及时率',
  overdue: '超时',
  problem: '问题',
  label: (r) => r.label,
};

describe('the trend chart', () => {
  const s = summary('day', [
    row('2026-11-01', '2026-11-01', { volume: 5 }, { volume: 3 }),
    row('2026-11-02', '2026-11-02', { volume: 7 }),
    row('2026-11-03', '2026-11-03', { volume: 1 }),
  ]);

  it('draws this period against the previous one and last year, day by day', () => {
    const option = trendOption(s, 'day', words);
    const series = option.series as { name: string; data: { value: number }[] }[];
    expect(series.map((x) => x.name)).toEqual(['本期', '上期', '去年同期']);
    expect(series[0]!.data.map((d) => d.value)).toEqual([5, 7, 1]);
    expect(series[1]!.data.map((d) => d.value)).toEqual([3, 0, 0]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['11-01', '11-02', '11-03']);
  });

  it('opens the tickets of the clicked day in the clicked period', () => {
    const series = trendOption(s, 'day', words).series as { data: unknown[] }[];
    expect(drillOf({ data: series[0]!.data[1] })).toMatchObject({
      figure: 'volume',
      from: '2026-11-01',
      to: '2026-11-03',
      by: 'day',
      group: '2026-11-02',
    });
    expect(drillOf({ data: series[1]!.data[2] })).toMatchObject({ from: '2026-10-29', to: '2026-10-31', group: '2026-10-31' });
    expect(drillOf({ data: series[2]!.data[0] })).toMatchObject({ from: '2025-11-01', group: '2025-11-01' });
    expect(drillOf({ data: 3 })).toBeNull();
    expect(drillOf(null)).toBeNull();
  });

  it('steps months for a monthly trend', () => {
    const year = summary('month', [], '2026-01-01', '2026-12-31');
    year.periods.previous = { from: '2025-01-01', to: '2025-12-31' };
    expect(trendGroupOf(year, 'current', 'month', 11)).toBe('2026-12');
    expect(trendGroupOf(year, 'previous', 'month', 0)).toBe('2025-01');
  });
});

describe('the category mix and unit charts', () => {
  it('leaves out empty categories and opens the category’s complaints', () => {
    const s = summary('category1', [row('01', '网络质量', { volume: 9 }), row('06', '增值业务', { volume: 0 })]);
    const pie = (categoryMixOption(s, words).series as { data: { name: string; value: number }[] }[])[0]!;
    expect(pie.data.map((d) => [d.name, d.value])).toEqual([['网络质量', 9]]);
    expect(drillOf({ data: pie.data[0] })).toMatchObject({ figure: 'volume', by: 'category1', group: '01', label: '投诉量 · 网络质量' });
  });

  it('stacks overdue and problem orders per unit with the timely rate on its own axis', () => {
    const s = summary('unit', [
      row('NET', '网络中心', { dispatched: 10, timely: 7, overdue: 2, problem: 1, timelyRate: 0.7 }),
      row('IDLE', '闲置', {}),
    ]);
    const option = unitTimelinessOption(s, words);
    expect((option.xAxis as { data: string[] }).data).toEqual(['网络中心']);
    const series = option.series as { name: string; stack?: string; yAxisIndex?: number; data: { value: number }[] }[];
    expect(series.map((x) => [x.name, x.stack, x.yAxisIndex])).toEqual([
      ['超时', 'late', undefined],
      ['问题', 'late', undefined],
      ['及时率', undefined, 1],
    ]);
    expect(series.map((x) => x.data[0]!.value)).toEqual([2, 1, 0.7]);
    expect(drillOf({ data: series[1]!.data[0] })).toMatchObject({ figure: 'problem', by: 'unit', group: 'NET' });
    expect(drillOf({ data: series[2]!.data[0] })).toMatchObject({ figure: 'timely' });
  });
});

describe('figure formatting', () => {
  it('writes counts, rates, hours and changes as the dashboard shows them', () => {
    expect(formatFigure(12345, 'count')).toBe('12,345');
    expect(formatFigure(0.9554, 'ratio')).toBe('95.5%');
    expect(formatFigure(null, 'ratio')).toBe('—');
    expect(formatFigure(26.25, 'hours')).toBe('26.3');
    expect(formatChange(0.125, 'count')).toBe('+12.5%');
    expect(formatChange(-0.012, 'ratio')).toBe('−1.2 pt');
    expect(formatChange(0, 'count')).toBe('±0.0%');
    expect(formatChange(null, 'count')).toBe('—');
  });
});
