import { describe, expect, it } from 'vitest';
import { translate } from './i18n';
import { formatDuration, hoursToMinutes, minutesToHours, timeLeft, timeLeftText, type ClockFace } from './time-left';

const zh = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

const now = Date.parse('2026-11-23T08:00:00Z');
const minutes = (n: number) => n * 60_000;
const due = (offsetMs: number) => new Date(now + offsetMs).toISOString();
const clock = (over: Partial<ClockFace>): ClockFace => ({ state: 'ok', dueAt: due(minutes(60)), paused: false, ...over });

describe('time left on a clock', () => {
  it('reads "5 h 12 min left" while the deadline is ahead', () => {
    const left = timeLeft(clock({ dueAt: due(minutes(5 * 60 + 12) + 30_000) }), now);
    expect(left).toMatchObject({ kind: 'left', tone: 'ok' });
    expect(timeLeftText(left, zh)).toBe('剩余 5小时12分');
    expect(timeLeftText(left, en)).toBe('5 h 12 min left');
  });

  it('reads "overdue by 3 h" once the deadline has passed, in the clock\'s colour', () => {
    const left = timeLeft(clock({ state: 'overdue', dueAt: due(-minutes(180)) }), now);
    expect(left).toMatchObject({ kind: 'overdue', tone: 'overdue' });
    expect(timeLeftText(left, zh)).toBe('已超时 3小时');
    expect(timeLeftText(left, en)).toBe('overdue by 3 h');
  });

  it('is overdue past the deadline even before the sweep has marked it', () => {
    expect(timeLeft(clock({ state: 'warning', dueAt: due(-minutes(2)) }), now)).toMatchObject({ kind: 'overdue', tone: 'overdue' });
    expect(timeLeft(clock({ state: 'problem', dueAt: due(-minutes(2)) }), now)).toMatchObject({ tone: 'problem' });
  });

  it('says paused while the ticket is suspended, and nothing when no clock runs', () => {
    const paused = timeLeft(clock({ paused: true, state: 'warning' }), now);
    expect(timeLeftText(paused, zh)).toBe('已暂停');
    expect(timeLeftText(paused, en)).toBe('paused');
    expect(timeLeft(clock({ dueAt: null }), now)).toEqual({ kind: 'none' });
  });

  it('keeps a warning orange while time is left', () => {
    expect(timeLeft(clock({ state: 'warning', dueAt: due(minutes(30)) }), now)).toMatchObject({ kind: 'left', tone: 'warning' });
  });
});

describe('durations', () => {
  it('show the two largest units, rounded down', () => {
    expect(formatDuration(minutes(14 * 1440 + 23 * 60 + 59), zh)).toBe('14天23小时');
    expect(formatDuration(minutes(2 * 1440), en)).toBe('2 d');
    expect(formatDuration(minutes(61), en)).toBe('1 h 1 min');
    expect(formatDuration(minutes(59), zh)).toBe('59分钟');
    expect(formatDuration(59_000, en)).toBe('under 1 min');
  });
});

describe('limits in hours', () => {
  it('convert between the hours an administrator types and the minutes the server keeps', () => {
    expect(minutesToHours(2880)).toBe(48);
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(2)).toBe(0.03);
    expect(hoursToMinutes(48)).toBe(2880);
    expect(hoursToMinutes(0.03)).toBe(2);
    expect(hoursToMinutes(0.001)).toBe(1);
  });
});
