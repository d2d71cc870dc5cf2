import { describe, expect, it } from 'vitest';
import { dailyHours, roundTheClock } from './calendar.js';
import { nextReplyInstant, replyClock, replyOutcome, replyStateAt } from './clocks.js';
import { choosePolicy, DEFAULT_LIMITS, type SlaPolicy } from './policy.js';

const TZ = 'Asia/Shanghai';
const H = 3_600_000;
const M = 60_000;
const dispatchedAt = new Date('2026-11-23T02:00:00.000Z');
const after = (ms: number) => new Date(dispatchedAt.getTime() + ms);
const clock = replyClock(roundTheClock(TZ), dispatchedAt, DEFAULT_LIMITS, 0);

describe('the 48 h / 72 h rule (DOMAIN.md §3)', () => {
  it('classifies a reply at 47 h 59 min as timely, 48 h 1 min as overdue, 72 h 1 min as a problem order', () => {
    expect(replyOutcome(clock, after(47 * H + 59 * M))).toBe('timely');
    expect(replyOutcome(clock, after(48 * H))).toBe('timely');
    expect(replyOutcome(clock, after(48 * H + M))).toBe('overdue');
    expect(replyOutcome(clock, after(72 * H + M))).toBe('problem');
  });

  it('warns at 75% of the reply limit (36 h) and moves only forward', () => {
    expect(replyStateAt(clock, after(35 * H))).toBe('ok');
    expect(replyStateAt(clock, after(36 * H))).toBe('warning');
    expect(replyStateAt(clock, after(49 * H))).toBe('overdue');
    expect(replyStateAt(clock, after(73 * H))).toBe('problem');
    expect(nextReplyInstant(clock, 'ok')).toEqual(after(36 * H));
    expect(nextReplyInstant(clock, 'warning')).toEqual(after(48 * H + 1));
    expect(nextReplyInstant(clock, 'overdue')).toEqual(after(72 * H + 1));
    expect(nextReplyInstant(clock, 'problem')).toBeNull();
  });

  it('adds the time spent suspended to every limit', () => {
    const paused = replyClock(roundTheClock(TZ), dispatchedAt, DEFAULT_LIMITS, 5 * H);
    expect(paused.dueAt).toEqual(after(53 * H));
    expect(paused.problemAt).toEqual(after(77 * H));
  });

  it('counts only a business-hours unit’s open hours', () => {
    // 9:00–22:00 (13 h a day): dispatched Monday 10:00 local, 48 open hours later is Thursday 19:00
    const unit = dailyHours(TZ, 9 * 60, 22 * 60);
    const c = replyClock(unit, dispatchedAt, DEFAULT_LIMITS, 0);
    expect(c.dueAt.toISOString()).toBe('2026-11-26T11:00:00.000Z');
  });
});

describe('choosing a policy', () => {
  const base = {
    replyMinutes: 2880,
    problemMinutes: 4320,
    warnPercent: 75,
    answerMinutes: 4320,
    isActive: true,
    customerLevel: null,
    priority: null,
  };
  const policies: SlaPolicy[] = [
    { ...base, id: 1, name: 'all', categoryCode: null },
    { ...base, id: 2, name: 'basic communication', categoryCode: '01', replyMinutes: 1440 },
    { ...base, id: 3, name: 'no signal', categoryCode: '0101', replyMinutes: 720 },
    { ...base, id: 4, name: 'VIP gold', categoryCode: null, customerLevel: 'gold', replyMinutes: 480 },
    { ...base, id: 5, name: 'VIP gold, basic communication', categoryCode: '01', customerLevel: 'gold', replyMinutes: 240 },
    { ...base, id: 6, name: 'retired', categoryCode: '0102', isActive: false },
  ];
  const pick = (categoryCode: string, customerLevel = 'normal', priority = 'normal') =>
    choosePolicy(policies, { categoryCode, customerLevel, priority })?.name;

  it('prefers the sub-category, then the first level it inherits from, then the catch-all', () => {
    expect(pick('0101')).toBe('no signal');
    expect(pick('0102')).toBe('basic communication');
    expect(pick('0301')).toBe('all');
  });

  it('lets a VIP override within the same category scope', () => {
    expect(pick('0102', 'gold')).toBe('VIP gold, basic communication');
    expect(pick('0301', 'gold')).toBe('VIP gold');
    expect(pick('0101', 'gold')).toBe('no signal');
  });

  it('has no policy when none applies', () => {
    expect(choosePolicy([], { categoryCode: '0101', customerLevel: 'normal', priority: 'normal' })).toBeNull();
  });
});
