// Calendar arithmetic on local dates (YYYY-MM-DD): the periods a summary compares, and where a local day begins.

const DAY_MS = 86_400_000;
const parse = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return { y, m, day };
};
const fmt = (t: number) => new Date(t).toISOString().slice(0, 10);
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const addDays = (d: string, n: number) => fmt(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS);
export const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

export function addMonths(d: string, n: number): string {
  const { y, m, day } = parse(d);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, daysInMonth(ny, nm))).padStart(2, '0')}`;
}

const isMonthStart = (d: string) => d.endsWith('-01');
const isMonthEnd = (d: string) => isMonthStart(addDays(d, 1));
const monthCount = (from: string, to: string) => {
  const a = parse(from);
  const b = parse(to);
  return (b.y - a.y) * 12 + (b.m - a.m) + 1;
};

export interface Period {
  from: string;
  to: string;
}

/** The same number of days just before; of months, when the period is whole months. */
export function previousPeriod(p: Period): Period {
  if (isMonthStart(p.from) && isMonthEnd(p.to)) {
    const from = addMonths(p.from, -monthCount(p.from, p.to));
    return { from, to: addDays(p.from, -1) };
  }
  const n = dayCount(p.from, p.to);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** The same dates a year earlier (29 February becomes the 28th; a month's last day stays its last day). */
export function lastYearPeriod(p: Period): Period {
  const to = isMonthEnd(p.to) ? addDays(addMonths(addDays(p.to, 1), -12), -1) : addMonths(p.to, -12);
  return { from: addMonths(p.from, -12), to };
}

/** Each day or month of a period, in order. */
export function buckets(p: Period, by: 'day' | 'month'): string[] {
  const out: string[] = [];
  if (by === 'day') for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d);
  else for (let m = p.from.slice(0, 7); m <= p.to.slice(0, 7); m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m);
  return out;
}

// The UTC instant a local day starts, in any zone (offsets found by asking Intl, twice for the day DST changes).
const formatters = new Map<string, Intl.DateTimeFormat>();
export function offsetMs(timeZone: string, t: number): number {
  let f = formatters.get(timeZone);
  if (!f)
    formatters.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })),
    );
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - t;
}
export function dayStart(date: string, timeZone: string): string {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let t = wall - offsetMs(timeZone, wall);
  t = wall - offsetMs(timeZone, t);
  return new Date(t).toISOString();
}
