import { describe, expect, it } from 'vitest';
import { afterAttempt } from './attempts.js';
import { dueState, firstDueAt, retryDueAt, skillGroupCalendar } from './due-time.js';

const TZ = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);
const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

// National Day 2026: 1–7 October off, Saturday 10 October worked in exchange (调休)
const national = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
};
const seats = skillGroupCalendar(TZ, national);
const weekdaysOnly = (observesHolidays: boolean) =>
  skillGroupCalendar(TZ, national, {
    weekly: [null, ...Array.from({ length: 5 }, () => ({ open: 9 * 60, close: 18 * 60 })), null],
    observesHolidays,
  });

describe('a callback is due one hour of open time after booking', () => {
  it('booked in the afternoon: one hour later', () => {
    expect(local(firstDueAt(seats, at('2026-11-23T14:05')))).toBe('2026-11-23 15:05');
  });

  it('booked at opening and at the last full hour: exactly one hour later', () => {
    expect(local(firstDueAt(seats, at('2026-11-23T09:00')))).toBe('2026-11-23 10:00');
    expect(local(firstDueAt(seats, at('2026-11-23T21:00')))).toBe('2026-11-23 22:00');
  });

  it('booked half an hour before closing: the other half hour runs from 9:00 next morning', () => {
    expect(local(firstDueAt(seats, at('2026-11-23T21:30')))).toBe('2026-11-24 09:30');
  });

  it('booked after closing or in the small hours: 10:00, one hour after the next opening', () => {
    expect(local(firstDueAt(seats, at('2026-11-23T22:00')))).toBe('2026-11-24 10:00');
    expect(local(firstDueAt(seats, at('2026-11-23T23:45')))).toBe('2026-11-24 10:00');
    expect(local(firstDueAt(seats, at('2026-11-24T03:00')))).toBe('2026-11-24 10:00');
    expect(local(firstDueAt(seats, at('2026-11-24T08:59')))).toBe('2026-11-24 10:00');
  });

  it('skips the whole National Day week: booked the evening before, due the morning after', () => {
    expect(local(firstDueAt(seats, at('2026-09-30T21:40')))).toBe('2026-10-08 09:40');
    expect(local(firstDueAt(seats, at('2026-10-03T12:00')))).toBe('2026-10-08 10:00');
  });

  it('keeps weekends open on the default calendar: specialist seats work every day', () => {
    // 2026-11-28 is a Saturday
    expect(local(firstDueAt(seats, at('2026-11-28T11:00')))).toBe('2026-11-28 12:00');
  });

  it('on a weekdays-only calendar, a Friday-evening booking waits for Monday', () => {
    // 2026-11-27 is a Friday
    expect(local(firstDueAt(weekdaysOnly(true), at('2026-11-27T17:30')))).toBe('2026-11-30 09:30');
  });

  it('opens on an adjusted working day (调休) only when the calendar observes holidays', () => {
    // Friday 9 October, 17:30: Saturday 10 October is worked in exchange
    expect(local(firstDueAt(weekdaysOnly(true), at('2026-10-09T17:30')))).toBe('2026-10-10 09:30');
    expect(local(firstDueAt(weekdaysOnly(false), at('2026-10-09T17:30')))).toBe('2026-10-12 09:30');
    // and closes on the holiday only when it observes them
    expect(local(firstDueAt(weekdaysOnly(false), at('2026-10-01T10:00')))).toBe('2026-10-01 11:00');
  });

  it('a round-the-clock calendar counts every hour', () => {
    const always = skillGroupCalendar(TZ, national, { weekly: null, observesHolidays: true });
    expect(local(firstDueAt(always, at('2026-10-01T23:30')))).toBe('2026-10-02 00:30');
  });
});

describe('retries and the queue colouring', () => {
  it('the next try is 30 minutes of open time later, across closing time', () => {
    expect(local(retryDueAt(seats, at('2026-11-23T15:00'), 30))).toBe('2026-11-23 15:30');
    expect(local(retryDueAt(seats, at('2026-11-23T21:50'), 30))).toBe('2026-11-24 09:20');
  });

  it('is ok until 15 minutes before due, due soon after that, overdue from the due time', () => {
    const due = at('2026-11-23T15:00');
    expect(dueState(due, at('2026-11-23T14:44'))).toBe('ok');
    expect(dueState(due, at('2026-11-23T14:45'))).toBe('warning');
    expect(dueState(due, at('2026-11-23T15:00'))).toBe('overdue');
  });

  it('retries an unanswered call until the policy runs out, then sends an SMS', () => {
    const policy = { attempts: 3, minutes: 30 };
    expect(afterAttempt(policy, 1, 'no_answer')).toMatchObject({ state: 'open', retryInMinutes: 30, sendSms: false });
    expect(afterAttempt(policy, 2, 'no_answer')).toMatchObject({ state: 'open', sendSms: false });
    expect(afterAttempt(policy, 3, 'no_answer')).toMatchObject({ state: 'unreached', closed: true, sendSms: true });
    expect(afterAttempt({ attempts: 1, minutes: 30 }, 1, 'no_answer')).toMatchObject({ state: 'unreached', sendSms: true });
    expect(afterAttempt(policy, 1, 'reached_solved')).toMatchObject({ state: 'solved', closed: true });
    expect(afterAttempt(policy, 3, 'reached_ticket')).toMatchObject({ state: 'ticketed', sendSms: false });
  });
});
