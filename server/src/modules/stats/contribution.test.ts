import { describe, expect, it } from 'vitest';
import { localDays } from './contribution.js';
import { dayStart, lastYearPeriod, previousPeriod } from './periods.js';

describe('local days', () => {
  it('puts an instant on the organisation’s calendar, across midnight and a daylight-saving change', () => {
    const shanghai = localDays('Asia/Shanghai');
    expect(shanghai('2026-11-22T15:59:59.999Z')).toBe('2026-11-22');
    expect(shanghai('2026-11-22T16:00:00.000Z')).toBe('2026-11-23');
    const berlin = localDays('Europe/Berlin');
    // clocks go back at 01:00 UTC on 25 October 2026
    expect(berlin('2026-10-24T22:30:00.000Z')).toBe('2026-10-25');
    expect(berlin('2026-10-25T22:30:00.000Z')).toBe('2026-10-25');
    expect(berlin('2026-10-25T23:30:00.000Z')).toBe('2026-10-26');
    expect(dayStart('2026-10-26', 'Europe/Berlin')).toBe('2026-10-25T23:00:00.000Z');
    expect(dayStart('2026-11-23', 'Asia/Shanghai')).toBe('2026-11-22T16:00:00.000Z');
  });

  it('compares a month with the month before and a custom period with as many days before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-03-31' })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-11-16', to: '2026-11-22' })).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(lastYearPeriod({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(lastYearPeriod({ from: '2026-11-16', to: '2026-11-22' })).toEqual({ from: '2025-11-16', to: '2025-11-22' });
  });
});
