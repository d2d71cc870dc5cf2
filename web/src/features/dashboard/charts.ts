import type { EChartsOption } from 'echarts';
import type { StatsSummary } from '../../../../contracts/stats.js';
import { trendGroupOf, type Comparison, type Drill } from './figures';

// ECharts options built from the figures API's answers: pure, so they are tested without a browser. Every data
// item carries the drill-down it opens (`drill`), which the chart wrapper hands to the page on click.

export interface ChartWords {
  current: string;
  previous: string;
  lastYear: string;
  volume: string;
  timelyRate: string;
  overdue: string;
  problem: string;
  /** a group's name in the user's language */
  label(row: StatsSummary['groups'][number]): string;
}

export interface DrillItem {
  value: number | null;
  name?: string;
  drill: Drill;
}

const palette = ['#1677ff', '#8c8c8c', '#d9d9d9', '#cf1322', '#9e1068', '#389e0d', '#fa8c16', '#13c2c2', '#722ed1', '#eb2f96'];
const textStyle = (scale: number) => ({ fontSize: Math.round(12 * scale) });

/** Complaint volume per day (or month) of the period, beside the previous period and the same period last year. */
export function trendOption(summary: StatsSummary, grain: 'day' | 'month', words: ChartWords, scale = 1): EChartsOption {
  const comparisons: Comparison[] = ['current', 'previous', 'lastYear'];
  const series = comparisons.map((c, ci) => ({
    name: words[c],
    type: 'line' as const,
    smooth: false,
    symbolSize: ci === 0 ? 6 * scale : 4 * scale,
    lineStyle: { width: (ci === 0 ? 3 : 1.5) * scale, type: ci === 0 ? ('solid' as const) : ('dashed' as const) },
    data: summary.groups.map((row, i): DrillItem => ({
      value: row[c].volume,
      drill: {
        figure: 'volume',
        from: summary.periods[c].from,
        to: summary.periods[c].to,
        by: grain,
        group: trendGroupOf(summary, c, grain, i),
        label: `${words.volume} · ${trendGroupOf(summary, c, grain, i)}`,
      },
    })),
  }));
  return {
    color: palette,
    textStyle: textStyle(scale),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: textStyle(scale) },
    grid: { left: 48 * scale, right: 16, top: 36 * scale, bottom: 28 * scale },
    xAxis: { type: 'category', data: summary.groups.map((g) => (grain === 'day' ? g.key.slice(5) : g.key)), axisLabel: textStyle(scale) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: textStyle(scale) },
    series,
  };
}

/** The category mix of the period's complaints (first level), largest first. */
export function categoryMixOption(summary: StatsSummary, words: ChartWords, scale = 1): EChartsOption {
  const { from, to } = summary.periods.current;
  const data = summary.groups
    .filter((g) => g.current.volume > 0)
    .map((g): DrillItem & { name: string; value: number } => ({
      name: words.label(g),
      value: g.current.volume,
      drill: { figure: 'volume', from, to, by: summary.by ?? undefined, group: g.key, label: `${words.volume} · ${words.label(g)}` },
    }));
  return {
    color: palette,
    textStyle: textStyle(scale),
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: textStyle(scale) },
    series: [
      {
        name: words.volume,
        type: 'pie',
        radius: ['40%', '70%'],
        center: ['38%', '50%'],
        label: { show: false },
        data,
      },
    ],
  };
}

/** Per handling unit: overdue and problem orders (bars) and the timely rate (line, right axis). */
export function unitTimelinessOption(summary: StatsSummary, words: ChartWords, scale = 1): EChartsOption {
  const { from, to } = summary.periods.current;
  const rows = summary.groups.filter((g) => g.current.dispatched > 0 || g.current.overdue > 0 || g.current.problem > 0);
  const item = (g: (typeof rows)[number], figure: 'overdue' | 'problem' | 'timely', value: number | null, name: string): DrillItem => ({
    value,
    drill: { figure, from, to, by: 'unit', group: g.key, label: `${name} · ${words.label(g)}` },
  });
  return {
    color: ['#cf1322', '#9e1068', '#389e0d'],
    textStyle: textStyle(scale),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: textStyle(scale) },
    grid: { left: 48 * scale, right: 56 * scale, top: 36 * scale, bottom: 28 * scale, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((g) => words.label(g)),
      axisLabel: { ...textStyle(scale), interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: textStyle(scale) },
      { type: 'value', min: 0, max: 1, axisLabel: { ...textStyle(scale), formatter: (v: number) => `${Math.round(v * 100)}%` } },
    ],
    series: [
      { name: words.overdue, type: 'bar', stack: 'late', data: rows.map((g) => item(g, 'overdue', g.current.overdue, words.overdue)) },
      { name: words.problem, type: 'bar', stack: 'late', data: rows.map((g) => item(g, 'problem', g.current.problem, words.problem)) },
      {
        name: words.timelyRate,
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((g) => item(g, 'timely', g.current.timelyRate, words.timelyRate)),
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '—') },
      },
    ],
  };
}

/** The drill-down a clicked chart element carries, if any. */
export function drillOf(params: unknown): Drill | null {
  const data = (params as { data?: { drill?: Drill } } | null)?.data;
  return data?.drill ?? null;
}
