import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { monthRange } from './period';

describe('month ranges', () => {
  it('run from the first instant of the first month to the first instant after the last, in local time', () => {
    const { from, to } = monthRange(dayjs('2026-11-23T15:00'), dayjs('2026-12-02T08:00'));
    expect(dayjs(from).format('YYYY-MM-DD HH:mm:ss')).toBe('2026-11-01 00:00:00');
    expect(dayjs(to).format('YYYY-MM-DD HH:mm:ss')).toBe('2027-01-01 00:00:00');
    expect(from.endsWith('Z')).toBe(true);
  });

  it('one month by default', () => {
    const { from, to } = monthRange(dayjs('2026-02-10'));
    expect(dayjs(to).diff(dayjs(from), 'day')).toBe(28);
  });
});
