import { addDays, instantAt, isoDate, localDateOf, weekdayOf, type LocalDate } from './zoned-time.js';

// Business-hours arithmetic, pure: which hours count towards a time limit, and when a limit falls due.

export interface OpenHours {
  open: number; // minutes from local midnight
  close: number; // minutes from local midnight, up to 1440
}

export interface BusinessCalendar {
  timeZone: string;
  /** Opening hours per weekday, 0 = Sunday; null: open round the clock every day (holidays do not apply). */
  weekly: (OpenHours | null)[] | null;
  /** Public holidays: closed although the weekday would be open (e.g. 2026-10-01). */
  holidays: readonly string[];
  /** Adjusted working days (调休): open although the weekday would be closed, with `workdayHours`. */
  workdays: readonly string[];
  /** Hours of an adjusted working day; by default Monday's. */
  workdayHours?: OpenHours | null;
}

export const roundTheClock = (timeZone: string): BusinessCalendar => ({ timeZone, weekly: null, holidays: [], workdays: [] });

/** Every day the same hours, e.g. 9:00–22:00 for specialist seats. */
export const dailyHours = (timeZone: string, open: number, close: number, extra: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timeZone,
  weekly: Array.from({ length: 7 }, () => ({ open, close })),
  holidays: [],
  workdays: [],
  ...extra,
});

const DAY_MS = 86_400_000;
// a limit never needs more than a few years of calendar; the bound keeps a closed calendar from looping forever
const MAX_DAYS = 3 * 366;

export function hoursOn(cal: BusinessCalendar, date: LocalDate): OpenHours | null {
  if (cal.weekly === null) return { open: 0, close: 1440 };
  const iso = isoDate(date);
  if (cal.workdays.includes(iso)) return cal.workdayHours ?? cal.weekly[1] ?? { open: 540, close: 1080 };
  if (cal.holidays.includes(iso)) return null;
  return cal.weekly[weekdayOf(date)] ?? null;
}

function intervalOn(cal: BusinessCalendar, date: LocalDate): [number, number] | null {
  const h = hoursOn(cal, date);
  if (!h || h.close <= h.open) return null;
  return [instantAt(date, h.open, cal.timeZone), instantAt(date, h.close, cal.timeZone)];
}

/** The instant when `ms` of open time have passed since `start` (a limit measured in open hours). */
export function addOpenTime(cal: BusinessCalendar, start: Date, ms: number): Date {
  if (cal.weekly === null) return new Date(start.getTime() + ms);
  let remaining = ms;
  let date = addDays(localDateOf(start.getTime(), cal.timeZone), -1);
  for (let i = 0; i < MAX_DAYS; i++, date = addDays(date, 1)) {
    const iv = intervalOn(cal, date);
    if (!iv) continue;
    const from = Math.max(iv[0], start.getTime());
    if (from >= iv[1]) continue;
    if (remaining <= iv[1] - from) return new Date(from + remaining);
    remaining -= iv[1] - from;
  }
  throw new Error('calendar has no open hours within three years');
}

/** The next instant at or after `t` when the calendar is open. */
export const nextOpening = (cal: BusinessCalendar, t: Date): Date => addOpenTime(cal, t, 0);

/** Open time between two instants, in milliseconds. */
export function openTimeBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  if (b <= a) return 0;
  if (cal.weekly === null) return b.getTime() - a.getTime();
  let total = 0;
  const last = localDateOf(b.getTime(), cal.timeZone);
  let date = addDays(localDateOf(a.getTime(), cal.timeZone), -1);
  for (let i = 0; i < MAX_DAYS + (b.getTime() - a.getTime()) / DAY_MS; i++, date = addDays(date, 1)) {
    const iv = intervalOn(cal, date);
    if (iv) total += Math.max(0, Math.min(iv[1], b.getTime()) - Math.max(iv[0], a.getTime()));
    if (isoDate(date) === isoDate(last)) break;
  }
  return total;
}

/** Monday to Friday, less public holidays, plus adjusted working days: the regulator's working days. */
export function isWorkingDay(cal: Pick<BusinessCalendar, 'holidays' | 'workdays'>, date: LocalDate): boolean {
  const iso = isoDate(date);
  if (cal.workdays.includes(iso)) return true;
  if (cal.holidays.includes(iso)) return false;
  const wd = weekdayOf(date);
  return wd >= 1 && wd <= 5;
}

/**
 * "Within N working days" of `start`: the end (local midnight) of the N-th working day after the day of `start`.
 * The day a complaint arrives does not count, as the appeal centre counts.
 */
export function addWorkingDays(cal: BusinessCalendar, start: Date, n: number): Date {
  let date = localDateOf(start.getTime(), cal.timeZone);
  let counted = 0;
  for (let i = 0; counted < n; i++) {
    if (i > MAX_DAYS) throw new Error('calendar has no working days within three years');
    date = addDays(date, 1);
    if (isWorkingDay(cal, date)) counted++;
  }
  return new Date(instantAt(addDays(date, 1), 0, cal.timeZone));
}

/** "Within N days" of `start`: the end (local midnight) of the N-th calendar day after the day of `start`. */
export function addCalendarDays(timeZone: string, start: Date, n: number): Date {
  const date = addDays(localDateOf(start.getTime(), timeZone), n + 1);
  return new Date(instantAt(date, 0, timeZone));
}
