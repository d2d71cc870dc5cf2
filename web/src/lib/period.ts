import dayjs, { type Dayjs } from 'dayjs';

/**
 * Whole months in local time as the half-open UTC range the figures take: from the first instant of the first
 * month to the first instant after the last.
 */
export function monthRange(first: Dayjs, last: Dayjs = first): { from: string; to: string } {
  return { from: first.startOf('month').toISOString(), to: last.startOf('month').add(1, 'month').toISOString() };
}

export const thisMonth = (now: Dayjs = dayjs()) => monthRange(now);
