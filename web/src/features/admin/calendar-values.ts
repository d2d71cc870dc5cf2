import type { BusinessCalendar, CreateCalendarBody } from '../../../../contracts/sla.js';

/** One weekday in the form: open or not, and its hours. */
export interface DayHours {
  isOpen: boolean;
  open: string;
  close: string;
}

export interface CalendarValues {
  code: string;
  name: string;
  nameEn: string;
  isRoundTheClock: boolean;
  /** Sunday first, as the server keeps it */
  days: DayHours[];
  observesHolidays: boolean;
}

type Weekly = BusinessCalendar['weekly'];

// Monday to Friday 9:00–18:00 as a starting point for a new calendar.
const workday: DayHours = { isOpen: true, open: '09:00', close: '18:00' };
const weekend: DayHours = { isOpen: false, open: '09:00', close: '18:00' };
export const newCalendarValues: Partial<CalendarValues> = {
  isRoundTheClock: false,
  days: [weekend, workday, workday, workday, workday, workday, weekend],
  observesHolidays: true,
};

/** Every quarter hour of a day, and midnight at its end. */
export const clockTimes: string[] = Array.from({ length: 97 }, (_, i) => {
  const minutes = i * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

export function fromCalendar(c: BusinessCalendar): CalendarValues {
  return {
    code: c.code,
    name: c.name,
    nameEn: c.nameEn,
    isRoundTheClock: c.weekly === null,
    days: c.weekly ? c.weekly.map((d) => (d ? { isOpen: true, ...d } : { ...weekend })) : [...(newCalendarValues.days ?? [])],
    observesHolidays: c.observesHolidays,
  };
}

export function toWeekly(v: Pick<CalendarValues, 'isRoundTheClock' | 'days'>): Weekly {
  if (v.isRoundTheClock) return null;
  return v.days.map((d) => (d.isOpen ? { open: d.open, close: d.close } : null));
}

export function toCalendarBody(v: CalendarValues): CreateCalendarBody {
  return { code: v.code, name: v.name.trim(), nameEn: v.nameEn.trim(), weekly: toWeekly(v), observesHolidays: v.observesHolidays };
}

/** "HH:MM" strings compare as times; "24:00" closes at midnight. */
export const closesAfterOpening = (d: DayHours) => !d.isOpen || d.close > d.open;

/** Sunday = 0, as Date.getDay() */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const weekdays: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

export interface WeekdayRun {
  from: Weekday;
  to: Weekday;
  open: string;
  close: string;
}

// People read a week from Monday.
const MONDAY_FIRST: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** Consecutive weekdays with the same hours, Monday first: "Mon–Fri 09:00–18:00, Sat 10:00–16:00". */
export function weekdayRuns(weekly: NonNullable<Weekly>): WeekdayRun[] {
  const runs: WeekdayRun[] = [];
  let last: WeekdayRun | undefined;
  let lastDay: Weekday | undefined;
  for (const day of MONDAY_FIRST) {
    const hours = weekly[day];
    if (!hours) {
      last = undefined;
      continue;
    }
    if (
      last &&
      last.open === hours.open &&
      last.close === hours.close &&
      lastDay !== undefined &&
      MONDAY_FIRST.indexOf(day) === MONDAY_FIRST.indexOf(lastDay) + 1
    ) {
      last.to = day;
    } else {
      last = { from: day, to: day, open: hours.open, close: hours.close };
      runs.push(last);
    }
    lastDay = day;
  }
  return runs;
}
