import dayjs from 'dayjs';

export const formatTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** A share as a percentage with at most one decimal: 0.9554 → "95.5%"; no orders, no rate. */
export const formatRate = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${Number((rate * 100).toFixed(1))}%`;
