// Period maths for the dashboard: pure, on local calendar dates (YYYY-MM-DD), as the figures API takes them
// (`from` and `to` both included). Weeks run Monday to Sunday, as the centre counts them.

export type PeriodKind = 'day' | 'week' | 'month' | 'custom';
export const periodKinds: PeriodKind[] = ['day', 'week', 'month', 'custom'];
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const fromDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export const addDays = (d: string, n: number) => fromDate(new Date(toDate(d).getTime() + n * DAY_MS));
export const daysBetween = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS) + 1;
const lastOfMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** The day, week or month that holds `anchor`; a custom period keeps the range it is given. */
export function periodOf(kind: PeriodKind, anchor: string, custom?: { from: string; to: string }): Period {
  if (kind === 'day') return { kind, from: anchor, to: anchor };
  if (kind === 'week') {
    const weekday = (toDate(anchor).getUTCDay() + 6) % 7; // Monday 0
    const from = addDays(anchor, -weekday);
    return { kind, from, to: addDays(from, 6) };
  }
  if (kind === 'month') {
    const d = toDate(anchor);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    return { kind, from: `${y}-${pad(m + 1)}-01`, to: `${y}-${pad(m + 1)}-${pad(lastOfMonth(y, m))}` };
  }
  const range = custom ?? { from: anchor, to: anchor };
  return range.from <= range.to ? { kind, ...range } : { kind, from: range.to, to: range.from };
}

/** The period before (-1) or after (+1): the same kind, a custom range by its own length. */
export function shiftPeriod(p: Period, step: -1 | 1): Period {
  if (p.kind === 'day') return periodOf('day', addDays(p.from, step));
  if (p.kind === 'week') return periodOf('week', addDays(p.from, 7 * step));
  if (p.kind === 'month') {
    const d = toDate(p.from);
    return periodOf('month', fromDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1))));
  }
  const n = daysBetween(p.from, p.to) * step;
  return { kind: 'custom', from: addDays(p.from, n), to: addDays(p.to, n) };
}

/** The trend's grain: days up to a quarter, months beyond. */
export const trendGrain = (p: { from: string; to: string }): 'day' | 'month' => (daysBetween(p.from, p.to) <= 92 ? 'day' : 'month');

/** The month a monthly report covers by default: the last whole month before `today`. */
export function lastWholeMonth(today: string): string {
  const d = toDate(today);
  const prev = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return `${prev.getUTCFullYear()}-${pad(prev.getUTCMonth() + 1)}`;
}

/** How a figure moved against a comparison: counts as a relative change, ratios in percentage points. */
export function change(current: number | null, before: number | null, isRatio: boolean): number | null {
  if (current === null || before === null) return null;
  if (isRatio) return current - before;
  return before === 0 ? null : (current - before) / before;
}

/** Today as a local date in the browser's zone (the centre's). */
export const today = (now = new Date()) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
