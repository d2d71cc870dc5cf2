import type { FormItem } from '../../../../contracts/quality.js';

/** the weighted total the server will compute, shown while the inspector types */
export function weightedTotal(items: FormItem[], scores: Record<string, number | null | undefined>): number {
  const weights = items.reduce((s, i) => s + i.weight, 0);
  if (weights === 0) return 0;
  const sum = items.reduce((s, i) => s + i.weight * (scores[i.key] ?? 0), 0);
  return Math.round((sum * 100) / weights) / 100;
}

/** ISO week of a date as the browser sees it, e.g. 2026-W48 */
export function isoWeek(d: Date): string {
  const date = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  date.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() + 3 - ((firstThursday.getUTCDay() + 6) % 7));
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const isoMonth = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;

/** the item scores as the API takes them; every item scored */
export const itemScores = (items: FormItem[], scores: Record<string, number | null | undefined>) =>
  items.map((i) => ({ key: i.key, score: scores[i.key] ?? 0 }));
