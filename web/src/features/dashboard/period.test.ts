import { describe, expect, it } from 'vitest';
import { change, daysBetween, lastWholeMonth, periodOf, shiftPeriod, trendGrain } from './period';

describe('dashboard periods', () => {
  it('finds the day, the Monday-to-Sunday week and the month holding a date', () => {
    expect(periodOf('day', '2026-11-23')).toEqual({ kind: 'day', from: '2026-11-23', to: '2026-11-23' });
    // 2026-11-23 is a Monday; 2026-11-29 a Sunday
    expect(periodOf('week', '2026-11-23')).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodOf('week', '2026-11-29')).toMatchObject({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodOf('week', '2026-01-01')).toMatchObject({ from: '2025-12-29', to: '2026-01-04' });
    expect(periodOf('month', '2028-02-10')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('month', '2026-02-10')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('custom', '2026-11-23', { from: '2026-11-20', to: '2026-11-01' })).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-20',
    });
  });

  it('steps to the period before and after', () => {
    expect(shiftPeriod(periodOf('day', '2026-03-01'), -1)).toMatchObject({ from: '2026-02-28', to: '2026-02-28' });
    expect(shiftPeriod(periodOf('week', '2026-11-25'), -1)).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(shiftPeriod(periodOf('month', '2026-01-15'), -1)).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(shiftPeriod(periodOf('month', '2026-01-31'), 1)).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(shiftPeriod({ kind: 'custom', from: '2026-11-01', to: '2026-11-10' }, -1)).toMatchObject({
      from: '2026-10-22',
      to: '2026-10-31',
    });
  });

  it('counts days, picks the trend grain and the last whole month', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(365);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(3);
    expect(trendGrain({ from: '2026-01-01', to: '2026-03-31' })).toBe('day');
    expect(trendGrain({ from: '2026-01-01', to: '2026-12-31' })).toBe('month');
    expect(lastWholeMonth('2026-01-05')).toBe('2025-12');
    expect(lastWholeMonth('2026-11-23')).toBe('2026-10');
  });

  it('compares counts relatively and ratios in points, never across a missing value', () => {
    expect(change(120, 100, false)).toBeCloseTo(0.2);
    expect(change(5, 0, false)).toBeNull();
    expect(change(0.9, 0.95, true)).toBeCloseTo(-0.05);
    expect(change(null, 0.95, true)).toBeNull();
  });
});
