import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addOpenTime,
  addWorkingDays,
  dailyHours,
  isWorkingDay,
  nextOpening,
  openTimeBetween,
  roundTheClock,
  type BusinessCalendar,
} from './calendar.js';
import { parseIsoDate } from './zoned-time.js';

const TZ = 'Asia/Shanghai';
const H = 3_600_000;
// Shanghai is UTC+8: 09:00 local is 01:00Z
const at = (local: string) => new Date(`${local}+08:00`);
const local = (d: Date) => new Date(d.getTime() + 8 * H).toISOString().slice(0, 16).replace('T', ' ');

const specialistSeats = dailyHours(TZ, 9 * 60, 22 * 60);
const office: BusinessCalendar = {
  timeZone: TZ,
  weekly: [null, ...Array.from({ length: 5 }, () => ({ open: 9 * 60, close: 18 * 60 })), null],
  // National Day week, with the Sunday before and the Saturday after worked in exchange (调休)
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-27', '2026-10-10'],
};

describe('open-hours arithmetic', () => {
  it('counts every hour on a 24×7 calendar', () => {
    expect(addOpenTime(roundTheClock(TZ), at('2026-11-23T10:00'), 48 * H)).toEqual(at('2026-11-25T10:00'));
  });

  it('stops the clock overnight: a 1-hour callback booked at 21:30 is due at 09:30 next morning', () => {
    expect(local(addOpenTime(specialistSeats, at('2026-11-23T21:30'), H))).toBe('2026-11-24 09:30');
  });

  it('starts the clock at the next opening for a request made after hours', () => {
    expect(local(addOpenTime(specialistSeats, at('2026-11-23T23:10'), H))).toBe('2026-11-24 10:00');
    expect(local(addOpenTime(specialistSeats, at('2026-11-24T03:00'), H))).toBe('2026-11-24 10:00');
    expect(local(nextOpening(specialistSeats, at('2026-11-23T22:00')))).toBe('2026-11-24 09:00');
  });

  it('ends exactly at closing time when the limit fits the day', () => {
    expect(local(addOpenTime(specialistSeats, at('2026-11-23T21:00'), H))).toBe('2026-11-23 22:00');
  });

  it('skips the weekend on an office calendar', () => {
    // Friday 2026-11-27 17:00 + 2 open hours → Monday 10:00
    expect(local(addOpenTime(office, at('2026-11-27T17:00'), 2 * H))).toBe('2026-11-30 10:00');
  });

  it('skips public holidays and works the adjusted Saturday (调休)', () => {
    // Wednesday 30 Sep 17:00 + 2 h: 1 h that day, closed 1–2 Oct, Sat 3 and Sun 4 are weekend, 5–7 holidays,
    // Thursday 8 Oct opens at 9:00
    expect(local(addOpenTime(office, at('2026-09-30T17:00'), 2 * H))).toBe('2026-10-08 10:00');
    // Friday 9 Oct 17:00 + 2 h: Saturday 10 Oct is a working day
    expect(local(addOpenTime(office, at('2026-10-09T17:00'), 2 * H))).toBe('2026-10-10 10:00');
    // Sunday 27 Sep is worked as well
    expect(local(addOpenTime(office, at('2026-09-26T12:00'), H))).toBe('2026-09-27 10:00');
  });

  it('measures open time between two instants', () => {
    expect(openTimeBetween(specialistSeats, at('2026-11-23T21:00'), at('2026-11-24T10:00'))).toBe(2 * H);
    expect(openTimeBetween(office, at('2026-11-27T17:00'), at('2026-11-30T10:00'))).toBe(2 * H);
    expect(openTimeBetween(roundTheClock(TZ), at('2026-11-23T00:00'), at('2026-11-25T00:00'))).toBe(48 * H);
    expect(openTimeBetween(office, at('2026-11-30T10:00'), at('2026-11-27T17:00'))).toBe(0);
  });

  it('agrees with itself: the open time up to a due instant is the limit', () => {
    for (const start of ['2026-09-28T08:00', '2026-09-30T17:30', '2026-10-09T12:00', '2026-11-23T21:59']) {
      for (const hours of [1, 8, 48, 72]) {
        const due = addOpenTime(office, at(start), hours * H);
        expect(openTimeBetween(office, at(start), due)).toBe(hours * H);
      }
    }
  });
});

describe('working days and calendar days (the regulator’s clocks)', () => {
  it('knows Chinese working days: weekdays less holidays plus adjusted days', () => {
    expect(isWorkingDay(office, parseIsoDate('2026-10-01'))).toBe(false);
    expect(isWorkingDay(office, parseIsoDate('2026-10-10'))).toBe(true);
    expect(isWorkingDay(office, parseIsoDate('2026-10-11'))).toBe(false);
    expect(isWorkingDay(office, parseIsoDate('2026-10-12'))).toBe(true);
  });

  it('gives an appeal received on a Friday until the end of the following Friday to be accepted', () => {
    expect(local(addWorkingDays(office, at('2026-11-20T15:00'), 5))).toBe('2026-11-28 00:00');
  });

  it('counts 5 working days across National Day', () => {
    // Tue 29 Sep: Wed 30, Thu 8, Fri 9, Sat 10 (adjusted), Mon 12 → end of Monday 12 Oct
    expect(local(addWorkingDays(office, at('2026-09-29T11:00'), 5))).toBe('2026-10-13 00:00');
  });

  it('gives the customer’s answer until the end of the 15th calendar day', () => {
    expect(local(addCalendarDays(TZ, at('2026-11-23T10:00'), 15))).toBe('2026-12-09 00:00');
    expect(local(addCalendarDays(TZ, at('2026-11-23T23:59'), 30))).toBe('2026-12-24 00:00');
  });

  it('works in other time zones, daylight saving included', () => {
    const london = dailyHours('Europe/London', 9 * 60, 17 * 60);
    expect(addOpenTime(london, new Date('2026-07-01T07:00:00Z'), H).toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(addOpenTime(london, new Date('2026-12-01T07:00:00Z'), H).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });
});
