import { describe, expect, it } from 'vitest';
import { clockTimes, fromCalendar, newCalendarValues, toCalendarBody, toWeekly, weekdayRuns, type CalendarValues } from './calendar-values';

const specialistSeats = [
  { open: '09:00', close: '22:00' },
  { open: '09:00', close: '22:00' },
  { open: '09:00', close: '22:00' },
  { open: '09:00', close: '22:00' },
  { open: '09:00', close: '22:00' },
  { open: '09:00', close: '22:00' },
  { open: '09:00', close: '22:00' },
];

describe('calendars', () => {
  it('a new calendar is Monday to Friday, nine to six, closed on holidays', () => {
    const weekly = toWeekly(newCalendarValues as CalendarValues);
    expect(weekly?.map((d) => d?.open ?? null)).toEqual([null, '09:00', '09:00', '09:00', '09:00', '09:00', null]);
    expect(newCalendarValues.observesHolidays).toBe(true);
  });

  it('round the clock is sent as no weekly hours', () => {
    const values = { ...(newCalendarValues as CalendarValues), code: 'H24', name: ' 全天 ', nameEn: 'All day', isRoundTheClock: true };
    expect(toCalendarBody(values)).toEqual({ code: 'H24', name: '全天', nameEn: 'All day', weekly: null, observesHolidays: true });
  });

  it('reads back what it sent', () => {
    const calendar = {
      id: 1,
      code: 'SPEC',
      name: '专席',
      nameEn: 'Specialists',
      weekly: specialistSeats,
      observesHolidays: false,
      version: 1,
    };
    const values = fromCalendar(calendar);
    expect(values.days.every((d) => d.isOpen)).toBe(true);
    expect(toCalendarBody(values).weekly).toEqual(specialistSeats);
  });

  it('offers every quarter hour up to midnight at the end of the day', () => {
    expect(clockTimes[0]).toBe('00:00');
    expect(clockTimes[37]).toBe('09:15');
    expect(clockTimes.at(-1)).toBe('24:00');
  });

  it('summarises a week from Monday, joining days with the same hours', () => {
    const week = [null, ...Array(5).fill({ open: '09:00', close: '18:00' }), { open: '10:00', close: '16:00' }];
    expect(weekdayRuns(week)).toEqual([
      { from: 1, to: 5, open: '09:00', close: '18:00' },
      { from: 6, to: 6, open: '10:00', close: '16:00' },
    ]);
    expect(weekdayRuns(specialistSeats)).toEqual([{ from: 1, to: 0, open: '09:00', close: '22:00' }]);
    const split = [null, { open: '09:00', close: '18:00' }, null, { open: '09:00', close: '18:00' }, null, null, null];
    expect(weekdayRuns(split)).toHaveLength(2);
  });
});
