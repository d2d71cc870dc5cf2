import { describe, expect, it } from 'vitest';
import { isoMonth, isoWeek, weightedTotal } from './score-values';

const items = [
  { key: 'courtesy', labelZh: '礼貌', labelEn: 'Courtesy', weight: 1 },
  { key: 'accuracy', labelZh: '准确', labelEn: 'Accuracy', weight: 3 },
];

describe('inspection scoring', () => {
  it('weights the items like the server, unscored items counting zero', () => {
    expect(weightedTotal(items, { courtesy: 100, accuracy: 80 })).toBe(85);
    expect(weightedTotal(items, { courtesy: 100 })).toBe(25);
    expect(weightedTotal([], {})).toBe(0);
  });
  it('names ISO weeks and months', () => {
    expect(isoWeek(new Date(2026, 10, 23))).toBe('2026-W48');
    expect(isoWeek(new Date(2026, 10, 22))).toBe('2026-W47');
    expect(isoWeek(new Date(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeek(new Date(2025, 11, 29))).toBe('2026-W01');
    expect(isoMonth(new Date(2026, 10, 23))).toBe('2026-11');
  });
});
