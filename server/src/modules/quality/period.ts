// Weeks and months as the centre lives them: in its time zone, ISO weeks starting on Monday.
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsOf(ms: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
}

const offsetAt = (ms: number, timeZone: string) => {
  const p = partsOf(ms, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(ms / 1000) * 1000;
};

/** the UTC instant of local midnight on that date */
export function localMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d);
  const first = guess - offsetAt(guess, timeZone);
  return new Date(guess - offsetAt(first, timeZone));
}

export function monthOf(at: Date, timeZone: string): string {
  const p = partsOf(at.getTime(), timeZone);
  return `${p.y}-${String(p.m).padStart(2, '0')}`;
}

/** ISO week of the local date, e.g. 2026-W48 */
export function weekOf(at: Date, timeZone: string): string {
  const p = partsOf(at.getTime(), timeZone);
  const date = new Date(Date.UTC(p.y, p.m - 1, p.d));
  const dow = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - dow + 3); // the week's Thursday names its year
  const year = date.getUTCFullYear();
  const week =
    1 +
    Math.round(
      (date.getTime() - Date.UTC(year, 0, 4) + ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7) * 86_400_000) / (7 * 86_400_000),
    );
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** [Monday 00:00, next Monday 00:00) local, as UTC instants */
export function weekRange(week: string, timeZone: string): { from: Date; to: Date } {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000);
  const next = new Date(monday.getTime() + 7 * 86_400_000);
  return {
    from: localMidnight(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), timeZone),
    to: localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
  };
}
