import { addOpenTime, dailyHours, type BusinessCalendar, type OpenHours } from '../sla/index.js';

// When a callback is due, pure: specialists return a call within 1 hour of open time; a booking after hours is
// served from the next opening (DOMAIN.md §8). Open time runs across closing time, nights and holidays.

/** Specialist seats' default hours: every day 9:00–22:00. */
export const DEFAULT_OPEN: OpenHours = { open: 9 * 60, close: 22 * 60 };
export const RESPONSE_MINUTES = 60;
/** the queue shows a callback as due soon this long before it is due */
export const WARN_MINUTES = 15;

const MINUTE = 60_000;

export interface NationalDays {
  holidays: readonly string[];
  /** adjusted working days (调休) */
  workdays: readonly string[];
}

/**
 * A skill group's calendar: its own weekly hours when it names a calendar, else 9:00–22:00 every day; public holidays
 * close it, an adjusted working day opens it when the weekly hours would not (weekly null: round the clock).
 */
export function skillGroupCalendar(
  timeZone: string,
  days: NationalDays,
  own?: { weekly: (OpenHours | null)[] | null; observesHolidays: boolean },
): BusinessCalendar {
  if (!own) return dailyHours(timeZone, DEFAULT_OPEN.open, DEFAULT_OPEN.close, { holidays: days.holidays, workdays: days.workdays });
  if (own.weekly === null) return { timeZone, weekly: null, holidays: [], workdays: [] };
  return {
    timeZone,
    weekly: own.weekly,
    holidays: own.observesHolidays ? days.holidays : [],
    workdays: own.observesHolidays ? days.workdays : [],
  };
}

/** Due 1 hour of open time after booking: at 21:30 that is 9:30 the next open day, at 23:00 it is 10:00. */
export const firstDueAt = (cal: BusinessCalendar, bookedAt: Date, minutes = RESPONSE_MINUTES): Date =>
  addOpenTime(cal, bookedAt, minutes * MINUTE);

/** The next try after an unanswered call: `minutes` of open time later. */
export const retryDueAt = (cal: BusinessCalendar, at: Date, minutes: number): Date => addOpenTime(cal, at, minutes * MINUTE);

export type DueState = 'ok' | 'warning' | 'overdue';

/** The queue's colouring: due soon within WARN_MINUTES of the due time, overdue once past it. */
export function dueState(dueAt: Date, now: Date, warnMinutes = WARN_MINUTES): DueState {
  if (now.getTime() >= dueAt.getTime()) return 'overdue';
  if (dueAt.getTime() - now.getTime() <= warnMinutes * MINUTE) return 'warning';
  return 'ok';
}
